import { z } from 'zod';
import { json } from '../../../../server/api-response.ts';
import { forgetCachedAccount } from '../../../../server/accounts/current-account.ts';
import { localeCookieHeader } from '../../../../server/accounts/locale-cookie.ts';
import { setLanguage } from '../../../../server/data/account-repository.ts';
import { database } from '../../../../server/db.ts';
import { readJsonBody } from '../../../../server/request-body.ts';
import { requireTeacher } from '../../../../server/require-teacher.ts';
import { LOCALES } from '../../../../i18n/locales.ts';

const bodySchema = z.object({ language: z.enum(LOCALES) });

/**
 * The teacher's interface language: saved to the account (so the next sign-in, on any device,
 * speaks it) and to this browser's language cookie (so the next page does).
 */
export async function PUT(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  await setLanguage(await database(), auth.teacherId, body.data.language);
  forgetCachedAccount(auth.teacherId);
  const response = json({ ok: true, language: body.data.language });
  response.headers.append('set-cookie', localeCookieHeader(request, body.data.language));
  return response;
}
