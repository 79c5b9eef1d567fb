import { deckSchema } from '@classpulse/realtime/protocol';
import { apiError, json, readJson, validationError } from '../../../../server/api-response.ts';
import { deleteDeck, getDeck, saveDeck } from '../../../../server/decks.ts';
import { requireTeacher } from '../../../../server/require-teacher.ts';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const deck = getDeck(auth.teacherId, (await params).id);
  return deck
    ? json({ ok: true, ...deck })
    : apiError(404, 'not_found', 'This deck does not exist.');
}

/** Saves the whole deck; the protocol's deck schema is the one validation. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const deck = deckSchema.safeParse(await readJson(request));
  if (!deck.success) return validationError(deck.error);
  const saved = saveDeck(auth.teacherId, (await params).id, deck.data);
  return saved
    ? json({ ok: true, deck: deck.data })
    : apiError(404, 'not_found', 'This deck does not exist.');
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  return deleteDeck(auth.teacherId, (await params).id)
    ? new Response(null, { status: 204 })
    : apiError(404, 'not_found', 'This deck does not exist.');
}
