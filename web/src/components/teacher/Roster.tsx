'use client';

import {
  isInClass,
  type ExtendedTimeSetting,
  type Presence,
  type SessionState,
  type StudentRecord,
} from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { countText } from './count-text.ts';
import { ROWS_PER_PAGE, ShowMore } from './ShowMore.tsx';
import styles from './dashboard.module.css';

/** What presence's transport means to a teacher (catalog keys under `roster.transport`). */
const TRANSPORTS = ['websocket', 'polling', 'firebase'] as const;
const isKnownTransport = (t: string): t is (typeof TRANSPORTS)[number] =>
  (TRANSPORTS as readonly string[]).includes(t);

/** The extended-time choices, in the order the select lists them, with their catalog keys. */
const EXTENDED_TIMES: ReadonlyArray<{
  value: ExtendedTimeSetting;
  key: 'standard' | 'oneAndHalf' | 'double' | 'unlimited';
}> = [
  { value: 1, key: 'standard' },
  { value: 1.5, key: 'oneAndHalf' },
  { value: 2, key: 'double' },
  { value: 'unlimited', key: 'unlimited' },
];

type ExtendedTimeKey = (typeof EXTENDED_TIMES)[number]['key'];

/**
 * One student's extended time. It shows the choice at once (a keyboard user moving through the
 * options with the arrow keys is not sent back by the round trip), and follows the session when
 * it changes from elsewhere (a co-teacher).
 */
function ExtendedTimeSelect({
  label,
  current,
  optionText,
  onChange,
}: {
  label: string;
  current: ExtendedTimeKey;
  optionText: (key: ExtendedTimeKey) => string;
  onChange: (value: ExtendedTimeSetting) => void;
}) {
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  return (
    <select
      className={styles.timeSelect}
      aria-label={label}
      value={value}
      onChange={(event) => {
        const chosen = EXTENDED_TIMES.find((e) => e.key === event.currentTarget.value);
        if (!chosen) return;
        setValue(chosen.key);
        onChange(chosen.value);
      }}
    >
      {EXTENDED_TIMES.map((e) => (
        <option key={e.key} value={e.key}>
          {optionText(e.key)}
        </option>
      ))}
    </select>
  );
}

function extendedTimeOf(student: StudentRecord): (typeof EXTENDED_TIMES)[number] {
  return EXTENDED_TIMES.find((e) => e.value === (student.extendedTime ?? 1)) ?? EXTENDED_TIMES[0]!;
}

/**
 * Every student, by name, with their connection state, how they are connected (WebSocket,
 * long-polling or Firebase), the round trip their device last measured and their extended time
 * (an accommodation only the teachers and that student see); searchable, and a page of rows at a
 * time so a hall of 2,000 stays quick. Everything is text in table cells; the coloured dot only
 * repeats the status.
 */
export function Roster({
  state,
  presence,
  onRemove,
  onExtendedTime,
}: {
  state: SessionState;
  presence: Record<string, Presence>;
  onRemove: (studentId: string, name: string) => void;
  onExtendedTime: (studentId: string, extendedTime: ExtendedTimeSetting) => void;
}) {
  const t = useTranslations('dashboard.roster');
  const format = useFormatter();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  // Presence times are read where the teacher is (the dashboard renders in the browser only).
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const all = useMemo(
    () =>
      Object.values(state.students)
        .filter(isInClass)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [state.students],
  );
  const wanted = query.trim().toLocaleLowerCase();
  const matching = wanted ? all.filter((s) => s.name.toLocaleLowerCase().includes(wanted)) : all;
  // A lecture hall's thousands of rows are never all in the page: a page at a time, and search.
  const students = matching.slice(0, shown);
  return (
    <section aria-labelledby="roster-heading" className="card">
      <h2 id="roster-heading" className={styles.panelTitle}>
        {t('title', { count: countText(format, all.length) })}
      </h2>
      {all.length > ROWS_PER_PAGE / 10 ? (
        <div className="field">
          <label htmlFor="roster-search">{t('find')}</label>
          <input
            id="roster-search"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setShown(ROWS_PER_PAGE);
            }}
          />
        </div>
      ) : null}
      {all.length === 0 ? (
        <p className={styles.muted}>{t('empty')}</p>
      ) : matching.length === 0 ? (
        <p className={styles.muted} role="status">
          {t.rich('noMatch', {
            query: query.trim(),
            data: (chunks) => <span translate="no">{chunks}</span>,
          })}
        </p>
      ) : (
        // Focusable, so a keyboard can scroll it when it is wider than the panel.
        <div
          className={styles.rosterScroll}
          role="group"
          aria-labelledby="roster-heading"
          tabIndex={0}
        >
          <table className={styles.roster} aria-labelledby="roster-heading">
            <thead>
              <tr>
                <th scope="col">{t('columnName')}</th>
                <th scope="col">{t('columnStatus')}</th>
                <th scope="col">{t('columnConnection')}</th>
                <th scope="col">{t('columnRoundTrip')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => {
                const p = presence[s.id];
                const status = p?.status ?? 'gone';
                const connected = status === 'connected';
                const extended = extendedTimeOf(s);
                return (
                  <tr key={s.id}>
                    <th scope="row" className={styles.rosterName}>
                      <span translate="no">{s.name}</span>
                      {extended.value === 1 ? null : (
                        <>
                          {' '}
                          <span className={styles.timeBadge}>
                            {t(`extendedTime.${extended.key}`)}
                          </span>
                        </>
                      )}
                    </th>
                    <td className={styles.muted}>
                      <span className={styles.rosterNowrap}>
                        <span className={`${styles.dot} ${styles[status]}`} aria-hidden="true" />{' '}
                        {t(`status.${status}`)}
                      </span>
                      {!connected && p
                        ? t('seen', {
                            time: format.dateTime(new Date(p.lastSeenAt), {
                              hour: 'numeric',
                              minute: '2-digit',
                              second: '2-digit',
                              timeZone,
                            }),
                          })
                        : ''}
                    </td>
                    <td className={`${styles.muted} ${styles.rosterNowrap}`}>
                      {connected && p?.transport ? (
                        isKnownTransport(p.transport) ? (
                          t(`transport.${p.transport}`)
                        ) : (
                          <span translate="no">{p.transport}</span>
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className={`${styles.muted} ${styles.rosterNowrap}`}>
                      {connected && p?.rttMs !== undefined ? t('roundTrip', { ms: p.rttMs }) : '—'}
                    </td>
                    <td>
                      <div className={styles.rosterActions}>
                        <ExtendedTimeSelect
                          label={t('extendedTimeFor', { name: s.name })}
                          current={extended.key}
                          optionText={(key) => t(`extendedTime.${key}`)}
                          onChange={(value) => onExtendedTime(s.id, value)}
                        />
                        <button
                          type="button"
                          className={styles.linkButton}
                          onClick={() => onRemove(s.id, s.name)}
                        >
                          {t.rich('remove', {
                            name: s.name,
                            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                          })}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore
        shown={students.length}
        total={matching.length}
        onMore={() => setShown((n) => n + ROWS_PER_PAGE)}
        className={styles.controlRow}
        mutedClassName={styles.muted}
      />
    </section>
  );
}
