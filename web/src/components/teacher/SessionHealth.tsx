import { HEALTH_DEFINITIONS, type HealthReport } from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { formatMs, storedCheckSentence } from '../../lib/health-words.ts';
import { HealthStudents } from './HealthStudents.tsx';
import { LocalTime } from './LocalTime.tsx';
import { PrintButton } from './PrintButton.tsx';
import styles from './health.module.css';

/**
 * After class, for the teacher and school IT: how every student's connection and answers fared,
 * and the explicit check that every answer a student saw "received" is stored.
 */
export function SessionHealth({ sessionId, report }: { sessionId: string; report: HealthReport }) {
  const { totals, delivery, storedCheck } = report;
  const allStored = storedCheck.missing.length === 0;
  const summary: Array<[string, string]> = [
    ['Students in the session', String(totals.students)],
    ['Joins', String(totals.joins)],
    ['Connections', String(totals.connections)],
    ['Disconnects', String(totals.disconnects)],
    ['Reconnects', String(totals.reconnects)],
    ['Answers acknowledged', String(totals.answers)],
    ['Answers queued offline and delivered later', String(totals.queuedOffline)],
    ['Answers resent after a lost acknowledgement', String(totals.resent)],
    ['Server restarts seen', String(totals.restarts)],
    ['Delivery time, median (p50)', formatMs(delivery.p50Ms)],
    ['Delivery time, 95th percentile (p95)', formatMs(delivery.p95Ms)],
    ['Delivery time, slowest', formatMs(delivery.maxMs)],
    ['Answers with a delivery time', `${delivery.measured} of ${totals.answers}`],
    ['Server time, median (p50)', formatMs(delivery.serverP50Ms)],
    ['Server time, 95th percentile (p95)', formatMs(delivery.serverP95Ms)],
  ];

  return (
    <main className={`page ${styles.health}`}>
      <header className="page-header">
        <div>
          <p className="page-kicker">Health report · code {report.joinCode}</p>
          <h1 className="page-title">{report.title}</h1>
          <p className={styles.muted}>
            Started <LocalTime at={report.createdAt} />
            {report.endedAt === null ? (
              ' · still live'
            ) : (
              <>
                {' · ended '}
                <LocalTime at={report.endedAt} />
              </>
            )}
            {' · report of '}
            <LocalTime at={report.generatedAt} />
          </p>
        </div>
        <nav aria-label="Health report actions" className={styles.actions}>
          <a className="button" href={`/api/sessions/${sessionId}/health.csv`} download>
            Download CSV
          </a>
          <a
            className="button button-secondary"
            href={`/api/sessions/${sessionId}/health.json`}
            download
          >
            Download JSON
          </a>
          <PrintButton className="button button-secondary" />
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/report`}>
            Answers report
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}`}>
            Dashboard
          </Link>
        </nav>
      </header>

      <section aria-labelledby="check-heading" className={styles.section}>
        <h2 id="check-heading">Stored answers check</h2>
        {allStored ? (
          <p className={`${styles.check} ${styles.checkOk}`}>
            <span aria-hidden="true">✓ </span>
            {storedCheckSentence(storedCheck)}
          </p>
        ) : (
          <div className={`${styles.check} ${styles.checkFailed}`} role="alert">
            <p>
              <span aria-hidden="true">✗ </span>
              {storedCheckSentence(storedCheck)} Students saw these as received:
            </p>
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption>Acknowledged answers that are not stored</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Slide</th>
                    <th scope="col">Acknowledged at</th>
                    <th scope="col">Transport</th>
                    <th scope="col">Answer id</th>
                  </tr>
                </thead>
                <tbody>
                  {storedCheck.missing.map((m) => (
                    <tr key={`${m.studentId}/${m.slideId}/${m.answerId}`}>
                      <th scope="row">{m.name}</th>
                      <td>{m.slideNumber === null ? m.slideId : `Slide ${m.slideNumber}`}</td>
                      <td>
                        <LocalTime at={m.acknowledgedAt} />
                      </td>
                      <td>{m.transport}</td>
                      <td>
                        <code>{m.answerId}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <p className={styles.muted}>
          {storedCheck.stored} stored
          {storedCheck.removedByTeacher > 0
            ? ` · ${storedCheck.removedByTeacher} of students you removed (deleted with them)`
            : ''}
          {storedCheck.storedWithoutAck > 0
            ? ` · ${storedCheck.storedWithoutAck} stored without a logged acknowledgement`
            : ''}
        </p>
      </section>

      <section aria-labelledby="summary-heading" className={styles.section}>
        <h2 id="summary-heading">Summary</h2>
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.summary}`}>
            <caption>Session totals</caption>
            <tbody>
              {summary.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="transports-heading" className={styles.section}>
        <h2 id="transports-heading">By transport</h2>
        {report.transports.length === 0 ? (
          <p className={styles.muted}>No connection was recorded.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>Connections and answers by transport</caption>
              <thead>
                <tr>
                  <th scope="col">Transport</th>
                  <th scope="col">Connections</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Delivery p50</th>
                  <th scope="col">Delivery p95</th>
                </tr>
              </thead>
              <tbody>
                {report.transports.map((t) => (
                  <tr key={t.transport}>
                    <th scope="row">{t.transport}</th>
                    <td>{t.connections}</td>
                    <td>{t.answers}</td>
                    <td>{formatMs(t.deliveryP50Ms)}</td>
                    <td>{formatMs(t.deliveryP95Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="students-heading" className={styles.section}>
        <h2 id="students-heading">Students</h2>
        <HealthStudents students={report.students} />
      </section>

      <section aria-labelledby="restarts-heading" className={styles.section}>
        <h2 id="restarts-heading">Server restarts</h2>
        {report.restarts.length === 0 ? (
          <p className={styles.muted}>No server restart during this session.</p>
        ) : (
          <ul>
            {report.restarts.map((r) => (
              <li key={`${r.at}-${r.process}`}>
                <LocalTime at={r.at} />: a new server process took the session over
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="meaning-heading" className={styles.section}>
        <h2 id="meaning-heading">What the numbers mean</h2>
        <ul className={styles.definitions}>
          {Object.entries(HEALTH_DEFINITIONS).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
        {report.notes.length > 0 ? (
          <>
            <h3>What this report could not see</h3>
            <ul>
              {report.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </main>
  );
}
