import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface ReporterSize {
  /** What a page loads with the reporter (minified, gzip bytes). */
  reporterGzip: number;
  /** web-vitals, a separate chunk loaded after the page (gzip bytes). */
  lazyGzip: number;
}

/**
 * Bundles the reporter the way a page gets it (minified ESM, web-vitals split off behind its
 * dynamic import) and measures each piece gzip-compressed.
 */
export async function measureReporterSize(): Promise<ReporterSize> {
  const outdir = mkdtempSync(join(tmpdir(), 'reporter-size-'));
  try {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const result = await build({
      absWorkingDir: packageDir,
      entryPoints: ['src/reporter/index.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      metafile: true,
      logLevel: 'silent',
    });
    let reporterGzip = 0;
    let lazyGzip = 0;
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.js')) continue;
      const size = gzipSync(readFileSync(join(packageDir, file))).length;
      // Dynamically imported modules are entry points too; only ours is what the page loads.
      if (output.entryPoint === 'src/reporter/index.ts') reporterGzip += size;
      else lazyGzip += size;
    }
    return { reporterGzip, lazyGzip };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureReporterSize();
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
  process.stdout.write(
    `reporter: ${kib(size.reporterGzip)} gzip in the page; web-vitals: ${kib(size.lazyGzip)} gzip, loaded after it\n` +
      '(npm run size -w @classpulse/metrics-aggregator)\n',
  );
}
