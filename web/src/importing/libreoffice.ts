import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { ConversionError } from './conversion-events.ts';

/**
 * PowerPoint files become PDF through LibreOffice Impress, headless. Found on PATH or where
 * Debian and the LibreOffice installers put it; its Impress module must be there too (Debian's
 * libreoffice-calc alone brings soffice without it).
 */

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function onPath(name: string, pathVariable: string | undefined): string[] {
  return (pathVariable ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
}

function hasImpress(soffice: string): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return existsSync(join(dirname(realpathSync(soffice)), 'libsdlo.so'));
  } catch {
    return false;
  }
}

/** The soffice that can convert PowerPoint here, or null (configured path first). */
export function findLibreOffice(
  configured: string | undefined,
  pathVariable: string | undefined,
): string | null {
  const candidates = configured
    ? [configured]
    : [...onPath('soffice', pathVariable), ...CANDIDATES];
  return candidates.find((path) => existsSync(path) && hasImpress(path)) ?? null;
}

/** Converts `input` (.pptx) to PDF in `workDir`; resolves with the PDF's bytes. */
export async function convertToPdf(
  soffice: string,
  input: string,
  workDir: string,
): Promise<Buffer> {
  const profile = join(workDir, 'libreoffice-profile');
  const child = spawn(
    soffice,
    [
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--nofirststartwizard',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf:impress_pdf_Export',
      '--outdir',
      workDir,
      input,
    ],
    // LibreOffice writes its profile and temporary files under HOME and TMPDIR: keep both here.
    {
      cwd: workDir,
      env: {
        NODE_ENV: 'production',
        PATH: '/usr/local/bin:/usr/bin:/bin',
        HOME: workDir,
        TMPDIR: workDir,
      },
      stdio: 'ignore',
    },
  );
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  const output = join(workDir, `${basename(input, extname(input))}.pdf`);
  if (code !== 0 || !existsSync(output)) throw new ConversionError('malformed');
  return readFile(output);
}
