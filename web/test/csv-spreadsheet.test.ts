/**
 * CSV downloads are safe in every spreadsheet: property tests through a real CSV parser
 * (csv-parse), then the files opened by a real spreadsheet (LibreOffice Calc, headless, from
 * Debian) with formulas evaluated, in a `,` locale (en-US) and a `;` locale (de-DE): no cell is
 * ever a formula, text reads back as written (a would-be formula with its apostrophe), and
 * numbers are numbers (−5 stays −5).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { neutralizeFormula, toCsv, type CsvCell } from '../src/server/csv.ts';
import { parseCsv } from './support/csv.ts';

const run = promisify(execFile);

/** Characters that matter to spreadsheets and CSV, mixed with ordinary text. */
const tricky = fc.constantFrom(
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  ',',
  ';',
  '"',
  "'",
  '|',
  '!',
  '(',
  ')',
  'a',
  'Z',
  '1',
  '5',
  '.',
  'e',
  ' ',
  'é',
  '名',
  '😀',
);
const trickyText = fc.string({ unit: tricky, maxLength: 24 });
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 }));
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  anyText,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constant(null),
);

/** What a cell reads back as: text neutralised, numbers as JavaScript writes them, null empty. */
const expected = (value: CsvCell): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(value);

describe('CSV cells through a real CSV parser', () => {
  it('every table reads back cell for cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (rows) => {
          const parsed = parseCsv(toCsv(rows));
          assert.deepEqual(
            parsed,
            rows.map((row) => row.map(expected)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('text is changed only where a spreadsheet could start a formula, and only once', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const safe = neutralizeFormula(text);
        assert.equal(neutralizeFormula(safe), safe, 'neutralising is idempotent');
        assert.equal(safe.replaceAll("'", ''), text.replaceAll("'", ''), 'only apostrophes added');
        if (!/(^|[,;\t\r\n])[=+\-@\t\r]/.test(text)) assert.equal(safe, text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('neutralises the known attacks and leaves plain numbers alone', () => {
    assert.equal(neutralizeFormula("x;=cmd|'/C calc'!A0"), "x;'=cmd|'/C calc'!A0");
    assert.equal(neutralizeFormula('=HYPERLINK("http://evil")'), '\'=HYPERLINK("http://evil")');
    assert.equal(neutralizeFormula('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(neutralizeFormula('-2+3'), "'-2+3");
    assert.equal(neutralizeFormula('line one\n=1+1'), "line one\n'=1+1");
    assert.equal(neutralizeFormula('\t=1'), "'\t'=1");
    for (const plain of ['-5', '+1.5', '-0.25e3', 'Ada', '5 - 3', 'a=b']) {
      assert.equal(neutralizeFormula(plain), plain);
    }
    assert.equal(toCsv([[-5, 'x']]), '-5,"x"\r\n', 'a number is written as a number');
  });
});

/** Cells of the first sheet of a LibreOffice flat-XML spreadsheet: formula, type, value, text. */
interface SheetCell {
  formula: string | undefined;
  type: string | undefined;
  value: string | undefined;
  text: string;
}

/** The part of LibreOffice's flat XML this test reads (fast-xml-parser's shape, checked). */
const paragraphSchema = z.union([z.string(), z.object({ '#text': z.string().optional() })]);
// An empty cell (`<table:table-cell/>`) parses as an empty string.
const cellSchema = z.preprocess(
  (v) => (typeof v === 'string' ? {} : v),
  z.object({
    'table:formula': z.string().optional(),
    'office:value-type': z.string().optional(),
    'office:value': z.string().optional(),
    'table:number-columns-repeated': z.string().optional(),
    'text:p': z.array(paragraphSchema).optional(),
  }),
);
const tableSchema = z.object({
  'table:table-row': z.array(z.object({ 'table:table-cell': z.array(cellSchema).optional() })),
});
const documentSchema = z.object({
  'office:document': z.object({
    'office:body': z.object({ 'office:spreadsheet': z.object({ 'table:table': tableSchema }) }),
  }),
});

function sheetCells(fods: string): SheetCell[][] {
  const xml: unknown = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['table:table-row', 'table:table-cell', 'text:p'].includes(name),
    trimValues: false,
    // Cell text exactly as written ("1." stays "1."), never turned into a number here.
    parseTagValue: false,
  }).parse(fods);
  const table =
    documentSchema.parse(xml)['office:document']['office:body']['office:spreadsheet'][
      'table:table'
    ];
  return table['table:table-row'].map((row) =>
    (row['table:table-cell'] ?? []).flatMap((c) => {
      const one: SheetCell = {
        formula: c['table:formula'],
        type: c['office:value-type'],
        value: c['office:value'],
        text: (c['text:p'] ?? [])
          .map((p) => (typeof p === 'string' ? p : (p['#text'] ?? '')))
          .join('\n'),
      };
      const repeat = Math.min(Number(c['table:number-columns-repeated'] ?? 1), 50);
      return Array.from({ length: repeat }, () => one);
    }),
  );
}

interface CalcImport {
  separator: ',' | ';';
  /** LibreOffice's language id: 1033 en-US, 1031 de-DE. */
  language: number;
  /** Off is the most trusting import: quoted fields may become numbers or dates. */
  quotedAsText: boolean;
}

/**
 * Opens a CSV in LibreOffice Calc the way a person with that locale would (separator, language),
 * always with formulas evaluated, and returns its cells.
 */
async function openInCalc(
  folder: string,
  name: string,
  csv: string,
  { separator, language, quotedAsText }: CalcImport,
): Promise<SheetCell[][]> {
  const input = join(folder, `${name}.csv`);
  writeFileSync(input, `\uFEFF${csv}`);
  // Tokens: separator, text delimiter ("), UTF-8, first line, column formats, language, quoted
  // field as text, detect special numbers, (export only ×2), trim spaces, (export), evaluate formulas.
  const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,${language},${quotedAsText},true,false,false,false,-1,true`;
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(folder, 'profile')}`,
      '--headless',
      '--norestore',
      `--infilter=${filter}`,
      '--convert-to',
      'fods',
      '--outdir',
      folder,
      input,
    ],
    { timeout: 120_000 },
  );
  return sheetCells(readFileSync(join(folder, `${name}.fods`), 'utf8'));
}

describe('CSV files opened by LibreOffice Calc', { timeout: 300_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'csv-calc-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  // Spreadsheet-visible text only: Calc drops NUL and other control characters on import.
  const printable = fc.string({ unit: tricky, minLength: 1, maxLength: 24 });
  const attacks = [
    "x;=cmd|'/C calc'!A0",
    '=1+1',
    '+A1',
    '-2+3',
    '@SUM(A1:A2)',
    '=HYPERLINK("http://evil.example";"click")',
    'fine\n=1+1',
    'a,=1+1',
    'a;@SUM(1)',
    '-5',
    'Ada',
  ];
  const texts = [...attacks, ...fc.sample(printable, { numRuns: 300, seed: 19 })].filter(
    (t) => t.trim() !== '' && !/^[\t\r\n ]|[\t\r\n ]$/.test(t),
  );
  const numbers = [-5, 0, 1.5, 42, -0.25];
  const rows: CsvCell[][] = [
    ['Number', 'Text'],
    ...numbers.map((n, i) => [n, texts[i] ?? 'x']),
    ...texts.map((t, i) => [i, t]),
  ];
  const csv = toCsv(rows);

  const imports: Array<[string, CalcImport]> = [
    ['en-US, comma', { separator: ',', language: 1033, quotedAsText: false }],
    ['de-DE, semicolon', { separator: ';', language: 1031, quotedAsText: false }],
  ];
  for (const [locale, settings] of imports) {
    it(`no cell is a formula, even with the most trusting import (${locale})`, async () => {
      const cells = await openInCalc(folder, `trusting-${settings.language}`, csv, settings);
      const formulas = cells.flat().filter((c) => c.formula !== undefined);
      assert.deepEqual(formulas, [], `formulas in ${locale}`);
      assert.ok(cells.length >= rows.length, 'every row was read');
    });
  }

  it('text reads back as written and numbers as numbers (en-US, quoted fields as text)', async () => {
    const cells = await openInCalc(folder, 'as-text', csv, {
      separator: ',',
      language: 1033,
      quotedAsText: true,
    });
    assert.deepEqual(
      cells.flat().filter((c) => c.formula !== undefined),
      [],
    );
    for (const [r, row] of rows.entries()) {
      const [first, second] = row;
      const sheetRow = cells[r]!;
      if (typeof first === 'number') {
        assert.equal(sheetRow[0]?.type, 'float', `row ${r}: a number`);
        assert.equal(Number(sheetRow[0]?.value), first);
      }
      // Calc keeps runs of spaces and tabs as elements, not text: those rows are compared above
      // for formulas only. Line breaks become paragraphs.
      if (typeof second === 'string' && !/\t| {2}/.test(second))
        assert.equal(
          sheetRow[1]?.text,
          neutralizeFormula(second).replace(/\r\n?/g, '\n'),
          `row ${r}: ${JSON.stringify(second)} read as ${JSON.stringify(sheetRow)}`,
        );
    }
  });
});
