import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { joinCodeSchema, LIMITS } from '@classpulse/realtime/protocol';
import { SiteFooter } from '../../components/SiteFooter.tsx';
import { LanguagePicker } from '../../components/locale/LanguagePicker.tsx';
import styles from './join.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('student.joinPage'))('title') };
}

/**
 * Code entry works without JavaScript: a GET form to this page, which redirects to the
 * session's page when the code is well-formed.
 */
export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string }>;
}) {
  const t = await getTranslations('student.joinPage');
  const { code } = await searchParams;
  const parsed = code === undefined ? null : joinCodeSchema.safeParse(code);
  if (parsed?.success) redirect(`/join/${parsed.data}`);
  // The protocol's own message is English: say it in the reader's language.
  const issue = parsed && !parsed.success ? parsed.error.issues[0] : undefined;
  const error = !issue
    ? undefined
    : issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_type'
      ? t('codeLength', { length: LIMITS.joinCodeLength })
      : t('codeInvalid');

  return (
    <>
      <main className={`page ${styles.join}`}>
        <LanguagePicker />
        <h1>{t('heading')}</h1>
        <form method="get" action="/join" className="card" noValidate>
          <div className="field">
            <label htmlFor="code">{t('codeLabel')}</label>
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
              dir="ltr"
              translate="no"
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
                {t('codeHint')}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            {t('continue')}
          </button>
        </form>
      </main>
      <SiteFooter />
    </>
  );
}
