import type { Deck, SessionSettings, StudentTransport } from '@classpulse/realtime/protocol';
import { webConfig } from './config.ts';
import { db } from './db.ts';
import { requiredRealtimeTokens } from './realtime-tokens.ts';

export interface SessionRecord {
  id: string;
  deckId: string | null;
  title: string;
  joinCode: string;
  teacherToken: string;
  createdAt: number;
}

interface Row {
  id: string;
  deck_id: string | null;
  title: string;
  join_code: string;
  teacher_token: string;
  created_at: number;
}

const toRecord = (r: Row): SessionRecord => ({
  id: r.id,
  deckId: r.deck_id,
  title: r.title,
  joinCode: r.join_code,
  teacherToken: r.teacher_token,
  createdAt: r.created_at,
});

export type StartResult =
  { ok: true; session: SessionRecord } | { ok: false; status: number; message: string };

/** Starts a live session of a deck on the realtime tier and remembers it for the library and reports. */
export async function startSession(
  teacherId: string,
  deckId: string,
  deck: Deck,
  settings: SessionSettings,
): Promise<StartResult> {
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
  };
  db()
    .prepare(
      'INSERT INTO sessions (id, teacher_id, deck_id, title, join_code, teacher_token, created_at, transport) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      record.id,
      teacherId,
      deckId,
      record.title,
      record.joinCode,
      record.teacherToken,
      record.createdAt,
      withTransport.studentTransport ?? 'socket',
    );
  return { ok: true, session: record };
}

export function getSession(teacherId: string, id: string): SessionRecord | null {
  const row = db()
    .prepare<[string, string], Row>('SELECT * FROM sessions WHERE id = ? AND teacher_id = ?')
    .get(id, teacherId);
  return row ? toRecord(row) : null;
}

export function listSessions(teacherId: string): SessionRecord[] {
  return db()
    .prepare<[string], Row>(
      'SELECT * FROM sessions WHERE teacher_id = ? ORDER BY created_at DESC LIMIT 200',
    )
    .all(teacherId)
    .map(toRecord);
}

/** A fresh teacher token for the browser (the stored one may be close to expiry). */
export async function teacherTokenFor(teacherId: string, sessionId: string): Promise<string> {
  return requiredRealtimeTokens().signTeacher(sessionId, teacherId);
}

/** Drops the library entry of a session (its answers are deleted on the realtime tier first). */
export function forgetSession(teacherId: string, id: string): void {
  db().prepare('DELETE FROM sessions WHERE id = ? AND teacher_id = ?').run(id, teacherId);
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
  if (!config.firebase) return { pacing, latePolicy };
  return {
    pacing,
    latePolicy,
    studentTransport: settings.studentTransport ?? config.defaultStudentTransport,
    darkLaunchShare: settings.darkLaunchShare ?? config.wsDarkLaunchShare,
  };
}

/**
 * Remembers the transport a teacher switched a session's students to, so pages opened from now
 * on start there (the session's setting is the truth: a page that starts elsewhere moves).
 */
export function rememberStudentTransport(
  teacherId: string,
  id: string,
  transport: StudentTransport,
): boolean {
  const stored = webConfig().firebase ? transport : 'socket';
  return (
    db()
      .prepare('UPDATE sessions SET transport = ? WHERE id = ? AND teacher_id = ?')
      .run(stored, id, teacherId).changes > 0
  );
}

/**
 * Where students of the session with this join code start syncing: the session's transport when
 * it started or was last switched from the dashboard (the newest session with the code: codes
 * are reused once a session ends).
 */
export function transportForJoinCode(joinCode: string): StudentTransport {
  const row = db()
    .prepare<[string], { transport: string }>(
      'SELECT transport FROM sessions WHERE join_code = ? ORDER BY created_at DESC LIMIT 1',
    )
    .get(joinCode);
  const transport =
    row?.transport === 'firebase' || row?.transport === 'socket'
      ? row.transport
      : webConfig().defaultStudentTransport;
  return webConfig().firebase ? transport : 'socket';
}
