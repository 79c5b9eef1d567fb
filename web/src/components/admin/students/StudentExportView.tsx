import type { Answer } from '@classpulse/realtime/protocol';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DataText } from '../../../i18n/DataText.tsx';
import { renderMarked, type FormatMessage } from '../../../i18n/words.ts';
import type { AnswerWordsKey } from '../../../kinds/kind.ts';
import { answerWords } from '../../../lib/answer-text.ts';
import type { StudentExportResult } from '../../../server/student-requests-export.ts';
import styles from './students.module.css';

/**
 * A student's export as a page to read or print: a section per session with its facts, then each
 * answer under its question's prompt, in the reader's language (the answers themselves are the
 * student's words, kept whole).
 */
export async function StudentExportView({ result }: { result: StudentExportResult }) {
  const t = await getTranslations('privacy.students');
  // Keys from the kinds' answerWords, typed there (AnswerWordsKey) against the same catalog.
  const kindsFormat = (await getTranslations('kinds')) as unknown as FormatMessage<AnswerWordsKey>;
  const format = await getFormatter();
  const when = (at: number) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
  const { document, questions } = result;
  return (
    <>
      {document.sessions.map(({ session, signIn, student, answers, health }) => {
        const byslide = questions.get(session.id);
        const headingId = `session-${session.id}`;
        return (
          <section key={session.id} aria-labelledby={headingId} className={styles.session}>
            <h2 id={headingId}>
              {t('sessionHeading', {
                title: session.title,
                date: format.dateTime(session.startedAt, { dateStyle: 'medium' }),
              })}
            </h2>
            <ul className={styles.facts}>
              <li>{t('nameLine', { name: student.name })}</li>
              {signIn ? <li>{t('signedInLine', { email: signIn.email })}</li> : null}
              <li>{t('joinedLine', { time: when(student.joinedAt) })}</li>
              <li>{t('teacherLine', { teacher: session.teacher ?? t('formerTeacher') })}</li>
              <li>{t('codeLine', { code: session.joinCode })}</li>
            </ul>
            <h3>{t('answersHeading')}</h3>
            {answers.length === 0 ? (
              <p>{t('noAnswers')}</p>
            ) : (
              <ol className={styles.answers}>
                {answers.map((a) => (
                  <li key={a.slideId} value={a.slideIndex + 1}>
                    <strong>{a.prompt}</strong>
                    <p className={styles.answer}>
                      <DataText
                        text={t('answerLine', {
                          answer: renderMarked(
                            answerWords(byslide?.get(a.slideId), a.answer as Answer),
                            kindsFormat,
                          ),
                        })}
                      />
                    </p>
                    <p className={`${styles.answer} ${styles.muted}`}>
                      {t('answeredLine', { time: when(a.answeredAt) })}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <p>{t('healthLine', { count: health.length })}</p>
          </section>
        );
      })}
      {document.unavailable.map((u) => (
        <p key={u.sessionId} role="alert">
          {t('unavailable', { session: u.sessionId })}
        </p>
      ))}
    </>
  );
}
