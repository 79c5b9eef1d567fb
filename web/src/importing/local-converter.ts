import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversionError, type ConvertedPage, type PageEvent } from './conversion-events.ts';
import type { ConversionLimits, Converter } from './converter.ts';
import { runSandboxed } from './sandboxed-run.ts';

/**
 * The converter on this machine: each document in its own temporary folder, converted by a
 * sandboxed child process; the folder is gone afterwards, whatever happened.
 */
export function createLocalConverter(options: {
  limits: ConversionLimits;
  /** soffice with Impress, or null: PowerPoint files are refused with the install help. */
  libreoffice: string | null;
}): Converter {
  const { limits, libreoffice } = options;
  return {
    pptx: libreoffice !== null,
    async convert(document, events) {
      if (document.kind === 'pptx' && !libreoffice)
        throw new ConversionError('libreoffice_missing');
      const workDir = await mkdtemp(join(tmpdir(), 'classpulse-import-'));
      try {
        const input = join(workDir, `input.${document.kind}`);
        await writeFile(input, document.bytes);
        const job = {
          input,
          kind: document.kind,
          workDir,
          maxPages: limits.maxPages,
          unpackedMaxBytes: limits.unpackedMaxBytes,
          ...(libreoffice ? { libreoffice } : {}),
        };
        for await (const event of runSandboxed(job, limits)) {
          if (event.type === 'error') throw new ConversionError(event.code);
          if (event.type === 'pages') await events.onPages(event.total);
          if (event.type === 'page') await events.onPage(await readPage(workDir, event));
          if (event.type === 'done') return;
        }
        throw new ConversionError('conversion_failed');
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}

/** A page's files, read and removed (a 100-page deck never holds every page on disk twice). */
async function readPage(workDir: string, event: PageEvent): Promise<ConvertedPage> {
  const take = async (name: string) => {
    const bytes = await readFile(join(workDir, name));
    await rm(join(workDir, name), { force: true });
    return bytes;
  };
  const variants = {} as ConvertedPage['variants'];
  for (const width of ['480', '960', '1920'] as const) {
    const name = event.files.variants[width];
    if (!name) throw new ConversionError('conversion_failed');
    variants[width] = await take(name);
  }
  return {
    index: event.index,
    width: event.width,
    height: event.height,
    text: event.text,
    notes: event.notes,
    original: await take(event.files.original),
    variants,
  };
}
