import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

const ISSUER = 'classpulse';
const AUDIENCE = 'classpulse-realtime';
const SHADOW_SUBJECT = 'dark-launch';
const SERVICE_SUBJECT = 'web';

/**
 * - teacher-account: a signed-in teacher (minted by the web app); may create sessions.
 * - teacher: controls exactly one session.
 * - student: one student of one session; minted at join, reused to resume.
 * - probe: a synthetic probe (probes/) at a location; may only ping, never join a session.
 * - service: the web app itself (subject `web`); may add a student whose school sign-in it
 *   verified to a session that asks students to sign in. Never a socket.
 * - shadow: a student page's dark-launch connection (Firebase mode): like a probe, it may only
 *   connect and ping. It names nobody (the subject is always `dark-launch`) and belongs to no
 *   session, so it can never act as a student or teacher nor show in a roster.
 */
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('teacher-account'), sub: z.string().min(1) }),
  z.object({ role: z.literal('teacher'), sub: z.string().min(1), sid: z.string().min(1) }),
  z.object({ role: z.literal('student'), sub: z.string().min(1), sid: z.string().min(1) }),
  z.object({ role: z.literal('probe'), sub: z.string().min(1).max(40) }),
  z.object({ role: z.literal('shadow'), sub: z.literal(SHADOW_SUBJECT) }),
  z.object({ role: z.literal('service'), sub: z.literal(SERVICE_SUBJECT) }),
]);

export type TokenClaims = z.output<typeof claimsSchema>;
export type VerifyResult =
  /** `expiresAt`: when the token stops working (ms since the epoch). */
  | { ok: true; claims: TokenClaims; expiresAt: number }
  | { ok: false; reason: 'expired' | 'invalid' };

export interface TokenServiceOptions {
  secret: string;
  teacherTtlSeconds: number;
  studentTtlSeconds: number;
}

export interface TokenService {
  signTeacherAccount(teacherId: string, ttlSeconds?: number): Promise<string>;
  signTeacher(sessionId: string, teacherId: string): Promise<string>;
  signStudent(sessionId: string, studentId: string): Promise<string>;
  /** A probe at `location`: it may connect and ping, nothing else. */
  signProbe(location: string, ttlSeconds?: number): Promise<string>;
  /** A dark-launch shadow connection: it may connect and ping, nothing else (15 min default). */
  signShadow(ttlSeconds?: number): Promise<string>;
  /** The web app's own short-lived identity (adding signed-in students); one minute default. */
  signService(ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<VerifyResult>;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const sign = (claims: Record<string, string>, subject: string, ttlSeconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);

  return {
    signTeacherAccount: (teacherId, ttl = options.teacherTtlSeconds) =>
      sign({ role: 'teacher-account' }, teacherId, ttl),
    signTeacher: (sessionId, teacherId) =>
      sign({ role: 'teacher', sid: sessionId }, teacherId, options.teacherTtlSeconds),
    signStudent: (sessionId, studentId) =>
      sign({ role: 'student', sid: sessionId }, studentId, options.studentTtlSeconds),
    signProbe: (location, ttl = 3600) => sign({ role: 'probe' }, location, ttl),
    signShadow: (ttl = 900) => sign({ role: 'shadow' }, SHADOW_SUBJECT, ttl),
    signService: (ttl = 60) => sign({ role: 'service' }, SERVICE_SUBJECT, ttl),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success || typeof payload.exp !== 'number')
          return { ok: false, reason: 'invalid' };
        return { ok: true, claims: claims.data, expiresAt: payload.exp * 1000 };
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
