/**
 * Erasing one student (SessionStore.eraseStudent), the same cases on every adapter: the export
 * holds every answer of that student and nothing of another; after the erasure the store, read
 * directly (`raw`: everything it holds, as text), holds neither their id nor their name; the
 * other students' exports are exactly what they were; the log goes on after the compaction.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { apply, withoutStudent, type Envelope } from '../../src/engine/index.ts';
import {
  deckSchema,
  studentExport,
  studentExportSchema,
  type SessionState,
} from '../../src/protocol/index.ts';
import type { SessionStore } from '../../src/server/index.ts';
import { answerFor, EVERY_KIND_DECK } from './classroom.ts';
import { KIND_SAMPLES } from '../../src/testing/index.ts';
import { QUESTION_KINDS } from '../../src/protocol/index.ts';

const deck = deckSchema.parse(EVERY_KIND_DECK);
const teacher = { role: 'teacher', teacherId: 'teacher-1' } as const;
/** Strings found nowhere else in a session, so finding them anywhere is a leak. */
const TARGET = { id: 'zq-erase-target', name: 'Zelda Quinterro' };
const OTHERS = ['o0', 'o1', 'o2', 'o3', 'o4'].map((id, i) => ({ id, name: `Other ${i}` }));

export interface ErasureStore {
  store: SessionStore;
  reopen: () => Promise<SessionStore>;
  /** Everything the store holds now, as text (rows, keys and values, database paths). */
  raw: () => Promise<string>;
  cleanup: () => Promise<void>;
}

async function run(store: SessionStore, state: SessionState, envelope: Envelope, now: number) {
  const r = apply(state, envelope, now);
  assert.ok(r.ok, JSON.stringify(r));
  if (r.events.length > 0) await store.append(state.id, r.events, r.state);
  return r.state;
}

async function healthOf(store: SessionStore, sessionId: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const batch of store.readHealth?.(sessionId) ?? []) records.push(...batch);
  return records;
}

async function exportOf(store: SessionStore, sessionId: string, studentId: string) {
  const state = await store.load(sessionId);
  assert.ok(state);
  return studentExport(state, studentId, await healthOf(store, sessionId));
}

/**
 * A class of six who answered every slide, with moderation, extended time and health records.
 * Still live, so the log can go on after an erasure (the server erases ended sessions only).
 */
async function classWithTarget(store: SessionStore, id: string, code: string) {
  const created = apply(
    null,
    {
      actor: teacher,
      command: {
        type: 'createSession',
        sessionId: id,
        joinCode: code,
        deck,
        settings: { pacing: 'instructor', latePolicy: 'allow' },
      },
    },
    1_000,
  );
  assert.ok(created.ok);
  let state = created.state;
  await store.create(state, created.events);
  const everyone = [OTHERS[0]!, OTHERS[1]!, TARGET, ...OTHERS.slice(2)];
  let now = 2_000;
  for (const s of everyone) {
    state = await run(
      store,
      state,
      { actor: { role: 'student', studentId: s.id }, command: { type: 'join', name: s.name } },
      now++,
    );
    store.recordHealth?.(id, [
      {
        k: 'open',
        at: now,
        studentId: s.id,
        connection: `socket-${s.id}`,
        transport: 'websocket',
        process: 'p-1',
      },
    ]);
  }
  for (const [index, kind] of QUESTION_KINDS.entries()) {
    const slideId = KIND_SAMPLES[kind].slideId;
    state = await run(
      store,
      state,
      {
        actor: teacher,
        command: { type: 'goToSlide', slideIndex: deck.slides.findIndex((s) => s.id === slideId) },
      },
      now++,
    );
    for (const [i, s] of everyone.entries()) {
      state = await run(
        store,
        state,
        {
          actor: { role: 'student', studentId: s.id },
          command: {
            type: 'submitAnswer',
            slideId,
            answerId: `answer-${s.id}-${slideId}`,
            answer: answerFor(kind, i + index),
          },
        },
        now++,
      );
      store.recordHealth?.(id, [
        {
          k: 'ack',
          at: now,
          receivedAt: now,
          studentId: s.id,
          slideId,
          answerId: `answer-${s.id}-${slideId}`,
          transport: 'websocket',
          duplicate: false,
        },
      ]);
    }
  }
  // Audit entries that name the target (and one that names another student).
  const mc = KIND_SAMPLES['multiple-choice'].slideId;
  for (const studentId of [TARGET.id, OTHERS[0]!.id])
    state = await run(
      store,
      state,
      { actor: teacher, command: { type: 'hideResponse', slideId: mc, studentId, hidden: true } },
      now++,
    );
  state = await run(
    store,
    state,
    { actor: teacher, command: { type: 'setExtendedTime', studentId: TARGET.id, extendedTime: 2 } },
    now++,
  );
  return { state, everyone, now };
}

