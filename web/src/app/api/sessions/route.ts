import { createSessionRequestSchema } from '@classpulse/realtime/protocol';
import { readJsonBody } from '../../../server/request-body.ts';
import { z } from 'zod';
import { apiError, json } from '../../../server/api-response.ts';
import { getDeck } from '../../../server/decks.ts';
import { requireTeacher } from '../../../server/require-teacher.ts';
import { startSession } from '../../../server/sessions.ts';

const bodySchema = z
  .object({
    deckId: z.string().min(1).max(64),
    settings: createSessionRequestSchema.shape.settings,
  })
  // A homework due in the past would take no answer at all: surely a slip in the date.
  .refine(({ settings }) => settings.dueAt === undefined || settings.dueAt > Date.now(), {
    message: 'Choose a due date and time in the future.',
    path: ['settings', 'dueAt'],
  });

export async function POST(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const stored = await getDeck(auth.teacherId, body.data.deckId);
  if (!stored) return apiError(404, 'not_found', 'This deck does not exist.');
  const started = await startSession(auth.teacherId, stored.id, stored.deck, body.data.settings);
  if (!started.ok) return apiError(started.status, 'start_failed', started.message);
  return json({ ok: true, sessionId: started.session.id, joinCode: started.session.joinCode }, 201);
}
