import styles from './site-footer.module.css';

/** The public pages' footer: where a school's IT admin finds the network check. */
export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      {/* A plain link: the check's code is not prefetched onto students' phones. */}
      <a href="/network-check">Check your school’s network</a>
    </footer>
  );
}
