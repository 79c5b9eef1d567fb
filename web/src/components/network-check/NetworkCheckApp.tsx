'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import styles from './network-check.module.css';
import { formatRule, ruleText } from '../../lib/network-check/format.ts';
import { NETWORK_CHECKS, runNetworkChecks } from '../../lib/network-check/run.ts';
import { allowList, countOutcomes, summaryText } from '../../lib/network-check/summary.ts';
import type {
  AllowRule,
  CheckResult,
  CheckTextKey,
  NetworkCheck,
  NetworkCheckTargets,
  TextValue,
} from '../../lib/network-check/types.ts';
import { DataText } from '../../i18n/DataText.tsx';
import { renderMarked, type FormatMessage } from '../../i18n/words.ts';
import {
  useInteractive,
  usePageMetrics,
  type MetricsSettings,
} from '../../lib/use-page-metrics.ts';

type Results = Partial<Record<NetworkCheck, CheckResult>>;

const ICONS = { pass: '✓', warn: '!', fail: '✕', not_applicable: '–' } as const;

/**
 * A check's words in the reader's language. Data inside them (hosts, URLs, status codes,
 * protocol ids) is never translated: DataText isolates it in `<bdi translate="no">`.
 */
function useCheckWords(): (value: TextValue) => ReactNode {
  const t = useTranslations('network.networkCheck');
  // Keys and values come from lib/network-check, typed by CheckTextKey against the same catalog.
  const format = t as unknown as FormatMessage<CheckTextKey>;
  return (value) => <DataText text={renderMarked(value, format)} />;
}

/** An allow-list line: host and port are data, the protocol and the reason are words. */
function RuleLine({ rule }: { rule: AllowRule }) {
  const words = useCheckWords();
  return <code>{words(ruleText(rule))}</code>;
}

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
  const t = useTranslations('network.networkCheck');
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
  const outcomes = [
    t('passed', { count: counts.pass }),
    t('warnings', { count: counts.warn }),
    t('failed', { count: counts.fail }),
    ...(counts.not_applicable > 0 ? [t('notApplicable', { count: counts.not_applicable })] : []),
  ].join(', ');
  const status = !checkedAt
    ? t('startSoon')
    : running
      ? t('progress', { done, total: NETWORK_CHECKS.length })
      : t('allDone', { total: NETWORK_CHECKS.length, outcomes });
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
      setCopyStatus(t('copied'));
      return;
    } catch {
      // No clipboard API (insecure origin, or refused): select the text and copy it the old way.
    }
    const area = summaryRef.current;
    area?.focus();
    area?.select();
    const copied = area ? document.execCommand('copy') : false;
    setCopyStatus(copied ? t('copied') : t('copyRefused'));
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
    setCopyStatus(t('downloaded'));
  };

  return (
    <main className={`page ${styles.page}`}>
      <p className="page-kicker">{t('kicker')}</p>
      <h1 className="page-title">{t('title')}</h1>
      <p className={styles.lead}>{t('lead')}</p>
      <noscript>
        <p className={styles.lead}>{t('noScript')}</p>
      </noscript>
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={start} disabled={running}>
          {running ? t('checking') : t('runAgain')}
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
          {t('allowHeading')}
        </h2>
        {rules.length > 0 ? (
          <ul className={styles.rules}>
            {rules.map((rule) => (
              <li key={formatRule(rule)}>
                <RuleLine rule={rule} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('shownWhenDone')}</p>
        )}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="summary-heading">
        <h2 id="summary-heading" className={styles.sectionTitle}>
          {t('summaryHeading')}
        </h2>
        <p>
          {t('summaryHint')} {t('summaryInEnglish')}
        </p>
        <div className={styles.toolbar}>
          <button
            type="button"
            className="button"
            onClick={() => void copy()}
            disabled={running || !summary}
          >
            {t('copy')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={download}
            disabled={running || !summary}
          >
            {t('download')}
          </button>
          <p className={styles.status} role="status">
            {copyStatus}
          </p>
        </div>
        <div className="field">
          <label htmlFor="summary-text">{t('summaryText')}</label>
          <textarea
            id="summary-text"
            ref={summaryRef}
            className={styles.summary}
            readOnly
            rows={14}
            value={summary}
            // For Classpulse support, in English whatever the page's language.
            lang="en"
            dir="ltr"
            translate="no"
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
  const t = useTranslations('network.networkCheck');
  const words = useCheckWords();
  const headingId = `check-${check}`;
  const outcome = result?.outcome;
  return (
    <li className={styles.check} aria-labelledby={headingId}>
      <div className={styles.checkHeader}>
        <h2 id={headingId} className={styles.checkTitle}>
          {t(`checks.${check}.title`)}
        </h2>
        <span className={`${styles.badge} ${outcome ? styles[outcome] : styles.pending}`}>
          <span aria-hidden="true">{outcome ? ICONS[outcome] : '…'}</span>
          <span className="visually-hidden">{t('resultLabel')}</span>
          {outcome ? t(`outcomes.${outcome}`) : pending ? t('checking') : t('notRun')}
        </span>
      </div>
      <p className={styles.purpose}>{t(`checks.${check}.purpose`)}</p>
      {result && (
        <>
          <p className={styles.headline}>{words(result.headline)}</p>
          <p className={styles.meaning}>
            {result.meaning.map((sentence, i) => (
              <Fragment key={i}>
                {i > 0 && ' '}
                {words(sentence)}
              </Fragment>
            ))}
          </p>
          {result.allow.length > 0 && (
            <>
              <h3 className={styles.subTitle}>
                {result.outcome === 'pass' ? t('whatItNeeds') : t('whatToAllow')}
              </h3>
              <ul className={styles.rules}>
                {result.allow.map((rule) => (
                  <li key={formatRule(rule)}>
                    <RuleLine rule={rule} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.details.length > 0 && (
            <details className={styles.details}>
              <summary>{t('technicalDetails')}</summary>
              <ul>
                {result.details.map((detail, i) => (
                  <li key={i}>{words(detail)}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </li>
  );
}
