import type { IncomingMessage, ServerResponse } from 'node:http';
import type FirebaseServer from 'firebase-server';
import { createRequire } from 'node:module';

/** The part of targaryen (it ships no types) the REST stand-in uses. */
interface RulesDatabase {
  rules: object;
  root: unknown;
  as(auth: object): RulesDatabase;
  read(path: string): { allowed: boolean };
  write(
    path: string,
    value: unknown,
    options: { now: number },
  ): { allowed: boolean; newDatabase?: { root: unknown } };
  snapshot(path: string): { val(): unknown };
}
const targaryen = createRequire(import.meta.url)('targaryen') as {
  database(rules: object, root: unknown): RulesDatabase;
};

/** What firebase-server keeps that the REST API needs (its rules database and its tree). */
interface ServerInternals {
  targaryen: RulesDatabase;
  baseRef: { child(path: string): { set(value: unknown): Promise<void> } };
  tokenValidator: { decode(token: string): Record<string, unknown> };
  clock: number | null;
}

function authOf(server: ServerInternals, token: string | null): object | null | 'invalid' {
  if (!token) return null;
  try {
    const decoded = server.tokenValidator.decode(token);
    if ('d' in decoded) return decoded.d as object;
    return { provider: decoded.provider_id, token: decoded, uid: decoded.user_id ?? decoded.sub };
  } catch {
    return 'invalid';
  }
}

function resolveTimestamps(value: unknown, now: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if ('.sv' in value) return value['.sv'] === 'timestamp' ? now : value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, resolveTimestamps(child, now)]),
  );
}

function shallow(value: unknown): unknown {
  return typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.keys(value).map((key) => [key, true]))
    : value;
}

/**
 * The Realtime Database REST API over firebase-server's data, for what probes and tests use:
 * `GET path.json` (with `shallow=true`), `PUT` and `DELETE`, `auth=<ID token>`, `print=silent`,
 * readable from any origin.
 * The same rules as the WebSocket protocol decide; writes reach WebSocket listeners too.
 */
export function rtdbRestHandler(firebaseServer: FirebaseServer) {
  const server = firebaseServer as unknown as ServerInternals;
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Like the real REST API, browsers may read its answers from any origin (the web app's
    // network check reads one with fetch); access is decided by the rules and `auth`, not CORS.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = new URL(req.url ?? '/', 'http://rtdb');
    const answer = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (!url.pathname.endsWith('.json')) return answer(404, { error: 'Not a REST path.' });
    const path = decodeURIComponent(url.pathname.slice(1, -'.json'.length)).replace(/\/$/, '');
    const auth = authOf(server, url.searchParams.get('auth'));
    if (auth === 'invalid') return answer(401, { error: 'Could not parse auth token.' });
    const rules = auth
      ? targaryen.database(server.targaryen.rules, server.targaryen.root).as(auth)
      : targaryen.database(server.targaryen.rules, server.targaryen.root);
    const silent = url.searchParams.get('print') === 'silent';

    if (req.method === 'GET') {
      if (!rules.read(path).allowed) return answer(401, { error: 'Permission denied' });
      const value = server.targaryen.snapshot(path).val();
      return answer(200, url.searchParams.get('shallow') === 'true' ? shallow(value) : value);
    }
    if (req.method !== 'PUT' && req.method !== 'DELETE')
      return answer(405, { error: 'GET, PUT, DELETE' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      let value: unknown = null;
      if (req.method === 'PUT') {
        try {
          value = JSON.parse(body) as unknown;
        } catch {
          return answer(400, { error: 'Invalid data; could not parse JSON.' });
        }
      }
      const now = server.clock ?? Date.now();
      value = resolveTimestamps(value, now);
      const result = rules.write(path, value, { now });
      if (!result.allowed) return answer(401, { error: 'Permission denied' });
      server.targaryen = targaryen.database(server.targaryen.rules, result.newDatabase?.root);
      void server.baseRef.child(path).set(value);
      if (silent) {
        res.writeHead(204);
        return void res.end();
      }
      answer(200, value);
    });
  };
}
