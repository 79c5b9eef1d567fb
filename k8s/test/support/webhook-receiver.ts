import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  at: number;
}

/**
 * A local HTTP endpoint standing in for Slack's incoming webhook (and the dead man's switch):
 * it records every JSON POST and answers `ok` like Slack does.
 */
export async function startWebhookReceiver() {
  const posts: ReceivedPost[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      posts.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
      for (const wake of waiters) wake();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    posts,
    /** Resolves with the first post (already received or coming) that `match` accepts. */
    waitFor(match: (post: ReceivedPost) => boolean, timeoutMs = 60_000): Promise<ReceivedPost> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = posts.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching post in ${timeoutMs} ms; received:\n${JSON.stringify(posts, null, 1)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
