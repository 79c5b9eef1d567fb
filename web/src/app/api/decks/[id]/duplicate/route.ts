import { apiError, json } from '../../../../../server/api-response.ts';
import { duplicateDeck } from '../../../../../server/decks.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';

export async function POST(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const copy = duplicateDeck(auth.teacherId, (await params).id);
  return copy
    ? json({ ok: true, id: copy.id }, 201)
    : apiError(404, 'not_found', 'This deck does not exist.');
}
