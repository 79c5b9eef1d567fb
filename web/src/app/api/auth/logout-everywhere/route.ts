import {
  currentAccount,
  forgetCachedAccount,
} from '../../../../server/accounts/current-account.ts';
import { signedOutRedirect } from '../../../../server/accounts/responses.ts';
import { endSessionsBefore } from '../../../../server/data/account-repository.ts';
import { database } from '../../../../server/db.ts';

/**
 * "Sign out everywhere": every cookie of this account issued until now stops working (on other
 * replicas within a minute, see current-account.ts), then this browser goes to sign-in.
 */
export async function POST(request: Request): Promise<Response> {
  const account = await currentAccount();
  if (account) {
    await endSessionsBefore(await database(), account.id, Date.now() + 1);
    forgetCachedAccount(account.id);
  }
  return signedOutRedirect(request);
}
