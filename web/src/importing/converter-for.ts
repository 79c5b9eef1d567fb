import type { ImportConfig } from '../server/config.ts';
import type { Converter } from './converter.ts';
import { findLibreOffice } from './libreoffice.ts';
import { createLocalConverter } from './local-converter.ts';
import { createRemoteConverter } from './remote-converter.ts';

/** The converter a launcher registers: the converter service when configured, else local. */
export function converterFor(config: ImportConfig, pages: { maxPages: number }): Converter {
  const limits = {
    maxPages: pages.maxPages,
    unpackedMaxBytes: config.unpackedMaxBytes,
    timeLimitMs: config.timeLimitMs,
    memoryLimitBytes: config.memoryLimitBytes,
    onDiagnostics: (text: string) =>
      process.stderr.write(`slide import: the converter reported:\n${text.trim()}\n`),
  };
  if (config.converterUrl) return createRemoteConverter({ url: config.converterUrl, limits });
  return createLocalConverter({
    limits,
    libreoffice: findLibreOffice(config.libreofficePath, config.searchPath),
  });
}
