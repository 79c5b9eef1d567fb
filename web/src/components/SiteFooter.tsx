import { getTranslations } from 'next-intl/server';
import styles from './site-footer.module.css';

/**
 * The footer of the public and teacher pages: where a school's IT admin finds the network check,
 * and everyone what is stored about them.
 */
export async function SiteFooter() {
  const t = await getTranslations('accounts');
  return (
    <footer className={styles.footer}>
      {/* A plain link: the check's code is not prefetched onto students' phones. */}
      <a href="/network-check">{t('siteFooter.networkCheck')}</a>
      <a href="/privacy">{t('siteFooter.privacy')}</a>
    </footer>
  );
}
