import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apply, type EngineEvent, type Envelope } from '../../src/engine/index.ts';
import { deckSchema, type SessionState } from '../../src/protocol/index.ts';
import { JoinCodeTakenError, type SessionStore } from '../../src/server/index.ts';
import { answerFor, EVERY_KIND_DECK } from './classroom.ts';

const deck = deckSchema.parse(EVERY_KIND_DECK);
const teacher = { role: 'teacher', teacherId: 'teacher-1' } as const;

function newSession(id: string, joinCode: string): { state: SessionState; events: EngineEvent[] } {
  const r = apply(
    null,
    {
      actor: teacher,
      command: {
        type: 'createSession',
        sessionId: id,
        joinCode,
        deck,
        settings: { pacing: 'instructor', latePolicy: 'allow' },
      },
    },
    1_000,
  );
  assert.ok(r.ok);
  return { state: r.state, events: r.events };
}

/** Applies a command and appends its events, as the registry does. */
async function run(
  store: SessionStore,
  state: SessionState,
  envelope: Envelope,
  now: number,
): Promise<void> {
  const r = apply(state, envelope, now);
  assert.ok(r.ok, JSON.stringify(r));
  if (r.events.length > 0) await store.append(state.id, r.events, r.state);
}

/**
 * The behaviour every SessionStore adapter must have. The SQLite adapter runs it today; the
 * Firebase adapter runs the same suite.
 */
