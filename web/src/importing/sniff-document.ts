import type { DocumentKind } from './conversion-events.ts';

/**
 * What an uploaded document really is, from its bytes only (never its name or content type):
 * a PDF, a PowerPoint (.pptx: a zip), or a password-protected Office file / old .ppt (an OLE
 * compound file, which PowerPoint writes for encrypted decks).
 */
export type SniffedDocument =
  { ok: true; kind: DocumentKind } | { ok: false; reason: 'encrypted_office' | 'unsupported' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffDocument(bytes: Uint8Array): SniffedDocument {
  // PDF readers accept the header anywhere in the first kilobyte (some writers prepend junk).
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF.length <= head.length; i++) {
    if (startsWith(head, PDF, i)) return { ok: true, kind: 'pdf' };
  }
  if (startsWith(bytes, ZIP)) return { ok: true, kind: 'pptx' };
  if (startsWith(bytes, OLE)) return { ok: false, reason: 'encrypted_office' };
  return { ok: false, reason: 'unsupported' };
}

/** A complete PDF ends with %%EOF (incremental updates too); a cut-off download does not. */
export function pdfLooksComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}
