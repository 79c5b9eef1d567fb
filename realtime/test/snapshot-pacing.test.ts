import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSnapshotPacer } from '../src/server/store/snapshot-pacing.ts';

/** How many appends of `eventBytes` each go by before one is due (that one included). */
function appendsUntilDue(
  pacer: ReturnType<typeof createSnapshotPacer>,
  eventBytes: number,
  limit = 100_000,
): number {
  const events = 'e'.repeat(eventBytes);
  for (let n = 1; n <= limit; n++) if (pacer.due('s', events)) return n;
  return Infinity;
}

test('a small state is snapshotted once the log since the last one is as large as it', () => {
  const pacer = createSnapshotPacer(10);
  pacer.written('s', 'x'.repeat(5_000));
  assert.equal(appendsUntilDue(pacer, 100), 50);
});

test('never before snapshotEvery appends, however large the log', () => {
  const pacer = createSnapshotPacer(10);
  pacer.written('s', 'x'.repeat(10));
  assert.equal(appendsUntilDue(pacer, 10_000), 10);
});

test('a big state waits until the log is four times its size', () => {
  const pacer = createSnapshotPacer(10);
  pacer.written('s', 'x'.repeat(1_000_000));
  assert.equal(appendsUntilDue(pacer, 1_000), 4_000);
});

test('a load counts the log it replayed', () => {
  const pacer = createSnapshotPacer(10);
  pacer.loaded('s', 5_000, 4_900, 49);
  assert.equal(appendsUntilDue(pacer, 100), 1);
});
