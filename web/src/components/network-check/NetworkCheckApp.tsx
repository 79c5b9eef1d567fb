'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import styles from './network-check.module.css';
import { formatRule } from '../../lib/network-check/format.ts';
import { CHECK_INFO, NETWORK_CHECKS, runNetworkChecks } from '../../lib/network-check/run.ts';
import {
  allowList,
  countOutcomes,
  OUTCOME_WORDS,
  outcomeSentence,
  summaryText,
} from '../../lib/network-check/summary.ts';
import type {
  CheckResult,
  NetworkCheck,
  NetworkCheckTargets,
} from '../../lib/network-check/types.ts';
import {
  useInteractive,
  usePageMetrics,
  type MetricsSettings,
} from '../../lib/use-page-metrics.ts';

type Results = Partial<Record<NetworkCheck, CheckResult>>;

const ICONS = { pass: '✓', warn: '!', fail: '✕', not_applicable: '–' } as const;

/**
 * The network check a school's IT admin runs from inside the school: every check at once, each
 * result with what it means and what to allow, a summary to send to support, and one count per
 * result to the metrics aggregator (so we see patterns across schools).
 */
export function NetworkCheckApp({
  targets,
  metrics: metricsSettings,
}: {
  targets: NetworkCheckTargets;
  metrics: MetricsSettings;
}) {
  const metrics = usePageMetrics('network_check', metricsSettings);
  const [hydrated, setHydrated] = useState(false);
  const [results, setResults] = useState<Results>({});
  const [running, setRunning] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const run = useRef(0);
  const summaryRef = useRef<HTMLTextAreaElement>(null);

  const start = useCallback(() => {
    const id = (run.current += 1);
    const finished: Array<[NetworkCheck, CheckResult['outcome']]> = [];
    setResults({});
    setRunning(true);
    setCheckedAt(new Date());
    setCopyStatus('');
    const onResult = (check: NetworkCheck, result: CheckResult) => {
      if (run.current !== id) return;
      setResults((previous) => ({ ...previous, [check]: result }));
      finished.push([check, result.outcome]);
    };
    void runNetworkChecks(targets, onResult, metrics?.token() ?? null).finally(() => {
      if (run.current !== id) return;
      setRunning(false);
      // Counted only for a whole run: leaving the page mid-run tears its sockets and requests
      // down, and those checks would report failures that the school's network never caused.
      for (const [check, outcome] of finished)
        metrics?.count('classroom_network_check_results_total', {
          app: 'network_check',
          check,
          outcome,
        });
      metrics?.flush();
    });
  }, [targets, metrics]);

  useEffect(() => {
    setHydrated(true);
    start();
    // Leaving (or unmounting) abandons the run in flight: its late results are dropped.
    const abandon = () => (run.current += 1);
    // Back from the back/forward cache, the abandoned run starts over.
    const resume = (event: PageTransitionEvent) => {
      if (event.persisted) start();
    };
    window.addEventListener('pagehide', abandon);
    window.addEventListener('pageshow', resume);
    return () => {
      window.removeEventListener('pagehide', abandon);
      window.removeEventListener('pageshow', resume);
      abandon();
    };
  }, [start]);
  useInteractive(metrics, hydrated);

  const done = Object.keys(results).length;
  const counts = countOutcomes(results);
  const status = !checkedAt
    ? 'The checks start in a moment.'
    : running
      ? `Checking… ${done} of ${NETWORK_CHECKS.length} done.`
      : `All ${NETWORK_CHECKS.length} checks done: ${outcomeSentence(counts)}.`;
  const summary = checkedAt
    ? summaryText({
        origin: window.location.origin,
        checkedAt,
        userAgent: navigator.userAgent,
        results,
      })
    : '';
  const rules = allowList(results);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      setCopyStatus('Summary copied.');
      return;
    } catch {
      // No clipboard API (insecure origin, or refused): select the text and copy it the old way.
    }
    const area = summaryRef.current;
    area?.focus();
    area?.select();
    const copied = area ? document.execCommand('copy') : false;
    setCopyStatus(
      copied
        ? 'Summary copied.'
        : 'This browser did not allow copying: the summary is selected below, copy it with Ctrl+C (⌘C on a Mac).',
    );
  };

  const download = () => {
    const blob = new Blob([summary], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    const stamp = (checkedAt ?? new Date()).toISOString().slice(0, 16).replace(/[-:T]/g, '');
    link.href = url;
    link.download = `classpulse-network-check-${stamp}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setCopyStatus('Summary downloaded.');
  };

  return (
    <main className={`page ${styles.page}`}>
      <p className="page-kicker">For school IT</p>
      <h1 className="page-title">Network check</h1>
      <p className={styles.lead}>
        Open this page on a device inside your school network. It tests whether everything
        Classpulse needs gets through your firewall, proxy and filters, says what each result means,
        and lists exactly what to allow.
      </p>
      <noscript>
        <p className={styles.lead}>The checks run in your browser: please turn on JavaScript.</p>
      </noscript>
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={start} disabled={running}>
          {running ? 'Checking…' : 'Run the checks again'}
        </button>
        <p className={styles.status} role="status" aria-live="polite">
          {status}
        </p>
      </div>

      <ol className={styles.checks}>
        {NETWORK_CHECKS.map((check) => (
          <CheckItem
            key={check}
            check={check}
            result={results[check]}
            pending={running || !checkedAt}
          />
        ))}
      </ol>

      <section className={`card ${styles.section}`} aria-labelledby="allow-heading">
        <h2 id="allow-heading" className={styles.sectionTitle}>
          Everything to allow for this Classpulse site
        </h2>
        {rules.length > 0 ? (
          <ul className={styles.rules}>
            {rules.map((rule) => (
              <li key={formatRule(rule)}>
                <code>{formatRule(rule)}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>Shown when the checks are done.</p>
        )}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="summary-heading">
        <h2 id="summary-heading" className={styles.sectionTitle}>
          Summary for support
        </h2>
        <p>Send this to Classpulse support if something fails: it holds every result above.</p>
        <div className={styles.toolbar}>
          <button
            type="button"
            className="button"
            onClick={() => void copy()}
            disabled={running || !summary}
          >
            Copy summary
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={download}
            disabled={running || !summary}
          >
            Download summary
          </button>
          <p className={styles.status} role="status">
            {copyStatus}
          </p>
        </div>
        <div className="field">
          <label htmlFor="summary-text">Summary text</label>
          <textarea
            id="summary-text"
            ref={summaryRef}
            className={styles.summary}
            readOnly
            rows={14}
            value={summary}
          />
        </div>
      </section>
    </main>
  );
}

function CheckItem({
  check,
  result,
  pending,
}: {
  check: NetworkCheck;
  result: CheckResult | undefined;
  pending: boolean;
}) {
  const info = CHECK_INFO[check];
  const headingId = `check-${check}`;
  const outcome = result?.outcome;
  return (
    <li className={styles.check} aria-labelledby={headingId}>
      <div className={styles.checkHeader}>
        <h2 id={headingId} className={styles.checkTitle}>
          {info.title}
        </h2>
        <span className={`${styles.badge} ${outcome ? styles[outcome] : styles.pending}`}>
          <span aria-hidden="true">{outcome ? ICONS[outcome] : '…'}</span>
          <span className="visually-hidden">Result: </span>
          {outcome ? OUTCOME_WORDS[outcome] : pending ? 'Checking…' : 'Not run'}
        </span>
      </div>
      <p className={styles.purpose}>{info.purpose}</p>
      {result && (
        <>
          <p className={styles.headline}>{result.headline}</p>
          <p className={styles.meaning}>{result.meaning}</p>
          {result.allow.length > 0 && (
            <>
              <h3 className={styles.subTitle}>
                {result.outcome === 'pass' ? 'What it needs' : 'What to allow'}
              </h3>
              <ul className={styles.rules}>
                {result.allow.map((rule) => (
                  <li key={formatRule(rule)}>
                    <code>{formatRule(rule)}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.details.length > 0 && (
            <details className={styles.details}>
              <summary>Technical details</summary>
              <ul>
                {result.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </li>
  );
}
