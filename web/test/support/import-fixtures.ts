/**
 * Deck-import fixtures, generated in code on every run (no binary files in the repository):
 * ordinary PDFs and PowerPoint files with known pixels, texts and notes, and the hostile files
 * an importer must refuse. Each generator is async and returns a `FixtureFile`
 * (`{ fileName, mimeType, bytes }`) ready to POST as a multipart `file`.
 *
 * Ordinary: `multiPagePdf`, `pdfWithText`, `pptxDeck` (what they draw: `MULTI_PAGE_PDF`,
 * `multiPagePdfText`, `PPTX_DECK`).
 * Hostile: `truncatedPdf`, `encryptedPdf`, `encryptedPptx`, `zipBombPptx`, `lyingZipBombPptx`,
 * `javascriptPdf`, `manyPagesPdf`, `notAPdf`.
 */
export {
  ENCRYPTED_PDF_PASSWORD,
  MULTI_PAGE_PDF,
  PDF_JAVASCRIPT,
  PDF_MIME,
  PDF_PAGE,
  encryptedPdf,
  javascriptPdf,
  manyPagesPdf,
  multiPagePdf,
  multiPagePdfText,
  notAPdf,
  pdfWithText,
  truncatedPdf,
  type FixtureFile,
} from './import-fixtures/pdf.ts';
export {
  PPTX_DECK,
  PPTX_MIME,
  ZIP_BOMB,
  encryptedPptx,
  lyingZipBombPptx,
  pptxDeck,
  zipBombPptx,
} from './import-fixtures/pptx.ts';
export { CFB_MAGIC } from './import-fixtures/cfb.ts';
