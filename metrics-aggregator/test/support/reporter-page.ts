import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

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
  close(): Promise<void>;
}

/**
 * Serves the reporter bundled as a page gets it (esbuild, web-vitals split off) at /reporter.js,
 * and at /page.html?script=… a page whose module script is the given test code; /missing.js
 * answers 404. Another origin than the aggregator, so beacons are cross-origin as in production
 * setups with a separate ingest host.
 */
export async function startReporterSite(): Promise<ReporterSite> {
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
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(
        `<!doctype html><html lang="en"><title>reporter test</title><h1>A question for the class</h1>` +
          `<p>Enough text to paint a largest contentful element on this page.</p>` +
          `<script type="module">${url.searchParams.get('script') ?? ''}</script>`,
      );
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
