import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { pageTokenKey, signPageToken, verifyPageToken } from '../../src/page-token/index.ts';
import { TEST_PAGE_TOKEN_SECRET } from '../../src/testing/index.ts';

/** Debian's Chromium with the flags this machine needs (headless as root, loopback only). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ReporterSite {
  url: string;
  /** Page ids of the tokens the site signed, in order: a renewal keeps its page's id. */
  signed: Array<{ pageId: string; renewal: boolean; token: string }>;
  close(): Promise<void>;
}

/**
 * Serves the reporter bundled as a page gets it (esbuild, web-vitals split off) at /reporter.js,
 * and at /page.html?script=… a page whose module script is the given test code, preceded by
 * `const grant = {…}`: a page token signed as the web app signs it (lifetime `ttl` seconds, from
 * the query, an hour by default; its first `failRenewals` renewals answer 503). POST /metrics-token renews a token as the web app's route does
 * (a genuine one keeps its page id). /missing.js answers 404. Another origin than the aggregator,
 * so beacons are cross-origin as in production setups with a separate ingest host.
 */
export async function startReporterSite(): Promise<ReporterSite> {
  const key = pageTokenKey(TEST_PAGE_TOKEN_SECRET);
  const signed: ReporterSite['signed'] = [];
  const grant = (ttlSeconds: number, pageId?: string) => {
    const issued = signPageToken(key, {
      nowMs: Date.now(),
      ttlSeconds,
      ...(pageId ? { pageId } : {}),
    });
    signed.push({ pageId: issued.pageId, renewal: pageId !== undefined, token: issued.token });
    return { token: issued.token, expiresInSeconds: ttlSeconds };
  };
  const ttlOfPage = new Map<string, number>();
  /** Renewals still to refuse (503) per page id: `failRenewals` in the page's query. */
  const failing = new Map<string, number>();
  const result = await build({
    absWorkingDir: fileURLToPath(new URL('../..', import.meta.url)),
    entryPoints: { reporter: 'src/reporter/index.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: '/virtual',
    write: false,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.replace('/virtual', ''), f.text]));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const js = files.get(url.pathname);
    if (js !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(js);
    }
    if (url.pathname === '/page.html') {
      const ttl = Number(url.searchParams.get('ttl') ?? 3600);
      const served = grant(ttl);
      ttlOfPage.set(signed.at(-1)!.pageId, ttl);
      failing.set(signed.at(-1)!.pageId, Number(url.searchParams.get('failRenewals') ?? 0));
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void res.end(
        `<!doctype html><html lang="en"><title>reporter test</title><h1>A question for the class</h1>` +
          `<p>Enough text to paint a largest contentful element on this page.</p>` +
          `<script type="module">const grant = ${JSON.stringify(served)};\n${url.searchParams.get('script') ?? ''}</script>`,
      );
    }
    if (url.pathname === '/metrics-token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const old = (JSON.parse(body || '{}') as { token?: string }).token;
        const verdict = verifyPageToken(key, old, Date.now());
        const pageId =
          verdict.ok || verdict.reason === 'token_expired' ? verdict.pageId : undefined;
        const refuse = pageId === undefined ? 0 : (failing.get(pageId) ?? 0);
        if (refuse > 0) {
          failing.set(pageId!, refuse - 1);
          res.writeHead(503, { 'cache-control': 'no-store' });
          return void res.end();
        }
        const renewed = grant(pageId ? (ttlOfPage.get(pageId) ?? 3600) : 3600, pageId);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(renewed));
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    signed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
