import { NextResponse, type NextRequest } from 'next/server';
import type { FirebaseWebConfig } from '@classpulse/realtime/client/firebase';
import { realtimeUrlFor, webConfig } from './server/config.ts';
import { sameOriginMutation } from './server/request-origin.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must come from our own pages (the Origin check below). Pages get a
 * Content-Security-Policy with a fresh nonce per request: Next's own inline bootstrap scripts
 * carry it, anything injected does not. Browsers may connect only to this origin and the
 * realtime tier (and, in Firebase mode, the database and Firebase Auth, and the metrics beacon
 * host when it is not this origin). Styles allow inline attributes (charts size bars with them); scripts never.
 */
export function proxy(request: NextRequest) {
  // Cross-site request forgery: no state changes from another site's pages, on any route.
  if (!SAFE_METHODS.has(request.method) && !sameOriginMutation(request.headers))
    return Response.json(
      {
        ok: false,
        code: 'cross_origin',
        message: 'This request did not come from a Classpulse page.',
      },
      { status: 403, headers: { 'cache-control': 'no-store' } },
    );
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const realtime = new URL(realtimeUrlFor(webConfig(), request.headers.get('host')));
  const realtimeWs = `${realtime.protocol === 'https:' ? 'wss:' : 'ws:'}//${realtime.host}`;
  const firebase = firebaseConnectSources(webConfig().firebaseWeb);
  const beacon = webConfig().metrics.endpoint.startsWith('/')
    ? ''
    : ` ${new URL(webConfig().metrics.endpoint).origin}`;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self' ${realtime.origin} ${realtimeWs}${firebase}${beacon}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|uploads|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

/**
 * Firebase mode: the database (its WebSocket may be redirected to another host of the same
 * domain) and the Auth endpoints `signInWithCustomToken` calls, or the local emulators.
 */
function firebaseConnectSources(config: FirebaseWebConfig | undefined): string {
  if (!config) return '';
  const sources: string[] = [];
  const database = new URL(config.databaseURL);
  sources.push(database.origin);
  if (/[a-z]/i.test(database.hostname)) {
    const domain = database.hostname.split('.').slice(-2).join('.');
    sources.push(`wss://*.${domain}`, `https://*.${domain}`);
  }
  if (config.databaseEmulatorHost)
    sources.push(`ws://${config.databaseEmulatorHost}`, `http://${config.databaseEmulatorHost}`);
  sources.push(
    config.authEmulatorHost
      ? `http://${config.authEmulatorHost}`
      : 'https://identitytoolkit.googleapis.com https://securetoken.googleapis.com',
  );
  return ` ${sources.join(' ')}`;
}
