import { json } from '../../../../server/api-response.ts';
import { importCapabilities } from '../../../../server/imports.ts';
import { requireTeacher } from '../../../../server/require-teacher.ts';

/** What the import page may offer here: PDF always, PowerPoint where LibreOffice is installed. */
export async function GET(): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  return json({ ok: true, ...importCapabilities() });
}
