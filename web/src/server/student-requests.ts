import { z } from 'zod';
import { database } from './db.ts';
import {
  adminSession,
  findSessionsForAdmin,
  sessionsOfStudentEmail,
  type AdminSessionFilter,
  type AdminSessionSummary,
} from './data/student-request-repository.ts';
import { sessionStudentEmails } from './data/session-student-repository.ts';
import { processSingleton } from './process-singleton.ts';
import { sessionStateAsOwner } from './student-requests-realtime.ts';
import { TokenBucketPerKey } from './token-bucket-per-key.ts';

/**
 * A parent's request about one student (issue 25), as the school's admin handles it: find the
 * student (by school address where students sign in, else by session and name), then export or
 * erase (student-requests-export.ts, student-requests-erase.ts). Callers have checked that the
 * account is an admin; a teacher never reaches these.
 */

/** One student of one session, as a link, a form field or a JSON body names it: `session.student`. */
export const studentRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/, 'Not a student of a session.')
  .transform((ref) => {
    const [sessionId = '', studentId = ''] = ref.split('.');
    return { sessionId, studentId };
  });
export type StudentRef = z.output<typeof studentRefSchema>;
export const refText = (ref: StudentRef): string => `${ref.sessionId}.${ref.studentId}`;

/** What one export or erasure may cover: a student's sessions, with room to spare. */
export const MAX_REFS = 200;
export const studentRefsSchema = z.array(studentRefSchema).min(1).max(MAX_REFS);

/** The `s` parameters of a page's address, checked; null when there are none or one is wrong. */
export function refsFromParams(value: string | string[] | undefined): StudentRef[] | null {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const parsed = studentRefsSchema.safeParse([...new Set(list)]);
  return parsed.success ? parsed.data : null;
}

/** A student found: the session, its teacher and date, the name, and the address if signed in. */
export interface FoundStudent extends AdminSessionSummary {
  studentId: string;
  name: string;
  email: string | null;
}

export const findQuerySchema = z.union([
  z.object({ email: z.email().max(320) }),
  z.object({
    name: z.string().trim().min(1).max(100),
    code: z.string().trim().max(16).optional(),
    teacher: z.string().max(64).optional(),
    /** YYYY-MM-DD: sessions started on that day (UTC). */
    day: z.iso.date().optional(),
  }),
]);
export type FindQuery = z.output<typeof findQuerySchema>;

/** The find form's fields from a page's address or a route's query: a query, or null. */
export function parseFindQuery(params: Record<string, string | string[] | undefined>): {
  query: FindQuery | null;
  invalid: boolean;
} {
  const one = (key: string) => {
    const v = params[key];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  // Only the fields given: an empty field is no filter.
  const given = (keys: string[]) =>
    Object.fromEntries(keys.flatMap((key) => (one(key) ? [[key, one(key)]] : [])));
  const raw = one('email')
    ? given(['email'])
    : one('name')
      ? given(['name', 'code', 'teacher', 'day'])
      : null;
  if (!raw) return { query: null, invalid: false };
  const parsed = findQuerySchema.safeParse(raw);
  return parsed.success ? { query: parsed.data, invalid: false } : { query: null, invalid: true };
}

export interface FindResult {
  students: FoundStudent[];
  /** Sessions whose roster the realtime tier could not give (searched by name only). */
  unreachable: number;
}

const DAY_MS = 86_400_000;

/** A search by name reads each session's roster from the realtime tier: this many at most. */
export const SESSIONS_SEARCHED_BY_NAME = 20;

/** Case and accents of one's own typing aside, a name "matches" when it holds what was typed. */
const foldName = (name: string) => name.normalize('NFC').toLocaleLowerCase().trim();

/** Finds a student: every session an address signed in to, or the name in the chosen sessions. */
export async function findStudents(query: FindQuery): Promise<FindResult> {
  const db = await database();
  if ('email' in query) {
    const rows = await sessionsOfStudentEmail(db, query.email);
    return {
      students: rows.map(({ signedInAt: _signedInAt, ...student }) => student),
      unreachable: 0,
    };
  }
  const filter: AdminSessionFilter = {};
  if (query.code) filter.joinCode = query.code;
  if (query.teacher) filter.teacherId = query.teacher;
  if (query.day) {
    filter.from = Date.parse(`${query.day}T00:00:00Z`);
    filter.until = filter.from + DAY_MS;
  }
  const sessions = await findSessionsForAdmin(db, filter, SESSIONS_SEARCHED_BY_NAME);
  const wanted = foldName(query.name);
  const students: FoundStudent[] = [];
  let unreachable = 0;
  for (const session of sessions) {
    const state = await sessionStateAsOwner(session.ownerId, session.sessionId);
    if (!state.ok) {
      if (state.status !== 404) unreachable += 1;
      continue;
    }
    const emails = await sessionStudentEmails(db, session.sessionId);
    for (const student of Object.values(state.value.students))
      if (foldName(student.name).includes(wanted))
        students.push({
          ...session,
          studentId: student.id,
          name: student.name,
          email: emails.get(student.id) ?? null,
        });
  }
  return { students, unreachable };
}

/** The chosen students' sessions as the admin's pages name them; unknown sessions are left out. */
export async function sessionsOf(
  refs: readonly StudentRef[],
): Promise<Map<string, AdminSessionSummary>> {
  const db = await database();
  const found = new Map<string, AdminSessionSummary>();
  for (const { sessionId } of refs) {
    if (found.has(sessionId)) continue;
    const session = await adminSession(db, sessionId);
    if (session) found.set(sessionId, session);
  }
  return found;
}

/**
 * Each admin's requests are bounded (a find by name asks the realtime tier for up to 20 rosters,
 * an export or erasure for every chosen session): enough for any real request, not for a loop.
 * Milliseconds until the next is allowed, 0 when this one is.
 */
export function takeStudentRequest(adminId: string): number {
  return processSingleton('student-requests-per-admin', () => new TokenBucketPerKey(30, 30)).take(
    adminId,
  );
}