export function sessionStoreContract(
  name: string,
  open: () => Promise<{
    store: SessionStore;
    reopen: () => Promise<SessionStore>;
    cleanup: () => Promise<void>;
  }>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    it('loads exactly what was appended, across a reopen (snapshots plus replay)', async () => {
      const { store, reopen, cleanup } = await open();
      const { state, events } = newSession('s-replay', 'ABCDEF');
      await store.create(state, events);
      for (let i = 0; i < 25; i++) {
        await run(
          store,
          state,
          {
            actor: { role: 'student', studentId: `st${i}` },
            command: { type: 'join', name: `S${i}` },
          },
          2_000 + i,
        );
      }
      for (let i = 0; i < 25; i++) {
        await run(
          store,
          state,
          {
            actor: { role: 'student', studentId: `st${i}` },
            command: {
              type: 'submitAnswer',
              slideId: 'mc',
              answerId: `answer-${i}-0`,
              answer: answerFor('multiple-choice', i),
            },
          },
          3_000 + i,
        );
      }
      await run(
        store,
        state,
        {
          actor: teacher,
          command: { type: 'hideResponse', slideId: 'mc', studentId: 'st3', hidden: true },
        },
        4_000,
      );
      assert.deepEqual(await store.load('s-replay'), state);
      await store.close();
      const again = await reopen();
      assert.deepEqual(await again.load('s-replay'), state);
      await again.close();
      await cleanup();
    });

    it('group-commits appends issued together, in order', async () => {
      const { store, cleanup } = await open();
      const { state, events } = newSession('s-group', 'BCDEFG');
      await store.create(state, events);
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 50; i++) {
        const r = apply(
          state,
          {
            actor: { role: 'student', studentId: `g${i}` },
            command: { type: 'join', name: `G${i}` },
          },
          5_000 + i,
        );
        assert.ok(r.ok);
        writes.push(store.append(state.id, r.events, r.state));
      }
      await Promise.all(writes);
      assert.equal((await store.load('s-group'))?.seq, 51);
      await store.close();
      await cleanup();
    });

    it('refuses an append that would leave a gap in the log', async () => {
      const { store, cleanup } = await open();
      const { state, events } = newSession('s-gap', 'CDEFGH');
      await store.create(state, events);
      const skipped = { ...structuredClone(state), seq: state.seq + 2 };
      await assert.rejects(store.append(state.id, [{ type: 'sessionEnded', at: 1 }], skipped));
      assert.equal((await store.load('s-gap'))?.seq, 1);
      await store.close();
      await cleanup();
    });

    it('an append refused in a group commit fails alone; the others are stored', async () => {
      const { store, cleanup } = await open();
      const kept = newSession('s-kept', 'EFGHJK');
      const gone = newSession('s-gone', 'FGHJKM');
      await store.create(kept.state, kept.events);
      await store.create(gone.state, gone.events);
      // Applies a join and appends it at once (apply changes the state in place).
      const join = (state: SessionState, id: string, seq?: number) => {
        const r = apply(
          state,
          { actor: { role: 'student', studentId: id }, command: { type: 'join', name: id } },
          9_000,
        );
        assert.ok(r.ok);
        return store.append(state.id, r.events, seq === undefined ? r.state : { ...r.state, seq });
      };
      // Issued in one turn: the middle one names a seq its session never reaches.
      const writes = [join(kept.state, 'k1'), join(gone.state, 'g1', 9), join(kept.state, 'k2')];
      const [first, middle, last] = await Promise.allSettled(writes);
      assert.equal(first?.status, 'fulfilled');
      assert.equal(middle?.status, 'rejected');
      assert.equal(last?.status, 'fulfilled');
      assert.equal((await store.load('s-kept'))?.seq, 3);
      assert.equal((await store.load('s-gone'))?.seq, 1);
      await store.close();
      await cleanup();
    });

    it('a join code belongs to one live session; ending a session frees it', async () => {
      const { store, cleanup } = await open();
      const first = newSession('s-code-1', 'DEFGHJ');
      await store.create(first.state, first.events);
      assert.equal(await store.findLiveSessionId('DEFGHJ'), 's-code-1');
      const clash = newSession('s-code-2', 'DEFGHJ');
      await assert.rejects(store.create(clash.state, clash.events), JoinCodeTakenError);
      await run(store, first.state, { actor: teacher, command: { type: 'endSession' } }, 9_000);
      assert.equal(await store.findLiveSessionId('DEFGHJ'), undefined);
      await store.create(clash.state, clash.events);
      assert.equal(await store.findLiveSessionId('DEFGHJ'), 's-code-2');
      const listed = await store.list('teacher-1');
      assert.deepEqual(
        new Set(listed.map((s) => `${s.id}:${s.status}`)),
        new Set(['s-code-1:ended', 's-code-2:live']),
      );
      await store.close();
      await cleanup();
    });

    it('keeps health records in order with the appends, across a reopen, and drops them on delete', async () => {
      const { store, reopen, cleanup } = await open();
      assert.ok(
        typeof store.recordHealth === 'function' && typeof store.readHealth === 'function',
        'every adapter keeps health records',
      );
      const { state, events } = newSession('s-health', 'GHJKMN');
      await store.create(state, events);
      const opened = (i: number) => ({
        k: 'open' as const,
        at: 10_000 + i,
        studentId: `h${i}`,
        connection: `socket-${i}`,
        transport: 'websocket',
        process: 'p-1',
      });
      store.recordHealth(state.id, [{ k: 'created', at: 1_000, process: 'p-1' }]);
      // Records given while appends run go out with them; nobody waits for them.
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 5; i++) {
        const r = apply(
          state,
          {
            actor: { role: 'student', studentId: `h${i}` },
            command: { type: 'join', name: `H${i}` },
          },
          10_000 + i,
        );
        assert.ok(r.ok);
        writes.push(store.append(state.id, r.events, r.state));
        store.recordHealth(state.id, [opened(i)]);
      }
      await Promise.all(writes);
      const expected = [
        { k: 'created', at: 1_000, process: 'p-1' },
        ...[0, 1, 2, 3, 4].map(opened),
      ];
      const read = async (s: SessionStore, id: string) => {
        const records: unknown[] = [];
        for await (const batch of s.readHealth?.(id) ?? []) for (const r of batch) records.push(r);
        return records;
      };
      assert.deepEqual(await read(store, state.id), expected);
      store.recordHealth('no-such-session', [opened(9)]);
      assert.deepEqual(await read(store, 'no-such-session'), []);
      await store.close();
      const again = await reopen();
      assert.deepEqual(await read(again, state.id), expected);
      assert.equal(await again.delete(state.id), true);
      assert.deepEqual(await read(again, state.id), []);
      await again.close();
      await cleanup();
    });

    it('delete removes the session and every answer in it', async () => {
      const { store, cleanup } = await open();
      const { state, events } = newSession('s-del', 'EFGHJK');
      await store.create(state, events);
      await run(
        store,
        state,
        { actor: { role: 'student', studentId: 'd1' }, command: { type: 'join', name: 'D' } },
        2_000,
      );
      await run(
        store,
        state,
        {
          actor: { role: 'student', studentId: 'd1' },
          command: {
            type: 'submitAnswer',
            slideId: 'mc',
            answerId: 'answer-del-1',
            answer: answerFor('multiple-choice', 0),
          },
        },
        3_000,
      );
      assert.equal(await store.delete('s-del'), true);
      assert.equal(await store.load('s-del'), undefined);
      assert.equal(await store.findLiveSessionId('EFGHJK'), undefined);
      assert.equal(await store.delete('s-del'), false);
      await store.close();
      await store.close();
      await cleanup();
    });
  });
}
