/**
 * The slide converter service as Kubernetes runs it (src/converter/main.ts in its own process,
 * on free ports): the web tier's remote converter sends it a PDF and gets the pages back, its
 * internal port answers /healthz and /metrics, and SIGTERM stops it cleanly.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { ConvertedPage } from '../src/importing/conversion-events.ts';
import { createRemoteConverter } from '../src/importing/remote-converter.ts';
import { multiPagePdf, multiPagePdfText } from './support/import-fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/converter/main.ts', import.meta.url));
const LIMITS = {
  maxPages: 100,
  unpackedMaxBytes: 512 * 1024 * 1024,
  timeLimitMs: 120_000,
  memoryLimitBytes: 1536 * 1024 * 1024,
};

describe('the slide converter service', () => {
  it('converts what the web tier sends, reports metrics, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        NODE_ENV: 'production',
        CONVERTER_HOST: '127.0.0.1',
        CONVERTER_PORT: '0',
        CONVERTER_INTERNAL_HOST: '127.0.0.1',
        CONVERTER_INTERNAL_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { url, internalUrl } = JSON.parse(line) as { url: string; internalUrl: string };

    const pages: ConvertedPage[] = [];
    await createRemoteConverter({ url, limits: LIMITS }).convert(
      { bytes: Buffer.from((await multiPagePdf(3)).bytes), kind: 'pdf' },
      { onPages: () => undefined, onPage: (page) => void pages.push(page) },
    );
    assert.deepEqual(
      pages.map((p) => p.text),
      [1, 2, 3].map(multiPagePdfText),
    );
    assert.ok(pages.every((p) => p.original.length > 0 && p.variants['480'].length > 0));

    assert.equal((await fetch(`${internalUrl}/healthz`)).status, 200);
    const metrics = await (await fetch(`${internalUrl}/metrics`)).text();
    assert.match(metrics, /slide_conversions_total\{kind="pdf",result="ok"\} 1/);
    assert.match(metrics, /slide_conversion_pages_total 3/);
    const unknown = await fetch(`${url}/v1/convert`, { method: 'POST', body: 'x' });
    assert.equal(unknown.status, 400, 'a body without its kind is refused');

    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  });

  it('a bad setting stops it at once with one line that names it', () => {
    const run = spawnSync(process.execPath, [MAIN], {
      env: { NODE_ENV: 'production', CONVERTER_PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /CONVERTER_PORT/);
  });
});
