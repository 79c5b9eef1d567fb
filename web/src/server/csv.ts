import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text, a number (written as a number), or nothing (an empty cell). */
export type CsvCell = string | number | null;

/**
 * Where a spreadsheet may start another cell inside this one: after `,`, `;`, a tab or a line
 * break (a program that splits on its own list separator or lines, quoted or not).
 */
const INNER_CELL_STARTS = /[,;\t\r\n]/g;
/** A plain number: `-5` or `+1.5e3` is a value, not a formula, so it is left alone. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * that some programs strip first) gets an apostrophe in front, wherever a cell could start, so a
 * student's answer can never execute in the teacher's spreadsheet (OWASP CSV injection). Text
 * without such a start is written as it is.
 */
export function neutralizeFormula(text: string): string {
  const inner = text.replace(INNER_CELL_STARTS, (separator: string, offset: number) =>
    startsFormula(text.slice(offset + 1)) ? `${separator}'` : separator,
  );
  return startsFormula(text) ? `'${inner}` : inner;
}

function startsFormula(rest: string): boolean {
  const first = rest[0];
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  if (first !== '+' && first !== '-') return false;
  // The number the cell would be (up to the next place a cell could start) is harmless.
  const cell = /^[^,;\t\r\n]*/.exec(rest)?.[0] ?? rest;
  return !PLAIN_NUMBER.test(cell);
}

/**
 * RFC 4180 CSV through csv-stringify: every text cell quoted (so `;` locales never split one),
 * formulas neutralised, numbers written as numbers (−5 stays −5), CRLF line ends.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)),
    ),
    {
      quoted_string: true,
      record_delimiter: 'windows',
      cast: { number: (value) => (Number.isFinite(value) ? String(value) : '') },
    },
  );
}
