import { LIMITS } from '@classpulse/realtime/protocol';
import { apiError, json } from '../../../server/api-response.ts';
import { webConfig } from '../../../server/config.ts';
import { startImport } from '../../../server/imports.ts';
import { readMultipartFile } from '../../../server/multipart-file.ts';
import { requireTeacher } from '../../../server/require-teacher.ts';
import { teacherInterfaceLanguage } from '../../../server/accounts/teacher-language.ts';

/**
 * Starts importing a PDF or PowerPoint file (multipart field "file"): into a new deck (optional
 * field "title"), or appended to the deck in field "deckId". Answers 202 with the import's status;
 * GET /api/imports/<id> follows it page by page.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const read = await readMultipartFile(request, webConfig().imports.maxBytes, {
    noun: 'the file',
    choose: 'Choose a PDF or PowerPoint file to import.',
  });
  if (!read.ok) return read.response;
  if (read.file.size === 0) return apiError(400, 'missing_file', 'The chosen file is empty.');
  const deckId = read.fields.get('deckId')?.trim() || undefined;
  const title = read.fields.get('title')?.trim() || undefined;
  if (deckId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(deckId))
    return apiError(404, 'deck_not_found', 'That deck does not exist.');
  if (title !== undefined && title.length > LIMITS.deckTitleMax)
    return apiError(
      400,
      'invalid_title',
      `Keep the title under ${LIMITS.deckTitleMax} characters.`,
    );

  const result = await startImport(
    auth.teacherId,
    { name: read.file.name, bytes: Buffer.from(await read.file.arrayBuffer()) },
    {
      ...(deckId ? { deckId } : {}),
      ...(title ? { title } : {}),
      language: await teacherInterfaceLanguage(),
    },
  );
  if ('refused' in result)
    return apiError(result.refused.status, result.refused.code, result.refused.message);
  return json({ ok: true, import: result.started }, 202);
}
