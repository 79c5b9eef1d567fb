import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { DeckEditor } from '../../../../components/editor/DeckEditor.tsx';
import { currentTeacherId } from '../../../../server/accounts/current-account.ts';
import { webConfig } from '../../../../server/config.ts';
import { getDeck } from '../../../../server/decks.ts';

export const metadata: Metadata = { title: 'Edit deck' };
export const dynamic = 'force-dynamic';

export default async function DeckEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const stored = await getDeck(teacherId, (await params).id);
  if (!stored) notFound();
  return (
    <DeckEditor
      deckId={stored.id}
      initialDeck={stored.deck}
      uploadMaxBytes={webConfig().uploadMaxBytes}
    />
  );
}
