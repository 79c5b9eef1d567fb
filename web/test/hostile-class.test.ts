/**
 * A class that holds against hostile students and hostile networks (issue 19): each attack runs
 * against the embedded stack exactly as `npm start` runs it (web, realtime and aggregator in one
 * process), on loopback, with bounded counts and times. While it runs, a class of 20 real students
 * answers over its sockets, and the suite asserts:
 * - every answer is acknowledged, p99 under 250 ms, and each acknowledged one is in the teacher's
 *   state afterwards (nothing acknowledged is lost);
 * - the process's resident memory stays under its baseline + 300 MiB (the issue's 400 MB body
 *   grew it by 1.3 GB; 300 MiB is room for Next's and V8's own growth, not for an attack's bytes);
 * - /metrics of both tiers (realtime's internal port; the aggregator's, which serves the web
 *   tier's too) pass `promtool check metrics`, and the attack moved its counter.
 * Forged client metrics run against the aggregator the launcher mounts (signed page tokens).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Socket as TcpSocket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { BEACON_PATH, BEACON_VERSION } from '@classpulse/metrics-aggregator/catalog';
import { signInCookie } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';
import {
  MiB,
  address,
  allClosed,
  handshake,
  histogramQuantile,
  inParallel,
  joinOverHttp,
  openFiles,
  percentile,
  rssBytes,
  sample,
  scrapeChecked,
  teacherState,
  watchMemory,
  RealClass,
  type AnsweringResult,
} from './support/hostile-class.ts';
import { chunkedUpload, exchange, partialHeaders, slowBody } from './support/raw-http.ts';

const CLASS = 20;
const MEMORY_HEADROOM = 300 * MiB;
const P99_MS = 250;
/** Lower than the defaults so each attack ends in seconds; the mechanisms are the same. */
const ENV = {
  REALTIME_HEADERS_TIMEOUT_MS: '2000',
  WEB_HEADERS_TIMEOUT_MS: '2000',
  WEB_REQUEST_TIMEOUT_MS: '5000',
  REALTIME_MAX_CONNECTIONS: '400',
  WEB_MAX_CONNECTIONS: '300',
};
const DECK = {
  title: 'Under attack',
  slides: Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    question: { kind: 'short-text' as const, prompt: `Question ${i + 1}?` },
  })),
};

