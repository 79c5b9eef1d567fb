import { randomBytes } from 'node:crypto';
import type { FirebaseAdmin } from '@classpulse/realtime/firebase-admin';
import { probeIdentity } from '@classpulse/realtime/firebase-admin';
import type { FirebaseAdminConfig } from '@classpulse/realtime/firebase-config';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken, signOut } from 'firebase/auth';
import {
  connectDatabaseEmulator,
  endAt,
  get,
  getDatabase,
  onValue,
  orderByChild,
  query,
  ref,
  remove,
  serverTimestamp,
  set,
  type Database,
} from 'firebase/database';
import type { Check, CheckContext } from '../check.ts';
import { timedRun } from '../run-context.ts';
import { restCall, restUrl, signInOverRest } from './firebase-rest.ts';

export interface FirebaseTarget {
  config: FirebaseAdminConfig;
  admin: FirebaseAdmin;
  /** The web API key browsers sign in with (public). */
  webApiKey: string;
  /** Runs older than this (left by a crashed run) are removed by the next run. */
  runTtlMs: number;
}

/** Resolves with the first value of `path` that `accept` takes; unsubscribes itself. */
function firstValue<T>(
  db: Database,
  path: string,
  accept: (value: unknown) => value is T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    // The SDK may call back synchronously (a cached value), before `onValue` has returned.
    let settled = false;
    let stop: (() => void) | undefined = undefined;
    stop = onValue(
      ref(db, path),
      (snapshot) => {
        const value: unknown = snapshot.val();
        if (settled || !accept(value)) return;
        settled = true;
        stop?.();
        resolve(value);
      },
      (error) => {
        settled = true;
        reject(error);
      },
    );
    if (settled) stop();
  });
}

const isTrue = (value: unknown): value is true => value === true;
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Firebase Realtime Database as a student's browser uses it, from this location. Each tick:
 * - over WebSocket (the SDK): sign in with a probe custom token, connect two clients
 *   (`.info/connected`), write a run and time its acknowledgement, time until the second
 *   client's listener sees it (the fan-out students feel), then remove it and sweep any run
 *   older than the TTL; `.info/serverTimeOffset` becomes the clock-skew gauge;
 * - over REST: sign in, `PUT` with print=silent, a shallow `GET`, `DELETE` — so a blocked
 *   WebSocket can be told apart from a backend problem.
 * Its data lives only under `probes/{location}` (the rules allow nothing else).
 */
export function firebaseCheck(target: FirebaseTarget): Check {
  let apps = 0;
  return {
    kind: 'firebase',
    async tick(context) {
      const { uid, claims } = probeIdentity(context.probe);
      const runId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      const runs = `probes/${context.probe}/runs`;
      const ws = await websocketRun(target, context, {
        uid,
        claims,
        runs,
        runId,
        appIndex: (apps += 2),
      });
      const rest = await restRun(target, context, { uid, claims, runs, runId: `${runId}-rest` });
      for (const result of [ws, rest])
        if (!result.ok)
          context.logger.warn(
            {
              phase: result.failure.phase,
              reason: result.failure.reason,
              err: result.failure.message,
            },
            'firebase probe failed',
          );
    },
    close: () => target.admin.close(),
  };
}

/** The probe's custom token; failing to mint one is a credentials problem, counted as ours. */
async function mintToken(
  target: FirebaseTarget,
  context: CheckContext,
  ids: RunIds,
): Promise<string> {
  try {
    return await target.admin.customToken(ids.uid, ids.claims);
  } catch (error) {
    context.metrics.countError('credentials');
    throw Object.assign(
      new Error(`auth/credentials: ${error instanceof Error ? error.message : String(error)}`),
      { code: 'auth/credentials' },
    );
  }
}

interface RunIds {
  uid: string;
  claims: Record<string, string>;
  runs: string;
  runId: string;
}

