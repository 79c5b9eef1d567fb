import { parse } from 'csv-parse/sync';

/** A downloaded CSV as its cells, read by a real CSV parser (csv-parse), byte-order mark and all. */
export function parseCsv(text: string): string[][] {
  const records: unknown = parse(text, { bom: true, relax_column_count: true });
  if (!Array.isArray(records)) throw new Error('csv-parse returned no records');
  return records.map((record) => (record as unknown[]).map((cell) => String(cell)));
}
