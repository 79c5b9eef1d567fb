import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Projector } from '../../../../../components/projector/Projector.tsx';
import { LocaleProvider } from '../../../../../i18n/LocaleProvider.tsx';
import { isOfferedLocale, type AppLocale } from '../../../../../i18n/locales.ts';
import type { Namespace } from '../../../../../i18n/namespaces.ts';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { webConfig } from '../../../../../server/config.ts';
import { getDeck } from '../../../../../server/decks.ts';
import { pageMetricsSettings } from '../../../../../server/metrics-page-token.ts';
import { joinLink } from '../../../../../server/join-link.ts';
import { getSession } from '../../../../../server/sessions.ts';

export const dynamic = 'force-dynamic';

/** The wall's words, and the results' (`kinds`). */
const PROJECTOR_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'projector', 'kinds'];

type Params = { params: Promise<{ id: string }> };

/**
 * The projector speaks the deck's language (the class reads it, not the teacher): the deck's
 * content language when we offer it (by primary subtag, "es-MX" → es), else the teacher's own.
 */
async function projectorLocale(teacherId: string, sessionId: string): Promise<AppLocale> {
  const session = await getSession(teacherId, sessionId);
  // The owner's copy of the deck: a co-teacher may not see it in their own library.
  const deck = session?.deckId ? await getDeck(session.ownerId, session.deckId) : null;
  const primary = deck?.deck.language?.split('-')[0]?.toLowerCase();
  return isOfferedLocale(primary) ? primary : await getLocale();
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const teacherId = await currentTeacherId();
  const locale = teacherId
    ? await projectorLocale(teacherId, (await params).id)
    : await getLocale();
  const t = await getTranslations({ locale, namespace: 'projector.projector' });
  return { title: t('metaTitle') };
}

export default async function ProjectorPage({ params }: Params) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const session = await getSession(teacherId, id);
  if (!session) notFound();
  const host = (await headers()).get('host');
  const link = await joinLink(host, session.joinCode);
  return (
    <LocaleProvider namespaces={PROJECTOR_NAMESPACES} locale={await projectorLocale(teacherId, id)}>
      <Projector
        sessionId={session.id}
        joinCode={session.joinCode}
        joinHost={host ?? 'localhost:3000'}
        qrSvg={link.qrSvg}
        metrics={await pageMetricsSettings(webConfig())}
      />
    </LocaleProvider>
  );
}
