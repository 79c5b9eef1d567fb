import { createTokenService, type TokenService } from '@classpulse/realtime/tokens';
import { webConfig, type WebConfig } from './config.ts';

/**
 * A teacher token lives a minute: dashboards renew it every TEACHER_TOKEN_RENEW_MS through
 * /api/sessions/[id]/teacher-token, which only an enabled account that still teaches the session
 * gets, and the realtime tier closes a dashboard whose token ran out. So a disabled account, or a
 * co-teacher the owner removed, stops seeing the class within a minute.
 */
export const TEACHER_TOKEN_SECONDS = 60;
export const TEACHER_TOKEN_RENEW_MS = 20_000;

/**
 * The web app's signer of realtime-tier tokens: teachers' and students', and the short-lived
 * connect-and-ping roles (the network check's probe, the dark launch's shadow). Null when this
 * app cannot sign any (no REALTIME_TOKEN_SECRET).
 */
export function realtimeTokens(config: WebConfig = webConfig()): TokenService | null {
  const secret = config.realtimeTokenSecret;
  if (!secret) return null;
  return createTokenService({
    secret,
    teacherTtlSeconds: TEACHER_TOKEN_SECONDS,
    studentTtlSeconds: 24 * 3600,
  });
}

/** realtimeTokens() where signing is required: throws without REALTIME_TOKEN_SECRET. */
export function requiredRealtimeTokens(): TokenService {
  const service = realtimeTokens();
  if (!service) throw new Error('REALTIME_TOKEN_SECRET is not configured');
  return service;
}

/** A token for a student page's dark-launch shadow connection (may only connect and ping). */
export function shadowToken(ttlSeconds: number): Promise<string> {
  return requiredRealtimeTokens().signShadow(ttlSeconds);
}
