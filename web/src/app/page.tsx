import Link from 'next/link';
import { SiteFooter } from '../components/SiteFooter.tsx';
import styles from './home.module.css';

export default function Home() {
  return (
    <>
      <main className={`page ${styles.home}`}>
        <h1 className={styles.title}>Classpulse</h1>
        <p className={styles.lead}>Live questions for your class. Every answer, as it happens.</p>
        <div className={styles.actions}>
          <Link className="button" href="/join">
            Join a session
          </Link>
          <Link className="button button-secondary" href="/teacher">
            I’m a teacher
          </Link>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
