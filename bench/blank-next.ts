import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BlankNext {
  url: string;
  stop(): Promise<void>;
}

/**
 * The baseline: a one-page Next.js app with the same Next and React versions, built and served
 * in this run, so the student page is compared with what Next itself costs on this machine.
 */
export async function startBlankNext(): Promise<BlankNext> {
  // Inside the repository (git-ignored) so Next resolves from the same node_modules as the app:
  // Turbopack does not follow a node_modules symlink out of its root.
  mkdirSync(join(ROOT, 'bench', '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'bench', '.tmp', 'blank-next-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'blank', private: true, type: 'module' }),
  );
  writeFileSync(join(dir, 'next.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(dir, 'app', 'layout.jsx'),
    'export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(
    join(dir, 'app', 'page.jsx'),
    'export default function P() { return <main><h1>Blank</h1></main>; }\n',
  );
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // The same bundler as the app (`next build --webpack`), so the baseline differs only in content.
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', '--webpack'], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  if (build.status !== 0) throw new Error('building the blank Next.js page failed');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      env,
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
