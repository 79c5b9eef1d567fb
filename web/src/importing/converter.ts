import type { ConvertedPage, DocumentKind } from './conversion-events.ts';

/**
 * Turns a document into slide images. Two implementations: local (a sandboxed child process on
 * this machine: the embedded default, and web pods without a converter service) and remote (the
 * converter Deployment in Kubernetes, which has LibreOffice in its image and no egress).
 */
export interface Converter {
  /** PowerPoint needs LibreOffice: false (with `pptxHelp`) where there is none. */
  readonly pptx: boolean;
  /** Converts; throws ConversionError. Pages arrive in order. */
  convert(
    document: { bytes: Buffer; kind: DocumentKind },
    events: {
      onPages(total: number): void | Promise<void>;
      onPage(page: ConvertedPage): void | Promise<void>;
    },
  ): Promise<void>;
}

export interface ConversionLimits {
  maxPages: number;
  unpackedMaxBytes: number;
  timeLimitMs: number;
  memoryLimitBytes: number;
  /** A failed conversion's diagnostics (stderr), for the operator's log. */
  onDiagnostics?: (text: string) => void;
}
