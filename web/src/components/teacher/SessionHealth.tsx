import { HEALTH_DEFINITIONS, type HealthReport } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { countText } from './count-text.ts';
import { msText, type HealthT } from './health-text.ts';
import { HealthStudents } from './HealthStudents.tsx';
import { LocalTime } from './LocalTime.tsx';
import { PrintButton } from './PrintButton.tsx';
import styles from './health.module.css';

/**
 * After class, for the teacher and school IT: how every student's connection and answers fared,
 * and the explicit check that every answer a student saw "received" is stored.
 */
export function SessionHealth({ sessionId, report }: { sessionId: string; report: HealthReport }) {
  const t = useTranslations('reports.health');
  const format = useFormatter();
  const n = (value: number) => countText(format, value);
  const ms = (value: number | null) => msText(t, format, value);
  const { totals, delivery, storedCheck } = report;
  const allStored = storedCheck.missing.length === 0;
  const summary: Array<[Parameters<HealthT>[0] & `totals.${string}`, string]> = [
    ['totals.students', n(totals.students)],
    ['totals.joins', n(totals.joins)],
    ['totals.connections', n(totals.connections)],
    ['totals.disconnects', n(totals.disconnects)],
    ['totals.reconnects', n(totals.reconnects)],
    ['totals.answers', n(totals.answers)],
    ['totals.queuedOffline', n(totals.queuedOffline)],
    ['totals.resent', n(totals.resent)],
    ['totals.restarts', n(totals.restarts)],
    ['totals.deliveryP50', ms(delivery.p50Ms)],
    ['totals.deliveryP95', ms(delivery.p95Ms)],
    ['totals.deliveryMax', ms(delivery.maxMs)],
    [
      'totals.measured',
      t('measuredOf', { measured: n(delivery.measured), total: n(totals.answers) }),
    ],
    ['totals.serverP50', ms(delivery.serverP50Ms)],
    ['totals.serverP95', ms(delivery.serverP95Ms)],
  ];
  const checkSentence =
    storedCheck.acknowledged === 0
      ? t('noAcknowledged')
      : storedCheck.missing.length === 0
        ? t('allStored', { count: n(storedCheck.acknowledged) })
        : t('someMissing', {
            missing: n(storedCheck.missing.length),
            count: n(storedCheck.acknowledged),
          });

  return (
    <main className={`page ${styles.health}`}>
      <header className="page-header">
        <div>
          <p className="page-kicker">
            {t.rich('kicker', { code: () => <span translate="no">{report.joinCode}</span> })}
          </p>
          <h1 className="page-title" translate="no">
            {report.title}
          </h1>
          <p className={styles.muted}>
            {t.rich('started', { time: () => <LocalTime at={report.createdAt} /> })}
            {report.endedAt === null
              ? t('stillLive')
              : t.rich('ended', { time: () => <LocalTime at={report.endedAt ?? 0} /> })}
            {t.rich('reportOf', { time: () => <LocalTime at={report.generatedAt} /> })}
          </p>
        </div>
        <nav aria-label={t('actions')} className={styles.actions}>
          <a className="button" href={`/api/sessions/${sessionId}/health.csv`} download>
            {t('downloadCsv')}
          </a>
          <a
            className="button button-secondary"
            href={`/api/sessions/${sessionId}/health.json`}
            download
          >
            {t('downloadJson')}
          </a>
          <PrintButton className="button button-secondary" />
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/report`}>
            {t('answersReport')}
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}`}>
            {t('dashboard')}
          </Link>
        </nav>
      </header>

      <section aria-labelledby="check-heading" className={styles.section}>
        <h2 id="check-heading">{t('checkHeading')}</h2>
        {allStored ? (
          <p className={`${styles.check} ${styles.checkOk}`}>
            <span aria-hidden="true">✓ </span>
            {checkSentence}
          </p>
        ) : (
          <div className={`${styles.check} ${styles.checkFailed}`} role="alert">
            <p>
              <span aria-hidden="true">✗ </span>
              {checkSentence} {t('sawAsReceived')}
            </p>
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption>{t('missingCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('student')}</th>
                    <th scope="col">{t('slide')}</th>
                    <th scope="col">{t('acknowledgedAt')}</th>
                    <th scope="col">{t('transport')}</th>
                    <th scope="col">{t('answerId')}</th>
                  </tr>
                </thead>
                <tbody>
                  {storedCheck.missing.map((m) => (
                    <tr key={`${m.studentId}/${m.slideId}/${m.answerId}`}>
                      <th scope="row" translate="no">
                        {m.name}
                      </th>
                      <td>
                        {m.slideNumber === null ? (
                          <span translate="no">{m.slideId}</span>
                        ) : (
                          t('slideNumber', { number: m.slideNumber })
                        )}
                      </td>
                      <td>
                        <LocalTime at={m.acknowledgedAt} />
                      </td>
                      <td translate="no">{m.transport}</td>
                      <td>
                        <code translate="no">{m.answerId}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <p className={styles.muted}>
          {t('stored', { count: n(storedCheck.stored) })}
          {storedCheck.removedByTeacher > 0
            ? t('removedByTeacher', { count: n(storedCheck.removedByTeacher) })
            : ''}
          {storedCheck.storedWithoutAck > 0
            ? t('storedWithoutAck', { count: n(storedCheck.storedWithoutAck) })
            : ''}
        </p>
      </section>

      <section aria-labelledby="summary-heading" className={styles.section}>
        <h2 id="summary-heading">{t('summaryHeading')}</h2>
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.summary}`}>
            <caption>{t('totalsCaption')}</caption>
            <tbody>
              {summary.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{t(label)}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="transports-heading" className={styles.section}>
        <h2 id="transports-heading">{t('byTransport')}</h2>
        {report.transports.length === 0 ? (
          <p className={styles.muted}>{t('noConnection')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>{t('transportsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transport')}</th>
                  <th scope="col">{t('connections')}</th>
                  <th scope="col">{t('answers')}</th>
                  <th scope="col">{t('deliveryP50')}</th>
                  <th scope="col">{t('deliveryP95')}</th>
                </tr>
              </thead>
              <tbody>
                {report.transports.map((row) => (
                  <tr key={row.transport}>
                    <th scope="row" translate="no">
                      {row.transport}
                    </th>
                    <td>{n(row.connections)}</td>
                    <td>{n(row.answers)}</td>
                    <td>{ms(row.deliveryP50Ms)}</td>
                    <td>{ms(row.deliveryP95Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="students-heading" className={styles.section}>
        <h2 id="students-heading">{t('studentsHeading')}</h2>
        <HealthStudents students={report.students} />
      </section>

      <section aria-labelledby="restarts-heading" className={styles.section}>
        <h2 id="restarts-heading">{t('restartsHeading')}</h2>
        {report.restarts.length === 0 ? (
          <p className={styles.muted}>{t('noRestart')}</p>
        ) : (
          <ul>
            {report.restarts.map((r) => (
              <li key={`${r.at}-${r.process}`}>
                {t.rich('restartAt', { time: () => <LocalTime at={r.at} /> })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="meaning-heading" className={styles.section}>
        <h2 id="meaning-heading">{t('meaningHeading')}</h2>
        <ul className={styles.definitions}>
          {(Object.keys(HEALTH_DEFINITIONS) as Array<keyof typeof HEALTH_DEFINITIONS>).map(
            (key) => (
              <li key={key}>{t(`definitions.${key}`)}</li>
            ),
          )}
        </ul>
        {report.notes.length > 0 ? (
          <>
            <h3>{t('couldNotSee')}</h3>
            {report.noteCodes ? (
              <ul>
                {report.noteCodes.map((note) => (
                  <li key={note.code}>{t(`notes.${note.code}`, { count: note.count ?? 0 })}</li>
                ))}
              </ul>
            ) : (
              // A realtime tier from before the codes: its notes are English.
              <ul lang="en">
                {report.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </section>
    </main>
  );
}
