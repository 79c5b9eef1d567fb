'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DataText } from '../../i18n/DataText.tsx';
import { renderMarked, type FormatMessage } from '../../i18n/words.ts';
import type { AnswerWordsKey } from '../../kinds/kind.ts';
import type { CsvCell } from '../../server/csv.ts';
import type { ReportAnswerCells } from '../../server/session-report.ts';
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
  answers,
  footer = null,
}: {
  rows: readonly (readonly CsvCell[])[];
  /** The answer cells in the reader's language (the rows' are the CSV's English). */
  answers?: ReportAnswerCells;
  /** The percent-correct row, under every page of students. */
  footer?: readonly CsvCell[] | null;
}) {
  const t = useTranslations('reports.report');
  // Keys from the kinds' answerWords, typed there (AnswerWordsKey) against the same catalog.
  const kindsFormat = useTranslations('kinds') as unknown as FormatMessage<AnswerWordsKey>;
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
  const all = body.map((row, r) => ({ row, said: answers?.rows[r] }));
  const matching = wanted
    ? all.filter(({ row }) =>
        String(row[0] ?? '')
          .toLocaleLowerCase()
          .includes(wanted),
      )
    : all;
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
              {page.map(({ row, said }, r) => (
                <tr key={r}>
                  {row.map((cell, i) => {
                    if (i === 0)
                      return (
                        <th key={i} scope="row" translate="no">
                          {cell}
                        </th>
                      );
                    // The student's email, or an answer in words (its own text is data).
                    const words = answers && i >= answers.from ? said?.[i - answers.from] : null;
                    return (
                      <td key={i}>
                        {cell === null || cell === '' ? (
                          <span className={styles.muted}>—</span>
                        ) : words !== null && words !== undefined ? (
                          <DataText text={renderMarked(words, kindsFormat)} />
                        ) : answers && i === 1 && answers.from === 2 ? (
                          <bdi translate="no">{cell}</bdi>
                        ) : (
                          cell
                        )}
                      </td>
                    );
                  })}
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
