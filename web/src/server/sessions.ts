import {
  DEFAULT_CLASS_SIZE,
  type Deck,
  type SessionSettings,
  type StudentTransport,
} from '@classpulse/realtime/protocol';
import { webConfig } from './config.ts';
import { database } from './db.ts';
import * as repository from './data/session-repository.ts';
import type { SessionRecord } from './data/session-repository.ts';
import {
  isCoTeacher,
  listCoTaughtSessions,
  type CoTaughtSession,
} from './data/co-teacher-repository.ts';
import { requiredRealtimeTokens } from './realtime-tokens.ts';

export type { SessionRecord };

export type StartResult =
  { ok: true; session: SessionRecord } | { ok: false; status: number; message: string };

/** Starts a live session of a deck on the realtime tier and remembers it for the library and reports. */
export async function startSession(
  teacherId: string,
  deckId: string,
  deck: Deck,
  settings: SessionSettings,
): Promise<StartResult> {
  if (settings.studentSignIn && !webConfig().oidc)
    return {
      ok: false,
      status: 400,
      message: 'Students can only sign in where school sign-in is set up (OIDC_ISSUER_URL).',
    };
  const account = await requiredRealtimeTokens().signTeacherAccount(teacherId, 300);
  const withTransport = sessionSettingsFor(settings);
  let res: Response;
  try {
    res = await fetch(`${webConfig().realtimeInternalUrl}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${account}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deck, settings: withTransport }),
    });
  } catch {
    return {
      ok: false,
      status: 503,
      message: 'The live-session service is not reachable. Is it running?',
    };
  }
  const body = (await res.json().catch(() => null)) as
    | { ok: true; sessionId: string; joinCode: string; teacherToken: string }
    | { ok: false; message: string }
    | null;
  if (!res.ok || !body?.ok) {
    return {
      ok: false,
      status: res.status >= 500 ? 503 : 400,
      message: body && !body.ok ? body.message : 'Could not start.',
    };
  }
  const record: SessionRecord = {
    id: body.sessionId,
    deckId,
    title: deck.title,
    joinCode: body.joinCode,
    teacherToken: body.teacherToken,
    createdAt: Date.now(),
    ...(withTransport.dueAt === undefined ? {} : { dueAt: withTransport.dueAt }),
  };
  await repository.insertSession(
    await database(),
    teacherId,
    record,
    withTransport.studentTransport ?? 'socket',
    withTransport.studentSignIn === true,
  );
  return { ok: true, session: record };
}

/** Who a teacher is to a session: its owner (who started it) or a co-teacher the owner added. */
export type SessionRole = 'owner' | 'co-teacher';

export interface TaughtSession extends SessionRecord {
  role: SessionRole;
  ownerId: string;
}

/**
 * The session if the account teaches it (owner or co-teacher); null otherwise, as if it did not
 * exist. Everything but deleting it and choosing co-teachers is open to both.
 */
export async function getSession(accountId: string, id: string): Promise<TaughtSession | null> {
  const db = await database();
  const found = await repository.getSessionWithOwner(db, id);
  if (!found) return null;
  const role: SessionRole | null =
    found.ownerId === accountId
      ? 'owner'
      : (await isCoTeacher(db, id, accountId))
        ? 'co-teacher'
        : null;
  return role && { ...found.session, role, ownerId: found.ownerId };
}

/** Sessions other teachers added the account to as a co-teacher. */
export async function listCoTaught(accountId: string): Promise<CoTaughtSession[]> {
  return listCoTaughtSessions(await database(), accountId);
}

/** The session only if the account owns it. */
export async function getOwnedSession(
  accountId: string,
  id: string,
): Promise<SessionRecord | null> {
  return repository.getSession(await database(), accountId, id);
}

export async function listSessions(teacherId: string): Promise<SessionRecord[]> {
  return repository.listSessions(await database(), teacherId);
}

/** A fresh teacher token for the browser (the stored one may be close to expiry). */
export async function teacherTokenFor(teacherId: string, sessionId: string): Promise<string> {
  return requiredRealtimeTokens().signTeacher(sessionId, teacherId);
}

/** Drops the library entry of a session (its answers are deleted on the realtime tier first). */
export async function forgetSession(teacherId: string, id: string): Promise<void> {
  await repository.deleteSession(await database(), teacherId, id);
}

/**
 * A new session's settings with this deployment's student transport and dark-launch share
 * (Firebase mode; a teacher's own choice in the request wins). They are stored with the
 * session, so the teacher can change them later and every client follows. Without Firebase
 * students are always on the socket and there is nothing to set.
 */
export function sessionSettingsFor(settings: SessionSettings): SessionSettings {
  const config = webConfig();
  const { pacing, latePolicy } = settings;
  const joining = {
    classSize: settings.classSize ?? DEFAULT_CLASS_SIZE,
    ...(settings.studentSignIn ? { studentSignIn: true } : {}),
    ...(settings.waitingRoom ? { waitingRoom: true } : {}),
    // Quiz mode and a homework's due time (both absent: a live lesson, no points).
    ...(settings.quiz ? { quiz: settings.quiz } : {}),
    ...(settings.dueAt === undefined ? {} : { dueAt: settings.dueAt }),
  };
  if (!config.firebase) return { pacing, latePolicy, ...joining };
  return {
    pacing,
    latePolicy,
    ...joining,
    studentTransport: settings.studentTransport ?? config.defaultStudentTransport,
    darkLaunchShare: settings.darkLaunchShare ?? config.wsDarkLaunchShare,
  };
}

/**
 * Remembers the transport a teacher switched a session's students to, so pages opened from now
 * on start there (the session's setting is the truth: a page that starts elsewhere moves).
 */
export async function rememberStudentTransport(
  teacherId: string,
  id: string,
  transport: StudentTransport,
): Promise<boolean> {
  const session = await getSession(teacherId, id);
  if (!session) return false;
  const stored = webConfig().firebase ? transport : 'socket';
  return repository.setSessionTransport(await database(), session.ownerId, id, stored);
}

/** Remembers a homework's due time the teacher changed or cleared (null) on the dashboard. */
export async function rememberDueAt(
  teacherId: string,
  id: string,
  dueAt: number | null,
): Promise<boolean> {
  const session = await getSession(teacherId, id);
  if (!session) return false;
  return repository.setSessionDueAt(await database(), session.ownerId, id, dueAt);
}

/**
 * How students of the session with this join code join: the transport they start syncing on
 * (the session's, as it started or was last switched from the dashboard) and whether they sign
 * in with their school account. The newest session with the code counts: codes are reused once
 * a session ends.
 */
export async function joinOptionsForCode(
  joinCode: string,
): Promise<{ transport: StudentTransport; studentSignIn: boolean }> {
  const stored = await repository.joinSettingsOfCode(await database(), joinCode);
  const transport =
    stored?.transport === 'firebase' || stored?.transport === 'socket'
      ? stored.transport
      : webConfig().defaultStudentTransport;
  return {
    transport: webConfig().firebase ? transport : 'socket',
    studentSignIn: stored?.studentSignIn ?? false,
  };
}
