/**
 * What the hostile-class suite measures while an attack runs against the embedded stack: a class
 * of real students answering over their sockets (each acknowledgement timed), the process's
 * resident memory and open files (/proc), and both tiers' /metrics checked by promtool. Waiting
 * never sleeps: each helper resolves on the event it expects or on a deadline it reports.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { newAnswerId } from '@classpulse/realtime/client';
import { PROTOCOL_VERSION, type SessionState, type Welcome } from '@classpulse/realtime/protocol';
import type { FromWorker, ToWorker } from './class-worker.ts';

export const MiB = 1024 * 1024;

/** A socket as a student's browser opens it, seen by the tier as coming from `source`. */
export function openSocket(url: string, auth: object, source?: string): Socket {
  return io(url, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    // The embedded tier trusts X-Forwarded-For from loopback only (the web app on this machine):
    // here it stands for the address of a school, or of one attacker among many.
    ...(source ? { extraHeaders: { 'x-forwarded-for': source } } : {}),
  });
}

export type Handshake =
  { ok: true; socket: Socket; welcome: Welcome } | { ok: false; code: string; socket: Socket };

/** Opens a socket and resolves with the welcome or the refusal's error code. */
export function handshake(url: string, auth: object, source?: string): Promise<Handshake> {
  const socket = openSocket(url, auth, source);
  return new Promise((resolve) => {
    socket.once('session:welcome', (welcome: Welcome) => resolve({ ok: true, socket, welcome }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      resolve({ ok: false, code: error.data?.code ?? error.message, socket });
    });
  });
}

export interface JoinAnswer {
  status: number;
  body: { ok?: boolean; code?: string; studentId?: string; token?: string };
}

/** `POST /v1/join` on the realtime tier, as a page (or a script) would send it. */
export async function joinOverHttp(
  realtimeUrl: string,
  code: string,
  name: string,
  source: string,
): Promise<JoinAnswer> {
  const response = await fetch(`${realtimeUrl}/v1/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': source },
    body: JSON.stringify({ v: PROTOCOL_VERSION, join: { code, name } }),
  });
  return { status: response.status, body: (await response.json()) as JoinAnswer['body'] };
}

/** Runs `task(i)` for i < count, at most `concurrency` at a time; the results in order. */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** A distinct source address per (network, i): the attacker's many machines, or a school. */
export const address = (network: number, i: number) =>
  `10.${network}.${Math.floor(i / 250)}.${(i % 250) + 1}`;

// ---------------------------------------------------------------------------------------------
// The process, from /proc

function procStatus(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0);
}

export const rssBytes = (pid: number) => procStatus(pid, 'VmRSS') * 1024;
export const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/** The process's peak resident memory while it runs (sampled every 50 ms). */
export function watchMemory(pid: number): { stop(): number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Metrics

/** GET /metrics, asserted to pass `promtool check metrics` (Debian `prometheus`). */
export async function scrapeChecked(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  assert.equal(response.status, 200, `${baseUrl}/metrics`);
  const text = await response.text();
  const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (check.error)
    throw new Error(`promtool not runnable (apt-get install prometheus): ${check.error.message}`);
  assert.equal(
    check.status,
    0,
    `promtool check metrics ${baseUrl}: ${check.stdout}${check.stderr}`,
  );
  return text;
}

/** One sample's value (labels matched as given), or 0 when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const bare = line.startsWith(`${name} `);
    if ((bare || line.startsWith(`${name}{`)) && wanted.every((w) => line.includes(w)))
      return Number(line.split(' ').at(-1));
  }
  return 0;
}

/**
 * The `q` quantile (upper bucket edge) of what a histogram observed between two scrapes: the
 * server's own view of a latency, without the load generator's event loop in it.
 */
export function histogramQuantile(
  before: string,
  after: string,
  name: string,
  labels: Record<string, string>,
  q: number,
): number {
  const buckets = (text: string) => {
    const out = new Map<number, number>();
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${name}_bucket{`) || !wanted.every((w) => line.includes(w))) continue;
      const le = /le="([^"]+)"/.exec(line)?.[1] ?? '+Inf';
      out.set(le === '+Inf' ? Infinity : Number(le), Number(line.split(' ').at(-1)));
    }
    return out;
  };
  const was = buckets(before);
  const now = [...buckets(after)].sort(([a], [b]) => a - b);
  const total = (now.at(-1)?.[1] ?? 0) - (was.get(Infinity) ?? 0);
  for (const [le, count] of now) if (count - (was.get(le) ?? 0) >= q * total) return le;
  return Infinity;
}

