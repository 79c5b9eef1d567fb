import { z } from 'zod';

/**
 * What a conversion reports, one JSON object per line: the converter child process to its parent,
 * and the converter service (Kubernetes) to the web tier. Defined once here and parsed with zod at
 * both edges, because the other side is the one place that reads untrusted documents.
 */

export type DocumentKind = 'pdf' | 'pptx';

export const CONVERSION_ERROR_CODES = [
  'malformed',
  'encrypted',
  'too_many_pages',
  'unpacked_too_large',
  'timed_out',
  'out_of_memory',
  'libreoffice_missing',
  'conversion_failed',
] as const;
export type ConversionErrorCode = (typeof CONVERSION_ERROR_CODES)[number];

/** The teacher-readable words for each failure (the import page shows them as they are). */
export function conversionErrorMessage(
  code: ConversionErrorCode,
  detail: { maxPages?: number; kind?: DocumentKind } = {},
): string {
  const file = detail.kind === 'pptx' ? 'PowerPoint file' : 'PDF';
  switch (code) {
    case 'malformed':
      return `This ${file} is damaged or incomplete, so it cannot be opened. Save or export it again and retry.`;
    case 'encrypted':
      return `This ${file} is password-protected. Save a copy without a password (or export it as PDF) and import that.`;
    case 'too_many_pages':
      return `This file has more pages than a deck can hold (at most ${detail.maxPages ?? 100}). Split it, or export only the slides you need.`;
    case 'unpacked_too_large':
      return 'This file unpacks to far more data than a slide deck holds, so it was refused. Export the slides again and retry.';
    case 'timed_out':
      return 'Converting this file took too long and was stopped. Try a smaller file, or export it as PDF first.';
    case 'out_of_memory':
      return 'This file needs more memory to convert than is allowed. Try a smaller file, or export it as PDF first.';
    case 'libreoffice_missing':
      return LIBREOFFICE_HELP;
    case 'conversion_failed':
      return `This ${file} could not be converted. Export it as PDF and import that, or try again.`;
  }
}

export const LIBREOFFICE_HELP =
  'PowerPoint import needs LibreOffice Impress on the computer that runs Classpulse. On Debian or ' +
  'Ubuntu run: sudo apt-get install libreoffice-impress-nogui (or libreoffice-impress), then ' +
  'restart Classpulse. Until then, save the deck as PDF (PowerPoint: File › Save As › PDF; ' +
  'Google Slides: File › Download › PDF; Keynote: File › Export To › PDF) and import the PDF.';

const text = z.string().max(20_000);
const fileName = z.string().regex(/^[a-z0-9-]{1,40}\.(jpg|webp)$/);

export const conversionEventSchema = z.discriminatedUnion('type', [
  /** The document opened: this many pages will follow. */
  z.object({ type: z.literal('pages'), total: z.number().int().min(1).max(10_000) }),
  /**
   * One page, rendered: its files (in the child's work folder, or inline as base64 from the
   * converter service), its text layer and its speaker notes.
   */
  z.object({
    type: z.literal('page'),
    index: z.number().int().min(0).max(10_000),
    width: z.number().int().min(1).max(20_000),
    height: z.number().int().min(1).max(20_000),
    text,
    notes: text,
    /** The fallback JPEG and the WebP copies by width. */
    files: z.object({
      original: fileName,
      variants: z.record(z.enum(['480', '960', '1920']), fileName),
    }),
    /** Only from the converter service: the files' bytes, base64, by file name. */
    inline: z.record(fileName, z.string().max(40_000_000)).optional(),
  }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('error'), code: z.enum(CONVERSION_ERROR_CODES) }),
]);
export type ConversionEvent = z.infer<typeof conversionEventSchema>;
export type PageEvent = Extract<ConversionEvent, { type: 'page' }>;

/** The names of one page's files, in the child's work folder and inline from the service. */
export function pageFiles(index: number): PageEvent['files'] {
  return {
    original: `page-${index}.jpg`,
    variants: {
      480: `page-${index}-w480.webp`,
      960: `page-${index}-w960.webp`,
      1920: `page-${index}-w1920.webp`,
    },
  };
}

/** One page as the importer stores it: bytes in hand. */
export interface ConvertedPage {
  index: number;
  width: number;
  height: number;
  text: string;
  notes: string;
  original: Buffer;
  variants: Record<'480' | '960' | '1920', Buffer>;
}

export class ConversionError extends Error {
  readonly code: ConversionErrorCode;
  constructor(code: ConversionErrorCode) {
    super(code);
    this.name = 'ConversionError';
    this.code = code;
  }
}

/**
 * Whether `error` is a ConversionError, by shape: the launcher's converter and Next's bundled
 * route handlers each load their own copy of this module, so `instanceof` cannot tell.
 */
export function isConversionError(error: unknown): error is ConversionError {
  return (
    error instanceof Error &&
    error.name === 'ConversionError' &&
    (CONVERSION_ERROR_CODES as readonly unknown[]).includes((error as { code?: unknown }).code)
  );
}

/** What the conversion child is told (argv[2], JSON). */
export interface ConversionJob {
  input: string;
  kind: DocumentKind;
  workDir: string;
  maxPages: number;
  unpackedMaxBytes: number;
  /** soffice, for PowerPoint; absent: PowerPoint files fail with libreoffice_missing. */
  libreoffice?: string;
}
