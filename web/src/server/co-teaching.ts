import { database } from './db.ts';
import { findAccountByEmail, getAccount } from './data/account-repository.ts';
import {
  addCoTeacher,
  listCoTeachers,
  removeCoTeacher,
  type CoTeacher,
} from './data/co-teacher-repository.ts';
import { fetchRealtimeAs } from './realtime-session.ts';
import { getSession, type SessionRole } from './sessions.ts';

export interface CoTeaching {
  role: SessionRole;
  owner: { name: string; email: string };
  coTeachers: CoTeacher[];
}

type Result<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

const NOT_FOUND = {
  ok: false,
  status: 404,
  code: 'not_found',
  message: 'This session does not exist.',
} as const;

/** Who teaches the session, for any of its teachers. */
export async function coTeaching(
  accountId: string,
  sessionId: string,
): Promise<Result<CoTeaching>> {
  const session = await getSession(accountId, sessionId);
  if (!session) return NOT_FOUND;
  const db = await database();
  const owner = await getAccount(db, session.ownerId);
  return {
    ok: true,
    value: {
      role: session.role,
      owner: { name: owner?.name ?? 'Unknown teacher', email: owner?.email ?? '' },
      coTeachers: await listCoTeachers(db, sessionId),
    },
  };
}

/**
 * The owner adds (or removes) a co-teacher by address. The realtime tier, which enforces it for
 * every command, gets the new list first; only then is it kept here, so the two never disagree
 * in the co-teacher's favour.
 */
export async function changeCoTeacher(
  ownerId: string,
  sessionId: string,
  email: string,
  action: 'add' | 'remove',
): Promise<Result<CoTeaching>> {
  const session = await getSession(ownerId, sessionId);
  if (!session) return NOT_FOUND;
  if (session.role !== 'owner')
    return {
      ok: false,
      status: 403,
      code: 'forbidden',
      message: 'Only the teacher who started the session chooses its co-teachers.',
    };
  const db = await database();
  const account = await findAccountByEmail(db, email);
  if (!account || (action === 'add' && account.disabledAt !== null))
    return {
      ok: false,
      status: 404,
      code: 'no_such_teacher',
      message: 'No teacher of this Classpulse has that email address.',
    };
  if (account.id === ownerId)
    return { ok: false, status: 400, code: 'own_session', message: 'You already teach it.' };
  const current = (await listCoTeachers(db, sessionId)).map((c) => c.accountId);
  const next =
    action === 'add'
      ? [...new Set([...current, account.id])]
      : current.filter((id) => id !== account.id);
  const told = await tellRealtime(ownerId, sessionId, next);
  if (!told.ok) return told;
  if (action === 'add') await addCoTeacher(db, sessionId, account.id, ownerId, Date.now());
  else await removeCoTeacher(db, sessionId, account.id);
  return coTeaching(ownerId, sessionId);
}

async function tellRealtime(
  ownerId: string,
  sessionId: string,
  teacherIds: string[],
): Promise<{ ok: true } | { ok: false; status: number; code: string; message: string }> {
  const response = await fetchRealtimeAs(ownerId, sessionId, '/commands', {
    method: 'POST',
    body: { type: 'setCoTeachers', teacherIds },
  });
  if (!response)
    return {
      ok: false,
      status: 503,
      code: 'unavailable',
      message: 'The live-session service is not reachable.',
    };
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  if (body?.code === 'session_ended')
    return {
      ok: false,
      status: 409,
      code: 'session_ended',
      message: 'The session has ended: co-teachers are added while it is live.',
    };
  if (response.status === 404) return NOT_FOUND;
  return {
    ok: false,
    status: 503,
    code: 'unavailable',
    message: 'The live-session service did not take the change. Try again.',
  };
}
