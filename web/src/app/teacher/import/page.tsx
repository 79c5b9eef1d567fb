import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { IMPORT_ID_PATTERN } from '../../../components/importing/import-api.ts';
import { ImportSlides } from '../../../components/importing/ImportSlides.tsx';
import { currentTeacherId } from '../../../server/accounts/current-account.ts';
import { getDeck } from '../../../server/decks.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teacher');
  return { title: t('importing.heading') };
}
export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' ? value : null;

/**
 * /teacher/import: a PDF or PowerPoint file becomes a new deck; with ?deck=<id>, its pages are
 * added to that deck. ?import=<id> is a running import this page resumes after a refresh.
 */
export default async function ImportPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const deckId = single(params.deck);
  const importId = single(params.import);
  const teacherId = await currentTeacherId();
  if (!teacherId) {
    const here = deckId ? `/teacher/import?deck=${encodeURIComponent(deckId)}` : '/teacher/import';
    redirect(`/teacher/login?next=${encodeURIComponent(here)}`);
  }
  let target = null;
  if (deckId !== null) {
    const stored = await getDeck(teacherId, deckId);
    // Only a teacher who may edit the deck may add pages to it.
    if (!stored || stored.access === 'view') notFound();
    target = { deckId: stored.id, title: stored.deck.title, slideCount: stored.deck.slides.length };
  }
  return (
    <ImportSlides
      target={target}
      resumeImportId={importId !== null && IMPORT_ID_PATTERN.test(importId) ? importId : null}
    />
  );
}
