import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SiteFooter } from '../components/SiteFooter.tsx';
import styles from './home.module.css';

export default async function Home() {
  const t = await getTranslations('accounts');
  return (
    <>
      <main className={`page ${styles.home}`}>
        <h1 className={styles.title} translate="no">
          {t('home.brand')}
        </h1>
        <p className={styles.lead}>{t('home.lead')}</p>
        <div className={styles.actions}>
          <Link className="button" href="/join">
            {t('home.join')}
          </Link>
          <Link className="button button-secondary" href="/teacher">
            {t('home.teacher')}
          </Link>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
