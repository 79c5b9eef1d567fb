import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { joinCodeSchema } from '@classpulse/realtime/protocol';
import { SiteFooter } from '../../components/SiteFooter.tsx';
import styles from './join.module.css';

export const metadata: Metadata = { title: 'Join' };

/**
 * Code entry works without JavaScript: a GET form to this page, which redirects to the
 * session's page when the code is well-formed.
 */
export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string }>;
}) {
  const { code } = await searchParams;
  const parsed = code === undefined ? null : joinCodeSchema.safeParse(code);
  if (parsed?.success) redirect(`/join/${parsed.data}`);
  const error = parsed && !parsed.success ? parsed.error.issues[0]?.message : undefined;

  return (
    <>
      <main className={`page ${styles.join}`}>
        <h1>Join a session</h1>
        <form method="get" action="/join" className="card" noValidate>
          <div className="field">
            <label htmlFor="code">Session code</label>
            <input
              id="code"
              name="code"
              defaultValue={code ?? ''}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              inputMode="text"
              maxLength={12}
              className={styles.code}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'code-error' : 'code-hint'}
              required
            />
            {error ? (
              <p id="code-error" className="field-error" role="alert">
                {error}
              </p>
            ) : (
              <p id="code-hint" className={styles.hint}>
                The six characters on your teacher’s screen.
              </p>
            )}
          </div>
          <button type="submit" className="button">
            Continue
          </button>
        </form>
      </main>
      <SiteFooter />
    </>
  );
}
