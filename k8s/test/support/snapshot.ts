import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `UPDATE_SNAPSHOTS=1` rewrites snapshots instead of comparing with them. */
export const updatingSnapshots = process.env.UPDATE_SNAPSHOTS === '1';

export type SnapshotResult =
  { status: 'matches' | 'written' } | { status: 'differs' | 'missing'; expected: string | null };

/** Compares `actual` byte for byte with the file, or (re)writes the file when updating. */
export function compareSnapshot(file: string, actual: string): SnapshotResult {
  if (updatingSnapshots) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return { status: 'written' };
  }
  if (!existsSync(file)) return { status: 'missing', expected: null };
  const expected = readFileSync(file, 'utf8');
  return expected === actual ? { status: 'matches' } : { status: 'differs', expected };
}

/** The first line where two texts differ, for a short failure message. */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  snapshot: ${JSON.stringify(a[i] ?? '(end)')}\n  now:      ${JSON.stringify(b[i] ?? '(end)')}`;
  return '(no difference)';
}
