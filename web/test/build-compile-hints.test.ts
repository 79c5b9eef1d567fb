/**
 * The production build's browser chunks carry V8's compile hint (next.config.ts): each starts with
 * `//# allFunctionsCalledOnLoad`, so a phone compiles it while it streams in instead of on the
 * main thread when the page starts (the student page's Total Blocking Time). Reads the build
 * `npm test` made (`next build --webpack`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CHUNKS = fileURLToPath(new URL('../.next/static/chunks', import.meta.url));
const HINT = '//# allFunctionsCalledOnLoad\n';

it('every browser chunk of the build starts with the compile hint', () => {
  assert.ok(existsSync(CHUNKS), `no build at ${CHUNKS}: run next build --webpack first`);
  const chunks = readdirSync(CHUNKS, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.js'),
  );
  assert.ok(chunks.length > 10, `only ${chunks.length} chunks in ${CHUNKS}`);
  const without = chunks.filter(
    (name) => !readFileSync(join(CHUNKS, name), 'utf8').startsWith(HINT),
  );
  assert.deepEqual(without, []);
});
