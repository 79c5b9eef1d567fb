import type { FirebaseApp } from 'firebase/app';
import type { Auth } from 'firebase/auth';
import type { Database, Unsubscribe } from 'firebase/database';
import { loadFirebaseSdk, type FirebaseSdk } from './firebase-sdk.ts';
import { encodeAnswer } from '../firebase/answer-codec.ts';
import { paths } from '../firebase/paths.ts';
import { storedResponseFrom, type ResponseNode } from '../firebase/response-node.ts';
import {
  answerProblem,
  DELIVERY_LIMITS,
  isProtocolError,
  protocolError,
  PROTOCOL_VERSION,
  ownDueAt,
  ownSlideDeadline,
  selfViewOf,
  type HandshakeAuth,
  type ProtocolError,
  type PublicSessionView,
  type OwnStanding,
  type StudentRecord,
  type StoredResponse,
  type StudentSelfView,
  type SubmitAck,
} from '../protocol/index.ts';
import { readJson, writeJson, type KeyValueStorage } from './storage.ts';
import { clampRtt, type SessionTransport, type TransportListener } from './transport.ts';

export { loadFirebaseSdk };

/** The web app's Firebase settings for browsers (public values: no secret in here). */
export interface FirebaseWebConfig {
  apiKey: string;
  projectId: string;
  databaseURL: string;
  authDomain?: string;
  /** Local emulators (development, tests): `host:port` each. */
  databaseEmulatorHost?: string;
  authEmulatorHost?: string;
}

export interface FirebaseTransportOptions {
  /** The web app's join route: joins or resumes on our servers and mints the custom token. */
  joinUrl: string;
  firebase: FirebaseWebConfig;
  /** How long a write may stay unacknowledged before the answer is retried later. */
  ackTimeoutMs?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
  /**
   * Where a resumed student's custom token is kept for the next page load (`browserStorage()`
   * in pages), so a reload signs in to Firebase at once instead of after the join route. None:
   * every connect asks the join route.
   */
  storage?: KeyValueStorage;
  now?: () => number;
}

interface SignIn {
  sessionId: string;
  studentId: string;
  token?: string;
  firebaseToken: string;
}

let apps = 0;

/**
 * A custom token is accepted for an hour after the join route minted it: reused for a little
 * less, for the identity it was minted for only (the identity's token is the key, so a device
 * never signs in as another student). Refused anyway (expired, revoked), the join route runs.
 */
const KEPT_SIGN_IN_KEY = 'classpulse:v1:firebase-sign-in';
const KEPT_SIGN_IN_MAX_AGE_MS = 45 * 60_000;

interface KeptSignIn extends SignIn {
  /** The identity token the join route resumed. */
  identity: string;
  keptAt: number;
}

/**
 * Students on Firebase: the browser talks to the Realtime Database directly (school networks
 * that block our servers still reach Firebase). Joining goes through the web app, which runs
 * the engine and mints a custom token; then everything is database reads and writes that the
 * rules check: the public view, the student's roster entry and responses, presence.
 * "Received" means the database acknowledged the write.
 *
 * Teachers use the socket transport: their commands run through the engine on our servers.
 */
