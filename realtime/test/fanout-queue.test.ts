import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FanoutQueue } from '../src/server/fanout-queue.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await turn();
}

test('flushes run in the order they were queued, also those queued by a flush', async () => {
  const queue = new FanoutQueue(1_000);
  const ran: string[] = [];
  queue.add(() => ran.push('a'));
  queue.add(() => {
    ran.push('b');
    queue.add(() => ran.push('d'));
  });
  queue.add(() => ran.push('c'));
  assert.deepEqual(ran, [], 'nothing runs in the turn that queued it');
  await settle();
  assert.deepEqual(ran, ['a', 'b', 'c', 'd']);
});

test('the event loop serves other work between slices', async () => {
  // A zero-length slice runs one flush per turn: what else was waiting runs in between.
  const queue = new FanoutQueue(0);
  const ran: string[] = [];
  for (const name of ['1', '2', '3']) queue.add(() => ran.push(name));
  setImmediate(() => ran.push('other'));
  await settle();
  assert.deepEqual(ran, ['1', 'other', '2', '3']);
});

test('a long queue drains completely, and the queue is usable again afterwards', async () => {
  const queue = new FanoutQueue(0);
  let count = 0;
  for (let i = 0; i < 3_000; i++) queue.add(() => count++);
  while (count < 3_000) await turn();
  queue.add(() => count++);
  await settle();
  assert.equal(count, 3_001);
});

test("a teacher's flush ('first') runs before the class views queued ahead of it", async () => {
  const queue = new FanoutQueue(0);
  const ran: string[] = [];
  queue.add(() => ran.push('view 1'));
  queue.add(() => ran.push('view 2'));
  queue.add(() => ran.push('view 3'));
  await turn();
  queue.add(() => ran.push('teacher'), 'first');
  await settle();
  assert.deepEqual(ran, ['view 1', 'teacher', 'view 2', 'view 3']);
});
