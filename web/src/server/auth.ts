import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { cookies } from 'next/headers';
import { webConfig } from './config.ts';

export const TEACHER_COOKIE = 'cp_teacher';
/** The embedded default has one local teacher; cloud sign-in replaces this later. */
export const LOCAL_TEACHER_ID = 'local';
const SESSION_SECONDS = 12 * 3600;

function teacherSecret(): string {
  const secret = webConfig().teacherSecret;
  if (!secret) throw new Error('TEACHER_SECRET is not configured');
  return secret;
}

/**
 * Cookies are signed with a key derived from the teacher secret, so rotating the secret signs
 * every teacher out.
 */
function cookieKey(): Uint8Array {
  return createHash('sha256').update(`classpulse-teacher-cookie:${teacherSecret()}`).digest();
}

export function secretMatches(candidate: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(teacherSecret()).digest();
  return timingSafeEqual(a, b);
}

export async function issueTeacherCookie(): Promise<{
  name: string;
  value: string;
  maxAge: number;
}> {
  const value = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(LOCAL_TEACHER_ID)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_SECONDS}s`)
    .sign(cookieKey());
  return { name: TEACHER_COOKIE, value, maxAge: SESSION_SECONDS };
}

/** The signed-in teacher's id, or null. */
export async function currentTeacherId(): Promise<string | null> {
  const value = (await cookies()).get(TEACHER_COOKIE)?.value;
  if (!value) return null;
  try {
    const { payload } = await jwtVerify(value, cookieKey(), { algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
