/**
 * The route pattern a request path belongs to, for metric labels: a small fixed set, so a
 * hostile client sending a million distinct paths adds no series.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/^\/_next\/static\//, '/_next/static'],
  [/^\/_next\//, '/_next'],
  [/^\/uploads\/[^/]+$/, '/uploads/[name]'],
  [/^\/api\/decks\/[^/]+\/(duplicate|shares)$/, '/api/decks/[id]/$1'],
  [/^\/api\/decks\/[^/]+$/, '/api/decks/[id]'],
  [
    /^\/api\/sessions\/[^/]+\/(teacher-token|student-transport|due-at|co-teachers|report\.csv|health\.csv|health\.json|audit\.csv)$/,
    '/api/sessions/[id]/$1',
  ],
  [/^\/api\/sessions\/[^/]+$/, '/api/sessions/[id]'],
  [/^\/api\/admin\/accounts\/[^/]+\/password-reset$/, '/api/admin/accounts/[id]/password-reset'],
  [/^\/api\/admin\/(accounts|invitations)\/[^/]+$/, '/api/admin/$1/[id]'],
  [/^\/teacher\/decks\/[^/]+$/, '/teacher/decks/[id]'],
  [/^\/teacher\/sessions\/[^/]+\/(projector|report|health)$/, '/teacher/sessions/[id]/$1'],
  [/^\/teacher\/sessions\/[^/]+$/, '/teacher/sessions/[id]'],
  [/^\/join\/[^/]+$/, '/join/[code]'],
];

/** Paths that are routes as they are (no dynamic segment). */
const FIXED = new Set([
  '/',
  '/healthz',
  '/join',
  '/network-check',
  '/setup',
  '/invitation',
  '/reset-password',
  '/teacher',
  '/teacher/login',
  '/teacher/admin',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/logout-everywhere',
  '/api/auth/oidc/start',
  '/api/auth/oidc/callback',
  '/api/decks',
  '/api/sessions',
  '/api/uploads',
  '/api/join',
  '/api/setup',
  '/api/links/inspect',
  '/api/invitations/accept',
  '/api/password-reset',
  '/api/admin/accounts',
  '/api/admin/invitations',
  '/api/dark-launch/token',
  '/api/network-check/ping',
  '/api/network-check/token',
]);

export function routeLabel(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
  if (FIXED.has(path)) return path;
  for (const [pattern, label] of PATTERNS)
    if (pattern.test(path)) return path.replace(pattern, label);
  return 'other';
}
