import { getTranslations } from 'next-intl/server';
import styles from './site-footer.module.css';

/** The public pages' footer: where a school's IT admin finds the network check. */
export async function SiteFooter() {
  const t = await getTranslations('accounts');
  return (
    <footer className={styles.footer}>
      {/* A plain link: the check's code is not prefetched onto students' phones. */}
      <a href="/network-check">{t('siteFooter.networkCheck')}</a>
    </footer>
  );
}