describe('a hostile class', { timeout: 300_000 }, () => {
  let stack: Stack;
  let cookie: string;
  let deckId: string;
  let sessionId: string;
  let code: string;
  let teacherToken: string;
  let teacher: Socket;
  let baselineRss: number;
  const realClass = new RealClass();
  const sockets: Socket[] = [];
  let nextSlide = 0;
  /** Students the join flood let in (their tokens are the later attacks' ammunition). */
  const bots: Array<{ studentId: string; token: string }> = [];

  const web = () => stack.webUrl;
  const rt = () => stack.realtimeUrl;
  const webPort = () => Number(new URL(stack.webUrl).port);
  const rtPort = () => Number(new URL(stack.realtimeUrl).port);

  async function webApi(method: string, path: string, body?: unknown) {
    const response = await fetch(`${web()}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(
      response.ok,
      `${method} ${path}: ${response.status} ${await response.clone().text()}`,
    );
    return (await response.json()) as Record<string, unknown>;
  }

  async function startSession(classSize: number) {
    const started = await webApi('POST', '/api/sessions', {
      deckId,
      settings: { pacing: 'instructor', latePolicy: 'allow', classSize },
    });
    const id = started.sessionId as string;
    const token = (await webApi('GET', `/api/sessions/${id}/teacher-token`)).token as string;
    return { id, code: started.joinCode as string, token };
  }

  async function command(socket: Socket, id: string, cmd: object) {
    const ack = (await socket.emitWithAck('teacher:command', { sessionId: id, command: cmd })) as {
      ok: boolean;
      code?: string;
    };
    assert.ok(ack.ok, `teacher command ${JSON.stringify(cmd)}: ${ack.code}`);
  }

  async function connectTeacher(token: string): Promise<Socket> {
    const outcome = await handshake(rt(), { token });
    assert.ok(outcome.ok, `the teacher connects: ${outcome.ok ? '' : outcome.code}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  const scrapeBoth = async () => ({
    realtime: await scrapeChecked(stack.realtimeMetricsUrl!),
    web: await scrapeChecked(stack.metricsUrl),
  });

  /**
   * Runs `attack` while the class answers a fresh slide; asserts what every attack must leave
   * intact, and returns the attack's result with both tiers' metrics before and after.
   */
  async function underAttack<T>(name: string, attack: () => Promise<T>) {
    const slideId = `s${nextSlide}`;
    await command(teacher, sessionId, { type: 'goToSlide', slideIndex: nextSlide++ });
    const before = await scrapeBoth();
    const memory = watchMemory(stack.pid);
    await realClass.start(sessionId, slideId);
    const started = performance.now();
    let result: T;
    let attackMs: number;
    let answered: AnsweringResult;
    let peakRss: number;
    try {
      result = await attack();
    } finally {
      attackMs = performance.now() - started;
      answered = await realClass.stop();
      peakRss = memory.stop();
    }
    const after = await scrapeBoth();

    const p99 = percentile(answered.latenciesMs, 99);
    const p50 = percentile(answered.latenciesMs, 50);
    const serverP99 = histogramQuantile(
      before.realtime,
      after.realtime,
      'realtime_ack_latency_seconds',
      { event: 'student:submit' },
      0.99,
    );
    console.log(
      `# ${name}: attack ${Math.round(attackMs)} ms; ${answered.latenciesMs.length} answers, ` +
        `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (server's p99 ≤ ${serverP99 * 1000} ms); peak RSS ` +
        `${Math.round(peakRss / MiB)} MiB (baseline ${Math.round(baselineRss / MiB)} MiB)`,
    );
    assert.deepEqual(answered.failures, [], 'every real answer is acknowledged');
    assert.ok(answered.latenciesMs.length >= CLASS * 3, 'the class kept answering');
    assert.ok(p99 < P99_MS, `p99 ${p99.toFixed(1)} ms while ${name}`);
    assert.ok(
      peakRss < baselineRss + MEMORY_HEADROOM,
      `peak RSS ${Math.round(peakRss / MiB)} MiB over ${Math.round((baselineRss + MEMORY_HEADROOM) / MiB)}`,
    );
    const state = await teacherState(rt(), teacherToken);
    for (const [studentId, answerIds] of answered.acked) {
      const kept = state.responses[slideId]?.[studentId]?.answerIds ?? [];
      for (const answerId of answerIds) assert.ok(kept.includes(answerId), 'nothing acked is lost');
    }
    return { result, before, after };
  }

  const moved = (
    texts: { before: string; after: string },
    name: string,
    labels: Record<string, string>,
  ) => sample(texts.after, name, labels) - sample(texts.before, name, labels);
  const realtimeOf = (r: { before: { realtime: string }; after: { realtime: string } }) => ({
    before: r.before.realtime,
    after: r.after.realtime,
  });
  const webOf = (r: { before: { web: string }; after: { web: string } }) => ({
    before: r.before.web,
    after: r.after.web,
  });

  before(async () => {
    stack = await startStack(ENV);
    cookie = await signInCookie(web(), stack.owner!);
    deckId = (await webApi('POST', '/api/decks', { title: DECK.title })).id as string;
    await webApi('PUT', `/api/decks/${deckId}`, DECK);
    ({ id: sessionId, code, token: teacherToken } = await startSession(400));
    teacher = await connectTeacher(teacherToken);
    // The class joins from its school's one address, as the student page does.
    const names = Array.from({ length: CLASS }, (_, i) => `Real ${String(i + 1).padStart(2, '0')}`);
    await realClass.join(rt(), code, names, '10.200.0.1');
    // Warm the pages and routes an attack will hit, then measure the resting process.
    await fetch(`${web()}/teacher/login`);
    await fetch(`${web()}/api/auth/login`, { method: 'POST', body: '{}' });
    await underAttackWarmup();
    baselineRss = rssBytes(stack.pid);
  });

  /** One quiet round: the same measurement with no attack (and the code paths warmed). */
  async function underAttackWarmup() {
    baselineRss = rssBytes(stack.pid);
    await underAttack('no attack (warm-up)', () => new Promise((r) => setTimeout(r, 1_500)));
  }

  after(async () => {
    await realClass.close();
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
  });

  it('a join flood from one address is limited, and other students still join', async () => {
    const attacker = '10.66.0.1';
    const late: string[] = [];
    const run = await underAttack('join flood from one address', async () => {
      const started = performance.now();
      const flood = inParallel(400, 12, (i) => joinOverHttp(rt(), code, `Bot ${i}`, attacker));
      // A second class's students arrive while it runs, from their own school's address.
      for (let i = 0; i < 5; i++) {
        const joined = await handshake(rt(), { join: { code, name: `Late ${i}` } }, '10.201.0.1');
        late.push(joined.ok ? 'ok' : joined.code);
        sockets.push(joined.socket);
      }
      const answers = await flood;
      // The later attacks use the students it let in.
      for (const a of answers)
        if (a.status === 200) bots.push({ studentId: a.body.studentId!, token: a.body.token! });
      return { answers, seconds: (performance.now() - started) / 1000 };
    });
    const { answers, seconds } = run.result;
    const accepted = answers.filter((a) => a.status === 200);
    const limited = answers.filter((a) => a.body.code === 'join_rate_limited').length;
    console.log(`#   ${accepted.length} of 400 bots joined in ${seconds.toFixed(1)} s`);
    assert.deepEqual(late, ['ok', 'ok', 'ok', 'ok', 'ok'], 'real students still join');
    // The burst (120) and 5 a second after it, with room for the clock.
    assert.ok(accepted.length <= 120 + Math.ceil(5 * seconds) + 2, `${accepted.length} got in`);
    assert.equal(accepted.length + limited, 400);
    assert.ok(
      moved(realtimeOf(run), 'realtime_rejected_messages_total', { reason: 'join_rate_limited' }) >=
        limited,
    );
  });

  it('a join flood from many addresses stops at the class size', async () => {
    const victim = await startSession(30);
    const victimTeacher = await connectTeacher(victim.token);
    const run = await underAttack('join flood from 300 addresses', () =>
      inParallel(300, 12, (i) => joinOverHttp(rt(), victim.code, `Swarm ${i}`, address(70, i))),
    );
    const byOutcome = new Map<string, number>();
    for (const a of run.result) {
      const key = a.status === 200 ? 'joined' : (a.body.code ?? String(a.status));
      byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    }
    console.log(`#   outcomes: ${JSON.stringify(Object.fromEntries(byOutcome))}`);
    assert.equal(byOutcome.get('joined'), 30, 'exactly the class size got in');
    const state = await teacherState(rt(), victim.token);
    assert.equal(Object.values(state.students).filter((s) => !s.removed).length, 30);
    assert.ok(
      moved(realtimeOf(run), 'realtime_commands_total', { type: 'join', result: 'class_full' }) >=
        (byOutcome.get('class_full') ?? 0),
      'refusals are counted',
    );
    assert.ok((byOutcome.get('class_full') ?? 0) >= 200);
    // The teacher closes joining: the rest are told so, counted.
    await command(victimTeacher, victim.id, { type: 'setJoinLocked', locked: true });
    const locked = await joinOverHttp(rt(), victim.code, 'One more', address(71, 1));
    assert.equal(locked.body.code, 'joining_locked');
  });

  it('a removed student stays out, by token and by (look-alike) name', async () => {
    const bot = bots[0]!;
    const bobState = await teacherState(rt(), teacherToken);
    const name = bobState.students[bot.studentId]!.name;
    await command(teacher, sessionId, { type: 'removeStudent', studentId: bot.studentId });
    const run = await underAttack('a removed student rejoining', () =>
      inParallel(60, 6, async (i) => {
        if (i % 3 === 0) {
          const again = await handshake(rt(), { token: bot.token }, address(72, i));
          sockets.push(again.socket);
          return again.ok ? 'in' : again.code;
        }
        const disguised = i % 3 === 1 ? name : name.replace('o', '\u043E').replace('B', '\u0392');
        return (await joinOverHttp(rt(), code, disguised, address(72, i))).body.code ?? 'in';
      }),
    );
    assert.deepEqual(new Set(run.result), new Set(['student_removed']));
    assert.ok(
      moved(realtimeOf(run), 'realtime_commands_total', {
        type: 'join',
        result: 'student_removed',
      }) +
        moved(realtimeOf(run), 'realtime_rejected_messages_total', { reason: 'student_removed' }) >=
        40,
    );
  });

  it('many students named alike are numbered at once', async () => {
    const run = await underAttack('200 joins named alike', () =>
      inParallel(200, 8, async (i) => {
        const started = performance.now();
        const joined = await joinOverHttp(rt(), code, i % 2 ? 'Sam' : 'S\u0430m', address(73, i));
        return { joined, ms: performance.now() - started };
      }),
    );
    const all = run.result;
    assert.ok(all.every((r) => r.joined.status === 200));
    const firstMs = percentile(
      all.slice(0, 50).map((r) => r.ms),
      50,
    );
    const lastMs = percentile(
      all.slice(-50).map((r) => r.ms),
      50,
    );
    console.log(
      `#   median join: first 50 ${firstMs.toFixed(1)} ms, last 50 ${lastMs.toFixed(1)} ms`,
    );
    const state = await teacherState(rt(), teacherToken);
    const names = all.map((r) => state.students[r.joined.body.studentId!]!.name);
    assert.equal(new Set(names).size, 200, 'every one distinct');
    assert.ok(names.includes('Sam (200)') || names.includes('S\u0430m (200)'), names.at(-1));
    assert.ok(
      moved(realtimeOf(run), 'realtime_commands_total', { type: 'join', result: 'ok' }) >= 200,
    );
  });

  it('look-alike, invisible, bidi and stacked names get distinct visible names or are refused', async () => {
    const hostile = [
      'Alice',
      'Ali\u200Bce',
      'Alice\u2060',
      '\u2066Alice\u2069',
      '\u0410lice',
      '\u200B',
      '\u202E\u2066',
      'Bob\u202Egpj.exe',
      `Zal${'\u0301'.repeat(39)}go`,
      'ALICE',
    ];
    const run = await underAttack('names that look alike or hide', () =>
      inParallel(hostile.length, 1, (i) => joinOverHttp(rt(), code, hostile[i]!, address(74, i))),
    );
    const state = await teacherState(rt(), teacherToken);
    const shown: string[] = [];
    for (const [i, answer] of run.result.entries()) {
      if (answer.status !== 200) {
        assert.equal(answer.body.code, 'bad_request', JSON.stringify(hostile[i]));
        continue;
      }
      const name = state.students[answer.body.studentId!]!.name;
      assert.ok(/\p{L}/u.test(name), `${JSON.stringify(name)} shows letters`);
      assert.ok(
        !/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u.test(name),
        JSON.stringify(name),
      );
      assert.ok(!/\p{M}{3}/u.test(name.normalize('NFD')), `${JSON.stringify(name)}: marks capped`);
      shown.push(name);
    }
    console.log(`#   shown as ${JSON.stringify(shown)}`);
    assert.equal(new Set(shown).size, shown.length, 'no two alike');
    const aliceLike = shown.filter((n) => /^(Alice|ALICE|\u0410lice)( \(\d+\))?$/.test(n));
    assert.equal(aliceLike.length, 6, 'every Alice is in, told apart');
    assert.ok(shown.includes('Bobgpj.exe'), 'the bidi override is gone');
    assert.ok(
      moved(realtimeOf(run), 'realtime_rejected_messages_total', { reason: 'bad_request' }) >= 2,
      'the blank names are counted',
    );
  });

  it('oversized, length-less and slow bodies are refused early, without growing the process', async () => {
    const rssBefore = rssBytes(stack.pid);
    const run = await underAttack('big, chunked and slow bodies', async () => {
      const [declared, chunked, slow] = await Promise.all([
        inParallel(8, 8, () =>
          exchange(
            webPort(),
            `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${400 * MiB}\r\n\r\n`,
            5_000,
          ),
        ),
        inParallel(8, 8, () => chunkedUpload(webPort(), '/api/auth/login', 50 * MiB)),
        inParallel(100, 100, () => slowBody(webPort(), '/api/auth/login', 60 * 1024, 250)),
      ]);
      return { declared, chunked, slow };
    });
    const { declared, chunked, slow } = run.result;
    assert.ok(declared.every((a) => /^HTTP\/1\.1 413 /.test(a)));
    assert.ok(chunked.every((u) => [411, 0].includes(u.status)));
    assert.ok(
      slow.every((status) => [408, 0].includes(status)),
      `slow: ${slow.join(',')}`,
    );
    const grown = rssBytes(stack.pid) - rssBefore;
    console.log(`#   the process grew ${Math.round(grown / MiB)} MiB`);
    assert.ok(grown < 64 * MiB, `grew ${Math.round(grown / MiB)} MiB`);
    const refused = webOf(run);
    assert.ok(moved(refused, 'web_http_refused_total', { reason: 'too_large' }) >= 8);
    assert.ok(moved(refused, 'web_http_refused_total', { reason: 'length_required' }) >= 8);
    assert.ok(moved(refused, 'web_http_refused_total', { reason: 'timeout' }) >= 100);
  });

  it('slowloris on both tiers: the cap holds, the deadline frees them, students carry on', async () => {
    const filesBefore = openFiles(stack.pid);
    let stillOpen = { web: 0, realtime: 0 };
    const run = await underAttack('slowloris, 600 connections to each tier', async () => {
      const held: Record<'web' | 'realtime', TcpSocket[]> = {
        web: partialHeaders(webPort(), 600),
        realtime: partialHeaders(rtPort(), 600),
      };
      // Headers deadline (2 s) + Node's check interval (1 s), with room for a busy machine.
      stillOpen = {
        web: await allClosed(held.web, 15_000),
        realtime: await allClosed(held.realtime, 15_000),
      };
      for (const socket of [...held.web, ...held.realtime]) socket.destroy();
    });
    assert.deepEqual(stillOpen, { web: 0, realtime: 0 }, 'the server let go of every one');
    const webTexts = webOf(run);
    const realtime = realtimeOf(run);
    assert.ok(moved(webTexts, 'web_http_refused_total', { reason: 'connection_limit' }) >= 1);
    assert.ok(moved(webTexts, 'web_http_refused_total', { reason: 'timeout' }) >= 1);
    assert.ok(
      moved(realtime, 'realtime_rejected_messages_total', { reason: 'too_many_connections' }) >= 1,
    );
    assert.ok(moved(realtime, 'realtime_http_refused_total', { reason: 'timeout' }) >= 1);
    // Afterwards: a new student joins, the sign-in page loads, no file is left held.
    const joined = await handshake(rt(), { join: { code, name: 'After the storm' } }, '10.202.0.1');
    sockets.push(joined.socket);
    assert.ok(joined.ok);
    assert.equal((await fetch(`${web()}/teacher/login`)).status, 200);
    assert.ok(openFiles(stack.pid) < filesBefore + 50, 'connections released');
  });

  it('one student token opening many sockets keeps only the newest few', async () => {
    const bot = bots[1]!;
    const opened: Socket[] = [];
    const run = await underAttack('150 sockets for one student token', async () => {
      const outcomes = await inParallel(150, 10, async () => {
        const outcome = await handshake(rt(), { token: bot.token }, '10.66.0.1');
        opened.push(outcome.socket);
        sockets.push(outcome.socket);
        return outcome.ok;
      });
      // The server closes the oldest as each newer one arrives: wait for it to settle.
      const stillOpen = await new Promise<number>((resolve) => {
        const open = () => opened.filter((s) => s.connected).length;
        const deadline = setTimeout(() => resolve(open()), 10_000);
        const check = () => {
          if (open() > 3) return;
          clearTimeout(deadline);
          resolve(open());
        };
        for (const s of opened) s.on('disconnect', check);
        check();
      });
      return { outcomes, stillOpen };
    });
    assert.ok(run.result.outcomes.every(Boolean), 'the newest always connects');
    assert.ok(run.result.stillOpen <= 3, `${run.result.stillOpen} stay open`);
    assert.ok(
      moved(realtimeOf(run), 'realtime_rejected_messages_total', {
        reason: 'too_many_connections',
      }) >= 147,
    );
  });

  it('syncing from many sockets after a named reveal is refused by cost, not by the class', async () => {
    // The flood's students, two sockets each: the 200 syncing sockets of the issue.
    const syncers: Socket[] = [];
    for (const bot of bots.slice(2, 102))
      for (let k = 0; k < 2; k++) {
        const outcome = await handshake(rt(), { token: bot.token }, '10.66.0.2');
        sockets.push(outcome.socket);
        if (outcome.ok) syncers.push(outcome.socket);
      }
    assert.equal(syncers.length, 200);
    let served = 0;
    let refused = 0;
    let closed = 0;
    const run = await underAttack('session:sync from 200 sockets', async () => {
      // Results of the slide the class is answering, shown with every student's name.
      const slideId = `s${nextSlide - 1}`;
      await command(teacher, sessionId, { type: 'setReveal', slideId, mode: 'named' });
      const until = performance.now() + 6_000;
      await Promise.all(
        syncers.map(async (socket) => {
          // A socket that keeps syncing while refused is closed by the server.
          while (performance.now() < until && socket.connected) {
            const ack = (await socket
              .timeout(10_000)
              .emitWithAck('session:sync')
              .catch(() => null)) as { ok: boolean } | null;
            if (ack?.ok) served++;
            else if (ack) refused++;
          }
        }),
      );
      closed = syncers.filter((socket) => !socket.connected).length;
      console.log(`#   syncs served ${served}, refused ${refused}, sockets closed ${closed}`);
    });
    assert.ok(refused > served, 'most of the loop is refused');
    assert.ok(
      moved(realtimeOf(run), 'realtime_rejected_messages_total', { reason: 'rate_limited' }) >=
        refused,
    );
    assert.equal(
      moved(realtimeOf(run), 'realtime_rejected_messages_total', {
        reason: 'closed_ignoring_rate_limit',
      }),
      closed,
      'every socket that ignored its refusals was closed, and counted',
    );
  });

  it('forged client metrics: invented tokens count nothing, real ones a page load each', async () => {
    const appLoads = { app: 'student', outcome: 'success' };
    const loads = Array.from({ length: 50 }, () => ({
      m: 'classroom_app_loads_total',
      l: appLoads,
      v: 1,
    }));
    const beacon = (t: string) =>
      fetch(`${web()}${BEACON_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ v: BEACON_VERSION, t, events: loads }),
      }).then((r) => r.status);
    const invented = () =>
      `${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    const run = await underAttack(
      'forged metrics: 2,000 invented and 100 genuine tokens',
      async () => {
        const forged = await inParallel(2_000, 20, () => beacon(invented()));
        // Genuine tokens, as anyone gets them: the web app's renewal route grants a new page one.
        const genuine = await inParallel(100, 10, async () => {
          const grant = await fetch(`${web()}/api/metrics-token`, {
            method: 'POST',
            headers: { origin: web(), 'content-type': 'text/plain' },
            body: JSON.stringify({ token: invented() }),
          });
          assert.equal(grant.status, 200);
          return beacon(((await grant.json()) as { token: string }).token);
        });
        return { forged, genuine };
      },
    );
    assert.ok(
      run.result.forged.every((status) => status >= 400),
      'forged beacons are refused',
    );
    const web_ = webOf(run);
    assert.equal(
      moved(web_, 'classroom_app_loads_total', appLoads),
      100,
      'one app load per genuine page, none from invented tokens',
    );
    assert.equal(
      moved(web_, 'metrics_aggregator_rejected_total', { reason: 'token_invalid' }),
      2_000 * 50,
    );
    assert.equal(
      moved(web_, 'metrics_aggregator_rejected_total', { reason: 'once_per_page' }),
      100 * 49,
    );
  });
});