export function createFirebaseTransport(options: FirebaseTransportOptions): SessionTransport {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let app: FirebaseApp | null = null;
  /** Loaded at the first connect (see firebase-sdk.ts). */
  let fb: FirebaseSdk | null = null;
  let signedInAuth: Auth | null = null;
  let db: Database | null = null;
  let member: { sessionId: string; studentId: string } | null = null;
  let connected = false;
  let everConnected = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribes: Unsubscribe[] = [];
  const responseListeners = new Map<string, Unsubscribe>();
  let view: PublicSessionView | null = null;
  let roster: StudentRecord | null = null;
  /** Quiz mode: this student's points and rank, as the servers last wrote them. */
  let standing: OwnStanding | undefined;
  const own = new Map<string, ResponseNode>();
  let activeListener: TransportListener | null = null;
  let serverTimeOffset = 0;
  /** This connection's presence write; resolves with its round trip (ms), null if it failed. */
  let presenceWritten: Promise<number | null> | null = null;
  const now = options.now ?? Date.now;

  /** The sign-in the join route gave this identity recently, if it is still good to reuse. */
  function keptSignIn(auth: HandshakeAuth): SignIn | null {
    if (!options.storage || !('token' in auth)) return null;
    const kept = readJson<KeptSignIn>(options.storage, KEPT_SIGN_IN_KEY);
    if (kept?.identity !== auth.token || typeof kept.firebaseToken !== 'string') return null;
    const age = now() - kept.keptAt;
    if (!(age >= 0 && age < KEPT_SIGN_IN_MAX_AGE_MS)) return null;
    return {
      sessionId: kept.sessionId,
      studentId: kept.studentId,
      firebaseToken: kept.firebaseToken,
    };
  }

  function keepSignIn(auth: HandshakeAuth, signedIn: SignIn): void {
    const identity = signedIn.token ?? ('token' in auth ? auth.token : undefined);
    if (!options.storage || !identity) return;
    const kept: KeptSignIn = {
      identity,
      sessionId: signedIn.sessionId,
      studentId: signedIn.studentId,
      firebaseToken: signedIn.firebaseToken,
      keptAt: now(),
    };
    writeJson(options.storage, KEPT_SIGN_IN_KEY, kept);
  }

  function forgetSignIn(): void {
    options.storage?.removeItem(KEPT_SIGN_IN_KEY);
  }

  async function signIn(auth: HandshakeAuth): Promise<SignIn | ProtocolError> {
    try {
      const response = await doFetch(options.joinUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(auth),
      });
      const body = (await response.json().catch(() => null)) as unknown;
      if (isProtocolError(body)) return body;
      const ok = body as Partial<SignIn> | null;
      if (typeof ok?.sessionId !== 'string' || typeof ok.firebaseToken !== 'string')
        return protocolError('unavailable', 'The join service answered unexpectedly.');
      return ok as SignIn;
    } catch {
      return protocolError('unavailable', 'The join service is not reachable.');
    }
  }

  function selfView(): StudentSelfView | null {
    if (!member || !roster) return null;
    const responses: Array<[string, StoredResponse]> = [];
    for (const [slideId, node] of own) {
      const r = storedResponseFrom(node);
      if (r) responses.push([slideId, r]);
    }
    return selfViewOf(roster, responses, standing);
  }

  /** Follows this student's response on every slide the public view shows. */
  function followResponses(listener: TransportListener): void {
    if (!fb || !db || !member || !view) return;
    const { onValue, ref } = fb.database;
    for (const slide of view.slides) {
      if (responseListeners.has(slide.id)) continue;
      const slideId = slide.id;
      const path = paths.response(member.sessionId, slideId, member.studentId);
      responseListeners.set(
        slideId,
        onValue(ref(db, path), (snap) => {
          const node = snap.val() as ResponseNode | null;
          if (node) own.set(slideId, node);
          else own.delete(slideId);
          const self = selfView();
          if (self) listener.studentSelf(self);
        }),
      );
    }
  }

  /** The rules stopped letting this student read: find out why from the server. */
  async function lostAccess(auth: () => HandshakeAuth, listener: TransportListener) {
    if (closed) return;
    forgetSignIn();
    const again = await signIn(auth());
    if (!isProtocolError(again) || again.retryable) return;
    closed = true;
    listener.closed(again);
    listener.status('closed', again);
    teardown();
  }

  async function start(auth: () => HandshakeAuth, listener: TransportListener): Promise<void> {
    const sdk = loadFirebaseSdk();
    const handshake = auth();
    // A reload resumes with the custom token the join route gave minutes ago: no round trip.
    const kept = keptSignIn(handshake);
    const signedIn = kept ?? (await signIn(handshake));
    if (closed) return;
    if (!kept && !isProtocolError(signedIn)) keepSignIn(handshake, signedIn);
    if (isProtocolError(signedIn)) {
      if (!signedIn.retryable) {
        closed = true;
        listener.status('closed', signedIn);
        return;
      }
      listener.status('reconnecting', signedIn);
      retryTimer = setTimeout(() => void start(auth, listener), options.retryDelayMs ?? 1_000);
      return;
    }
    fb = await sdk;
    if (closed) return;
    const { initializeApp } = fb.app;
    const { connectAuthEmulator, inMemoryPersistence, initializeAuth, signInWithCustomToken } =
      fb.auth;
    const {
      connectDatabaseEmulator,
      getDatabase,
      onDisconnect,
      onValue,
      ref,
      serverTimestamp,
      set,
    } = fb.database;
    const config = options.firebase;
    app = initializeApp(
      {
        apiKey: config.apiKey,
        projectId: config.projectId,
        databaseURL: config.databaseURL,
        ...(config.authDomain ? { authDomain: config.authDomain } : {}),
      },
      `classpulse-${++apps}`,
    );
    // In memory only: a fresh custom token signs in at every connect, and a shared school
    // computer must not keep a student signed in after the page is gone.
    const firebaseAuth = initializeAuth(app, { persistence: inMemoryPersistence });
    signedInAuth = firebaseAuth;
    if (config.authEmulatorHost)
      connectAuthEmulator(firebaseAuth, `http://${config.authEmulatorHost}`, {
        disableWarnings: true,
      });
    try {
      await signInWithCustomToken(firebaseAuth, signedIn.firebaseToken);
    } catch {
      forgetSignIn();
      if (kept) {
        // The kept token no longer works (expired, revoked): ask the join route at once.
        teardown();
        void start(auth, listener);
        return;
      }
      listener.status('reconnecting', protocolError('unavailable', 'Firebase sign-in failed.'));
      teardown();
      retryTimer = setTimeout(() => void start(auth, listener), options.retryDelayMs ?? 1_000);
      return;
    }
    db = getDatabase(app, config.databaseURL);
    if (config.databaseEmulatorHost) {
      const [host = '127.0.0.1', port = '9000'] = config.databaseEmulatorHost.split(':');
      connectDatabaseEmulator(db, host, Number(port));
    }
    member = { sessionId: signedIn.sessionId, studentId: signedIn.studentId };
    followBrowserConnectivity(db, fb);
    const database = db;
    // The SDK keeps `.info` locally (never a server read); the offset is known once connected.
    unsubscribes.push(
      onValue(ref(database, '.info/serverTimeOffset'), (snap) => {
        serverTimeOffset = Number(snap.val()) || 0;
      }),
    );
    listener.welcome({
      role: 'student',
      sessionId: signedIn.sessionId,
      studentId: signedIn.studentId,
      ...(signedIn.token ? { token: signedIn.token } : {}),
      serverTime: Date.now() + serverTimeOffset,
      protocolVersion: PROTOCOL_VERSION,
    });

    const { sessionId, studentId } = member;
    const presence = ref(db, paths.presence(sessionId, studentId));
    unsubscribes.push(
      onValue(ref(db, '.info/connected'), (snap) => {
        connected = snap.val() === true;
        if (!connected) {
          // The first value is "not yet": still connecting, not a drop (no banner flashes).
          if (!closed) listener.status(everConnected ? 'reconnecting' : 'connecting');
          return;
        }
        everConnected = true;
        // onDisconnect first, so a drop right after "connected" still ends as "gone". The
        // presence write is also this connection's first round trip (reportRtt).
        presenceWritten = onDisconnect(presence)
          .set({ status: 'gone', lastSeenAt: serverTimestamp(), transport: 'firebase' })
          .then(async () => {
            const started = performance.now();
            await set(presence, {
              status: 'connected',
              lastSeenAt: serverTimestamp(),
              transport: 'firebase',
            });
            return Math.round(performance.now() - started);
          })
          .catch(() => null);
        listener.status('connected');
      }),
      onValue(
        ref(db, paths.roster(sessionId, studentId)),
        (snap) => {
          roster = snap.val() as StudentRecord | null;
          const self = selfView();
          if (self) listener.studentSelf(self);
        },
        () => void lostAccess(auth, listener),
      ),
      onValue(
        ref(db, paths.standing(sessionId, studentId)),
        (snap) => {
          const node = snap.val() as Partial<OwnStanding> | null;
          standing = typeof node?.points === 'number' ? (node as OwnStanding) : undefined;
          const self = selfView();
          if (self) listener.studentSelf(self);
        },
        () => void lostAccess(auth, listener),
      ),
      onValue(
        ref(db, paths.public(sessionId)),
        (snap) => {
          const text = snap.val() as unknown;
          if (typeof text !== 'string') return;
          view = JSON.parse(text) as PublicSessionView;
          listener.studentSession(view);
          followResponses(listener);
        },
        () => void lostAccess(auth, listener),
      ),
    );
  }

  /**
   * A browser that reports going offline is treated as disconnected at once (a dead WebSocket
   * can look alive for a while), and reconnects as soon as it is back.
   */
  function followBrowserConnectivity(database: Database, sdk: FirebaseSdk): void {
    const { goOffline, goOnline } = sdk.database;
    const target = globalThis as {
      addEventListener?: (e: string, f: () => void) => void;
      removeEventListener?: (e: string, f: () => void) => void;
    };
    if (typeof target.addEventListener !== 'function') return;
    const offline = () => goOffline(database);
    const online = () => goOnline(database);
    target.addEventListener('offline', offline);
    target.addEventListener('online', online);
    unsubscribes.push(() => {
      target.removeEventListener?.('offline', offline);
      target.removeEventListener?.('online', online);
    });
  }

  function teardown(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    for (const stop of unsubscribes.splice(0)) stop();
    for (const stop of responseListeners.values()) stop();
    responseListeners.clear();
    if (db && fb) fb.database.goOffline(db);
    // Signing out stops the SDK's token refresh timer, which would otherwise outlive the app.
    const sdk = fb;
    const stopping =
      signedInAuth && sdk
        ? sdk.auth.signOut(signedInAuth).catch(() => undefined)
        : Promise.resolve();
    const ending = app;
    if (ending && sdk) void stopping.then(() => sdk.app.deleteApp(ending)).catch(() => undefined);
    signedInAuth = null;
    app = null;
    db = null;
    connected = false;
    everConnected = false;
    presenceWritten = null;
  }

  /** Why the database refused an answer, in the engine's words, from what the student sees. */
  function refusalFor(slideId: string): ProtocolError {
    const slide = view?.slides.find((s) => s.id === slideId);
    if (view?.status === 'ended') return protocolError('session_ended');
    // The database's clock decided; the device's may be a little off either way.
    const serverNow = Date.now() + serverTimeOffset;
    const extendedTime = roster?.extendedTime;
    // (A public view without createdAt predates extended time: nothing to stretch from.)
    const dueAt = view
      ? ownDueAt(view.dueAt, view.createdAt ?? view.dueAt ?? 0, extendedTime)
      : null;
    if (dueAt !== null && dueAt <= serverNow) return protocolError('past_due');
    if (!slide) return protocolError('slide_not_open');
    const deadline = ownSlideDeadline(slide, extendedTime);
    if (slide.locked || (deadline !== null && deadline <= serverNow))
      return protocolError('slide_locked');
    if (roster && slide.index < roster.firstAnswerableIndex) return protocolError('slide_not_open');
    return protocolError('forbidden', 'The database refused this answer.');
  }

  async function submit(message: Parameters<SessionTransport['submit']>[0]): Promise<SubmitAck> {
    if (!fb || !db || !member || !connected) return protocolError('unavailable', 'Not connected.');
    const { get, ref, serverTimestamp, set } = fb.database;
    const { sessionId, studentId } = member;
    const { slideId, answerId, answer } = message;
    const question = view?.slides.find((s) => s.id === slideId)?.question;
    if (question) {
      const problem = answerProblem(question, answer);
      if (problem) return protocolError('invalid_answer', problem);
    }
    const ack = (node: ResponseNode, duplicate: boolean): SubmitAck => ({
      ok: true,
      answerId,
      duplicate,
      response: {
        answerId,
        answer,
        submittedAt: typeof node.submittedAt === 'number' ? node.submittedAt : Date.now(),
        hidden: node.hidden,
      },
    });
    const current = own.get(slideId);
    if (current?.answerIds?.[answerId]) return ack(current, true);
    const target = ref(db, paths.response(sessionId, slideId, studentId));
    const node = {
      answerId,
      answer: encodeAnswer(answer),
      firstSubmittedAt: current ? current.firstSubmittedAt : serverTimestamp(),
      submittedAt: serverTimestamp(),
      ...(message.clientCreatedAt === undefined
        ? {}
        : { clientCreatedAt: message.clientCreatedAt }),
      // For the health report: with the SDK's clock offset, the server can compare the
      // database's timestamp of this write with the press of Submit.
      ...(message.delivery === undefined
        ? {}
        : {
            delivery: {
              queuedMs: message.delivery.queuedMs,
              offline: message.delivery.offline,
              attempt: message.delivery.attempt,
              // A device clock more than a day off leaves the time unmeasured rather than
              // making the rules refuse the answer.
              ...(Math.abs(serverTimeOffset) <= DELIVERY_LIMITS.clockOffsetMsMax
                ? { clockOffsetMs: Math.round(serverTimeOffset) }
                : {}),
            },
          }),
      hidden: current?.hidden ?? false,
      revisions: (current?.revisions ?? 0) + 1,
      answerIds: { ...(current?.answerIds ?? {}), [answerId]: true as const },
    };
    try {
      const outcome = await acknowledged(set(target, node));
      // The SDK keeps an unacknowledged write queued and sends it when it reconnects; the
      // outbox retries too, and a resend of a stored answerId is acknowledged as a duplicate.
      if (outcome === 'timeout') return protocolError('unavailable', 'No acknowledgement in time.');
      const stored = (await get(target)).val() as ResponseNode | null;
      return ack(stored ?? (node as unknown as ResponseNode), false);
    } catch {
      // Refused: maybe because an earlier send of this very answer already got through.
      const stored = (await get(target).catch(() => null))?.val() as ResponseNode | null;
      if (stored?.answerIds?.[answerId]) return ack(stored, true);
      return refusalFor(slideId);
    }
  }

  /** `stored` once the database acknowledged `write`, `timeout` after `ackTimeoutMs`. */
  async function acknowledged(write: Promise<void>): Promise<'stored' | 'timeout'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ackTimeoutMs);
    });
    try {
      return await Promise.race([write.then(() => 'stored' as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'firebase',
    connect(auth, listener) {
      closed = false;
      activeListener = listener;
      listener.status('connecting');
      void start(auth, listener).catch((e) => console.error('START FAILED', e));
    },
    submit,
    async navigate(message) {
      // Student-paced navigation stays on this device (the rules give students no roster
      // writes); the engine's roster position is not updated on this transport.
      if (!roster) return protocolError('unavailable', 'Not joined yet.');
      roster = { ...roster, position: message.slideIndex };
      const self = selfView();
      if (self) activeListener?.studentSelf(self);
      return { ok: true, position: message.slideIndex };
    },
    async command() {
      return protocolError('forbidden', 'Teachers use the socket transport.');
    },
    async sync() {
      const self = selfView();
      if (!view || !self) return protocolError('unavailable', 'Not joined yet.');
      return { ok: true, student: { session: view, self } };
    },
    /**
     * The round trip to the database: the time until it acknowledges a write. The first is the
     * connection's own presence write; each later one writes the previous measurement into the
     * presence node's `rttMs` (the realtime tier follows presence) for the teacher's roster,
     * leaving the rest of the node, and so when the student connected, as it was.
     */
    async reportRtt(previousMs) {
      if (!fb || !db || !member || !connected || !presenceWritten) return null;
      const first = await presenceWritten;
      if (previousMs === null || first === null || !db || !connected) return first;
      const { ref, set } = fb.database;
      const target = ref(db, `${paths.presence(member.sessionId, member.studentId)}/rttMs`);
      const started = performance.now();
      try {
        const outcome = await acknowledged(set(target, clampRtt(previousMs)));
        return outcome === 'stored' ? Math.round(performance.now() - started) : null;
      } catch {
        return null;
      }
    },
    async ping() {
      if (!db || !connected) return protocolError('unavailable', 'Not connected.');
      const sentAt = Date.now();
      return { ok: true, sentAt, serverTime: Date.now() + serverTimeOffset };
    },
    close() {
      closed = true;
      teardown();
    },
  };
}