// ---------------------------------------------------------------------------------------------
// Real students

export interface RealStudent {
  name: string;
  studentId: string;
  socket: Socket;
}

export interface Answering {
  /** Stops sending, waits for every answer in flight; what was measured. */
  stop(): Promise<AnsweringResult>;
}

export interface AnsweringResult {
  latenciesMs: number[];
  /** Answers acknowledged as stored, per student id. */
  acked: Map<string, string[]>;
  /** Answers refused or unanswered within 10 s, with why. */
  failures: string[];
}

/**
 * Each student answers the slide every `everyMs` until stopped, at least `minEach` and at most
 * `maxEach` times (the engine keeps 50 revisions of one answer).
 */
export function startAnswering(
  students: RealStudent[],
  sessionId: string,
  slideId: string,
  { everyMs = 200, minEach = 4, maxEach = 45 } = {},
): Answering {
  const result: AnsweringResult = { latenciesMs: [], acked: new Map(), failures: [] };
  let stopped = false;
  const loops = students.map(async (student, s) => {
    // Even a short attack is measured over a few answers from every student.
    for (let n = 0; n < maxEach && (!stopped || n < minEach); n++) {
      const answerId = newAnswerId();
      const started = performance.now();
      try {
        const ack = (await student.socket.timeout(10_000).emitWithAck('student:submit', {
          sessionId,
          slideId,
          answerId,
          answer: { kind: 'short-text', text: `${student.name}, answer ${n}` },
        })) as { ok: boolean; code?: string };
        if (!ack.ok) result.failures.push(`${student.name}: ${ack.code ?? '?'}`);
        else {
          result.latenciesMs.push(performance.now() - started);
          result.acked.set(student.studentId, [
            ...(result.acked.get(student.studentId) ?? []),
            answerId,
          ]);
        }
      } catch (error) {
        result.failures.push(`${student.name}: ${(error as Error).message}`);
      }
      // Students press submit on their own rhythm, not all in one tick.
      await new Promise((resolve) => setTimeout(resolve, everyMs + ((s * 7) % 50)));
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return result;
    },
  };
}

/**
 * A class of real students joined from one school address, answering on a worker thread of
 * their own: the load generator's sockets never delay their acknowledgements' timing.
 */
export class RealClass {
  private readonly worker = new Worker(new URL('./class-worker.ts', import.meta.url));
  students: Array<{ name: string; studentId: string }> = [];

  private ask(message: ToWorker, answer: FromWorker['type']): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: FromWorker) => {
        if (reply.type !== answer && reply.type !== 'failed') return;
        this.worker.off('message', onMessage);
        if (reply.type === 'failed') reject(new Error(reply.reason));
        else resolve(reply);
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage(message);
    });
  }

  async join(url: string, code: string, names: string[], source: string): Promise<void> {
    const reply = await this.ask({ type: 'join', url, code, names, source }, 'joined');
    if (reply.type === 'joined') this.students = reply.students;
  }

  async start(sessionId: string, slideId: string): Promise<void> {
    await this.ask({ type: 'start', sessionId, slideId }, 'started');
  }

  async stop(): Promise<AnsweringResult> {
    const reply = await this.ask({ type: 'stop' }, 'stopped');
    if (reply.type !== 'stopped') throw new Error('unexpected reply');
    return {
      latenciesMs: reply.latenciesMs,
      acked: new Map(reply.acked),
      failures: reply.failures,
    };
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The teacher's full session state, from the snapshot a newly connected dashboard gets. */
export async function teacherState(
  realtimeUrl: string,
  teacherToken: string,
): Promise<SessionState> {
  const socket = openSocket(realtimeUrl, { token: teacherToken });
  try {
    return await new Promise<SessionState>((resolve, reject) => {
      socket.once('teacher:snapshot', (snapshot: { state: SessionState }) =>
        resolve(snapshot.state),
      );
      socket.once('connect_error', reject);
    });
  } finally {
    socket.disconnect();
  }
}

/** Resolves once every socket has been closed by the server, or says how many are still open. */
export function allClosed(
  sockets: Array<{ closed: boolean; once(event: 'close', listener: () => void): unknown }>,
  withinMs: number,
): Promise<number> {
  return new Promise((resolve) => {
    let open = sockets.filter((s) => !s.closed).length;
    if (open === 0) return resolve(0);
    const deadline = setTimeout(() => resolve(open), withinMs);
    for (const socket of sockets)
      if (!socket.closed)
        socket.once('close', () => {
          open--;
          if (open === 0) {
            clearTimeout(deadline);
            resolve(0);
          }
        });
  });
}
