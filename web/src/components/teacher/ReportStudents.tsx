'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CsvCell } from '../../server/csv.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { ROWS_PER_PAGE, ShowMore } from './ShowMore.tsx';
import styles from './report.module.css';

/** The footer's first cell as the CSV says it (PERCENT_CORRECT_LABEL, server/session-report.ts). */
const PERCENT_CORRECT_LABEL = 'Percent correct';

/** Rows rendered at once; the rest a button or a search away (a hall of 2,000 stays quick). */

/**
 * Every student's answers, a row each in the report's order (the CSV's rows): searchable by
 * name and a page of rows at a time once the class is large.
 */
export function ReportStudents({
  rows,
  footer = null,
}: {
  rows: readonly (readonly CsvCell[])[];
  /** The percent-correct row, under every page of students. */
  footer?: readonly CsvCell[] | null;
}) {
  const t = useTranslations('reports.report');
  const format = useFormatter();
  const [header, ...body] = rows;
  // The rows are the CSV's, whose header stays English for the district tools that read it; the
  // page says the same columns in the reader's language.
  const columnName = (cell: CsvCell): CsvCell => {
    if (cell === 'Student') return t('studentColumn');
    if (cell === 'Email') return t('emailColumn');
    if (typeof cell !== 'string') return cell;
    const total = /^Total \(of ([^)]+)\)$/.exec(cell);
    if (total) return t('totalColumn', { points: total[1] ?? '' });
    const score = /^Score: (.*) \(of ([^)]+)\)$/.exec(cell);
    if (score) return t('scoreColumn', { slide: score[1] ?? '', points: score[2] ?? '' });
    return cell;
  };
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const wanted = query.trim().toLocaleLowerCase();
  const matching = wanted
    ? body.filter((row) =>
        String(row[0] ?? '')
          .toLocaleLowerCase()
          .includes(wanted),
      )
    : body;
  const page = matching.slice(0, shown);
  return (
    <>
      {body.length > ROWS_PER_PAGE / 10 ? (
        <div className={`field ${styles.search}`}>
          <label htmlFor="report-search">{t('findStudent')}</label>
          <input
            id="report-search"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setShown(ROWS_PER_PAGE);
            }}
          />
        </div>
      ) : null}
      {matching.length === 0 && wanted ? (
        <p className={styles.muted} role="status">
          {t('noMatch', { query: query.trim() })}
        </p>
      ) : (
        <ScrollRegion className={styles.tableWrap} label={t('answersByStudent')}>
          <table className={styles.table}>
            <thead>
              <tr>
                {header?.map((cell, i) => (
                  <th key={i} scope="col">
                    {columnName(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>
                        {cell === null || cell === '' ? (
                          <span className={styles.muted}>—</span>
                        ) : (
                          cell
                        )}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            {footer ? (
              <tfoot>
                <tr>
                  {footer.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell === PERCENT_CORRECT_LABEL ? t('percentCorrectRow') : cell}
                      </th>
                    ) : (
                      <td key={i}>
                        {cell === null || cell === ''
                          ? null
                          : format.number(Number(cell) / 100, {
                              style: 'percent',
                              maximumFractionDigits: 1,
                            })}
                      </td>
                    ),
                  )}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </ScrollRegion>
      )}
      <ShowMore
        shown={page.length}
        total={matching.length}
        onMore={() => setShown((n) => n + ROWS_PER_PAGE)}
        className={styles.more}
        mutedClassName={styles.muted}
      />
    </>
  );
}
