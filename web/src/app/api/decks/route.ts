import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { readJsonBody } from '../../../server/request-body.ts';
import { json } from '../../../server/api-response.ts';
import { blankDeck, createDeck, listDecks } from '../../../server/decks.ts';
import { requireTeacher } from '../../../server/require-teacher.ts';
import { teacherInterfaceLanguage } from '../../../server/accounts/teacher-language.ts';

const createSchema = z.object({
  title: z.string().trim().min(1, 'Give the deck a title.').max(200),
});

export async function GET(): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  return json({ ok: true, decks: await listDecks(auth.teacherId) });
}

export async function POST(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, createSchema);
  if (!body.ok) return body.response;
  const language = await teacherInterfaceLanguage();
  const t = await getTranslations({ locale: language, namespace: 'teacher' });
  const words = {
    slideTitle: t('blankDeck.slideTitle'),
    prompt: t('blankDeck.prompt'),
    options: [t('blankDeck.confident'), t('blankDeck.gettingThere'), t('blankDeck.lost')],
  } as const;
  const created = await createDeck(auth.teacherId, blankDeck(body.data.title, language, words));
  return json({ ok: true, id: created.id, deck: created.deck }, 201);
}