/**
 * Closes the test's stores (safe twice) and removes its files when it ends, passed or failed: a
 * store left open keeps the process alive, so a failed assertion would hang the run.
 */
function closeAfter(t: TestContext, stores: SessionStore[], cleanup: () => Promise<void>): void {
  t.after(async () => {
    for (const store of stores) await store.close().catch(() => undefined);
    await cleanup();
  });
}

/** Where `needle` is in `text` (with some context), or undefined. */
function leak(text: string, needle: string): string | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(Math.max(0, at - 120), at + needle.length + 120);
}

export function studentErasureContract(name: string, open: () => Promise<ErasureStore>): void {
  describe(`SessionStore erasure: ${name}`, () => {
    it('exports every answer of one student and nothing of another', async (t) => {
      const { store, cleanup } = await open();
      closeAfter(t, [store], cleanup);
      const { state } = await classWithTarget(store, 's-export', 'HJKMNP');
      const exported = await exportOf(store, state.id, TARGET.id);
      assert.ok(exported);
      assert.deepEqual(studentExportSchema.parse(exported), exported);
      assert.equal(exported.student.name, TARGET.name);
      assert.equal(exported.student.extendedTime, 2);
      assert.deepEqual(
        exported.answers.map((a) => a.slideId),
        deck.slides.filter((s) => s.question).map((s) => s.id),
      );
      for (const answer of exported.answers) {
        assert.deepEqual(answer.answer, state.responses[answer.slideId]?.[TARGET.id]?.answer);
        assert.equal(answer.prompt, deck.slides[answer.slideIndex]?.question?.prompt);
      }
      assert.equal(exported.health.length, 1 + deck.slides.length);
      const text = JSON.stringify(exported);
      for (const other of OTHERS) {
        assert.ok(!text.includes(`"${other.id}"`) && !text.includes(`-${other.id}-`), other.id);
        assert.ok(!text.includes(other.name), other.name);
      }
      assert.equal(await exportOf(store, state.id, 'nobody'), undefined);
    });

    it('erases a student from every record it holds, leaves the others as they were, idempotently', async (t) => {
      const { store, reopen, raw, cleanup } = await open();
      const stores = [store];
      closeAfter(t, stores, cleanup);
      const { state, everyone, now } = await classWithTarget(store, 's-erase', 'JKMNPQ');
      const before = await raw();
      assert.ok(before.includes(TARGET.id) && before.includes(TARGET.name), 'the dump sees them');
      const othersBefore = await Promise.all(OTHERS.map((o) => exportOf(store, state.id, o.id)));

      assert.equal(await store.eraseStudent(state.id, TARGET.id), true);
      const after = await raw();
      assert.equal(leak(after, TARGET.id), undefined, `the student's id is still stored`);
      assert.equal(leak(after, TARGET.name), undefined, `the student's name is still stored`);
      const erased = withoutStudent(state, TARGET.id);
      assert.deepEqual(await store.load(state.id), erased);
      assert.deepEqual(
        Object.keys((await store.load(state.id))?.students ?? {}),
        everyone.filter((s) => s !== TARGET).map((s) => s.id),
        'the roster keeps its order',
      );
      assert.deepEqual(
        await Promise.all(OTHERS.map((o) => exportOf(store, state.id, o.id))),
        othersBefore,
      );
      assert.equal(await exportOf(store, state.id, TARGET.id), undefined);
      assert.equal(await store.eraseStudent(state.id, TARGET.id), false);
      assert.equal(await store.eraseStudent('no-such-session', TARGET.id), false);

      // The log goes on after the compaction, across a reopen.
      let next = erased!;
      next = await run(
        store,
        next,
        {
          actor: teacher,
          command: {
            type: 'hideResponse',
            slideId: KIND_SAMPLES['multiple-choice'].slideId,
            studentId: OTHERS[0]!.id,
            hidden: false,
          },
        },
        now,
      );
      assert.deepEqual(await store.load(state.id), next);
      await store.close();
      const again = await reopen();
      stores.push(again);
      assert.deepEqual(await again.load(state.id), next);
      // A fresh store finds where the compacted log ends (no events left before the snapshot's).
      next = await run(
        again,
        next,
        { actor: { role: 'student', studentId: 'late' }, command: { type: 'join', name: 'Late' } },
        now + 1,
      );
      assert.deepEqual(await again.load(state.id), next);
      assert.deepEqual(
        await Promise.all(OTHERS.slice(1).map((o) => exportOf(again, state.id, o.id))),
        othersBefore.slice(1),
      );
    });
  });
}
