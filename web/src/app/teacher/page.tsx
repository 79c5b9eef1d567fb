import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DeckLibrary } from '../../components/teacher/DeckLibrary.tsx';
import { currentTeacherId } from '../../server/auth.ts';
import { listDecks } from '../../server/decks.ts';
import { listSessions } from '../../server/sessions.ts';

export const metadata: Metadata = { title: 'Your decks' };
export const dynamic = 'force-dynamic';

export default async function TeacherHome() {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const [decks, library] = await Promise.all([listDecks(teacherId), listSessions(teacherId)]);
  const sessions = library.map(({ teacherToken: _secret, ...rest }) => rest);
  return <DeckLibrary decks={decks} sessions={sessions} />;
}
