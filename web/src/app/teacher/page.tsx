import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SiteFooter } from '../../components/SiteFooter.tsx';
import { DeckLibrary } from '../../components/teacher/DeckLibrary.tsx';
import { currentAccount } from '../../server/accounts/current-account.ts';
import { webConfig } from '../../server/config.ts';
import { listDecks, listSharedDecks } from '../../server/decks.ts';
import { listCoTaught, listSessions } from '../../server/sessions.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teacher');
  return { title: t('library.title') };
}
export const dynamic = 'force-dynamic';

export default async function TeacherHome() {
  const account = await currentAccount();
  if (!account) redirect('/teacher/login');
  const [decks, library, sharedDecks, coTaught] = await Promise.all([
    listDecks(account.id),
    listSessions(account.id),
    listSharedDecks(account.id),
    listCoTaught(account.id),
  ]);
  const sessions = library.map(({ teacherToken: _secret, ...rest }) => rest);
  const { name, email, role } = account;
  return (
    <>
      <DeckLibrary
        account={{ name, email, role }}
        decks={decks}
        sessions={sessions}
        sharedDecks={sharedDecks}
        coTaught={coTaught}
        schoolSignInName={webConfig().oidc?.providerName ?? null}
      />
      <SiteFooter />
    </>
  );
}
