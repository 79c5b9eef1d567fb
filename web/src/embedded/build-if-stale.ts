import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { currentEnvironment } from './config.ts';

const SOURCE_EXTENSIONS = /\.(tsx?|css|json)$/;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (SOURCE_EXTENSIONS.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `npm start` builds the web app when there is no build yet or a source file (web's, or a
 * workspace package's that pages import: realtime, metrics-aggregator) changed since the last one.
 */
export function buildIfStale(webDir: string, packageDirs: string[]): void {
  const buildId = join(webDir, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(join(webDir, 'src')),
    ...packageDirs.map((dir) => newestMtime(join(dir, 'src'))),
    statSync(join(webDir, 'next.config.ts')).mtimeMs,
  );
  if (builtAt > sourcesAt) return;
  process.stdout.write('Building the web app (first start or sources changed)…\n');
  const result = spawnSync(
    process.execPath,
    // Webpack, not Turbopack: it tree-shakes zod and the realtime client far better (the student
    // page's first-load JS was ~15 KiB larger with Turbopack). Keep in step with `npm run build`.
    [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build', '--webpack'],
    {
      cwd: webDir,
      stdio: 'inherit',
      env: { ...currentEnvironment(), NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0) throw new Error('next build failed');
}
