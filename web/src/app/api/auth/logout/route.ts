import { signedOutRedirect } from '../../../../server/accounts/responses.ts';

/** Plain form POST from any teacher page: clear this browser's cookie and go to sign-in. */
export function POST(request: Request): Response {
  return signedOutRedirect(request);
}
