import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthEmulator {
  /** host:port, as FIREBASE_AUTH_EMULATOR_HOST and connectAuthEmulator take it. */
  host: string;
  /** Custom tokens exchanged so far (uids), for assertions. */
  signIns: string[];
  stop(): Promise<void>;
}

/**
 * A stand-in for the Firebase Auth emulator's custom-token sign-in, which cannot run here (the
 * official emulator suite needs Java 21 and a download). It does what the emulator does for the
 * three calls `signInWithCustomToken` makes: takes the unsigned custom token firebase-admin mints
 * when FIREBASE_AUTH_EMULATOR_HOST is set, and answers with an unsigned ID token carrying the
 * uid and the developer claims, which the local database server accepts like the emulator does.
 */
export async function startAuthEmulator(options: { projectId: string }): Promise<AuthEmulator> {
  const signIns: string[] = [];
  const server = createServer((req, res) => {
    handle(req, res, options.projectId, signIns).catch(() => reply(res, 500, error('INTERNAL')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    signIns,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(jwt: string): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
  } catch {
    return null;
  }
}

function idToken(projectId: string, uid: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
    ...claims,
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + 3600,
    firebase: { identities: {}, sign_in_provider: 'custom' },
  })}.`;
}

/** Refresh tokens carry what a new ID token needs (this is a test stand-in, not a vault). */
const refreshToken = (uid: string, claims: Record<string, unknown>) => base64url({ uid, claims });

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  projectId: string,
  signIns: string[],
): Promise<void> {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', '*');
  res.setHeader('access-control-allow-methods', 'POST, OPTIONS');
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://localhost');

  if (url.pathname.endsWith('/accounts:signInWithCustomToken')) {
    const token = (JSON.parse(body) as { token?: string }).token ?? '';
    const payload = decode(token);
    const uid = typeof payload?.uid === 'string' ? payload.uid : null;
    if (!uid) return reply(res, 400, error('INVALID_CUSTOM_TOKEN'));
    const claims = (payload?.claims ?? {}) as Record<string, unknown>;
    signIns.push(uid);
    return reply(res, 200, {
      kind: 'identitytoolkit#VerifyCustomTokenResponse',
      idToken: idToken(projectId, uid, claims),
      refreshToken: refreshToken(uid, claims),
      expiresIn: '3600',
      isNewUser: false,
    });
  }
  if (url.pathname.endsWith('/accounts:lookup')) {
    const payload = decode((JSON.parse(body) as { idToken?: string }).idToken ?? '');
    const uid = typeof payload?.user_id === 'string' ? payload.user_id : null;
    if (!uid) return reply(res, 400, error('INVALID_ID_TOKEN'));
    return reply(res, 200, {
      kind: 'identitytoolkit#GetAccountInfoResponse',
      users: [{ localId: uid, providerUserInfo: [], lastLoginAt: String(Date.now()) }],
    });
  }
  if (url.pathname.endsWith('/token')) {
    const form = new URLSearchParams(body);
    const stored = decode(`x.${form.get('refresh_token') ?? ''}.`) as {
      uid?: string;
      claims?: Record<string, unknown>;
    } | null;
    if (!stored?.uid) return reply(res, 400, error('INVALID_REFRESH_TOKEN'));
    const claims = stored.claims ?? {};
    return reply(res, 200, {
      access_token: idToken(projectId, stored.uid, claims),
      expires_in: '3600',
      token_type: 'Bearer',
      refresh_token: refreshToken(stored.uid, claims),
      id_token: idToken(projectId, stored.uid, claims),
      user_id: stored.uid,
      project_id: projectId,
    });
  }
  reply(res, 404, error('NOT_FOUND'));
}

function error(message: string) {
  return { error: { code: 400, message, errors: [{ message, reason: 'invalid' }] } };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 64 * 1024) req.destroy();
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
