import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { DeckEditor } from '../../../../components/editor/DeckEditor.tsx';
import { DeckPreview } from '../../../../components/sharing/DeckPreview.tsx';
import { ShareDeck } from '../../../../components/sharing/ShareDeck.tsx';
import { currentTeacherId } from '../../../../server/accounts/current-account.ts';
import { webConfig } from '../../../../server/config.ts';
import { getAccount } from '../../../../server/data/account-repository.ts';
import { database } from '../../../../server/db.ts';
import { getDeck } from '../../../../server/decks.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teacher');
  return { title: t('editorPage.title') };
}
export const dynamic = 'force-dynamic';

export default async function DeckEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect(`/teacher/login?next=/teacher/decks/${encodeURIComponent(id)}`);
  const stored = await getDeck(teacherId, id);
  if (!stored) notFound();
  const t = await getTranslations('teacher');
  const ownerName =
    stored.access === 'owner'
      ? ''
      : ((await getAccount(await database(), stored.ownerId))?.name ?? t('share.anotherTeacher'));
  if (stored.access === 'view')
    return <DeckPreview deckId={stored.id} deck={stored.deck} ownerName={ownerName} />;
  return (
    <DeckEditor
      deckId={stored.id}
      initialDeck={stored.deck}
      uploadMaxBytes={webConfig().uploadMaxBytes}
      sharing={
        stored.access === 'owner' ? (
          <ShareDeck deckId={stored.id} />
        ) : (
          <p className="notice">{t('share.sharedToEdit', { owner: ownerName })}</p>
        )
      }
    />
  );
}