async function websocketRun(
  target: FirebaseTarget,
  context: CheckContext,
  ids: RunIds & { appIndex: number },
) {
  const { config } = target;
  const options = {
    apiKey: target.webApiKey,
    projectId: config.projectId,
    databaseURL: config.databaseUrl,
  };
  const apps: FirebaseApp[] = [
    initializeApp(options, `probe-${process.pid}-${ids.appIndex}-writer`),
    initializeApp(options, `probe-${process.pid}-${ids.appIndex}-listener`),
  ];
  try {
    return await timedRun(
      { kind: 'firebase', target: context.target, probe: context.probe, transport: 'websocket' },
      context,
      async (run) => {
        const [writer, listener] = apps.map((app) => {
          if (config.authEmulatorHost)
            connectAuthEmulator(getAuth(app), `http://${config.authEmulatorHost}`, {
              disableWarnings: true,
            });
          const db = getDatabase(app);
          if (config.databaseEmulatorHost) {
            const [host, port] = config.databaseEmulatorHost.split(':');
            connectDatabaseEmulator(db, host!, Number(port));
          }
          return db;
        }) as [Database, Database];
        await run.phase('auth', async () => {
          const token = await mintToken(target, context, ids);
          await Promise.all(apps.map((app) => signInWithCustomToken(getAuth(app), token)));
        });
        await run.phase('connect', () =>
          Promise.all([writer, listener].map((db) => firstValue(db, '.info/connected', isTrue))),
        );
        const offsetMs = await firstValue(writer, '.info/serverTimeOffset', isNumber);
        context.metrics.setServerTimeOffset(
          { target: context.target, probe: context.probe },
          offsetMs / 1000,
        );

        const path = `${ids.runs}/${ids.runId}`;
        const seen = firstValue(listener, path, isObject);
        seen.catch(() => undefined); // awaited below; a failed write must not leave it unhandled
        const writeStarted = performance.now();
        await run.phase('write', () => set(ref(writer, path), { at: serverTimestamp() }));
        await run.phase('fanout', () => seen, { startedAt: writeStarted });
        await run.phase('cleanup', async () => {
          await remove(ref(writer, path));
          // Runs a crashed probe left behind expire here.
          const cutoff = Date.now() + offsetMs - target.runTtlMs;
          const stale = await get(query(ref(writer, ids.runs), orderByChild('at'), endAt(cutoff)));
          await Promise.all(
            Object.keys((stale.val() as object | null) ?? {}).map((key) =>
              remove(ref(writer, `${ids.runs}/${key}`)),
            ),
          );
        });
      },
    );
  } finally {
    // Signing out stops the ID token's proactive refresh timer, which deleteApp leaves running.
    await Promise.allSettled(apps.map((app) => signOut(getAuth(app)).then(() => deleteApp(app))));
  }
}

async function restRun(target: FirebaseTarget, context: CheckContext, ids: RunIds) {
  const { config } = target;
  return timedRun(
    { kind: 'firebase', target: context.target, probe: context.probe, transport: 'rest' },
    context,
    async (run) => {
      const idToken = await run.phase('auth', async (signal) =>
        signInOverRest(config, target.webApiKey, await mintToken(target, context, ids), signal),
      );
      const path = `${ids.runs}/${ids.runId}`;
      await run.phase('rest_put', (signal) =>
        restCall(restUrl(config, path, { auth: idToken, print: 'silent' }), {
          method: 'PUT',
          body: JSON.stringify({ at: { '.sv': 'timestamp' } }),
          signal,
        }),
      );
      await run.phase('rest_get', async (signal) => {
        const response = await restCall(
          restUrl(config, ids.runs, { auth: idToken, shallow: 'true' }),
          { signal },
        );
        const body = (await response.json()) as Record<string, unknown> | null;
        if (!body || !(ids.runId in body))
          throw new Error('protocol: the run just written is not listed');
      });
      await run.phase('cleanup', (signal) =>
        restCall(restUrl(config, path, { auth: idToken, print: 'silent' }), {
          method: 'DELETE',
          signal,
        }),
      );
    },
  );
}
