import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { createLocalConverter } from './src/importing/local-converter.ts';
import { findLibreOffice } from './src/importing/libreoffice.ts';
const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
for (let i = 0; i < Number(process.argv[2] ?? 5); i++) {
  const p = doc.addPage([960, 540]);
  p.drawRectangle({ x: 100, y: 100, width: 200, height: 200, color: rgb(0, 0, 0) });
  p.drawText(`Page ${i + 1} hello world`, { x: 400, y: 300, size: 40, font });
}
const bytes = Buffer.from(await doc.save());
const lo = findLibreOffice(undefined, process.env.PATH);
console.log('lo', lo);
const c = createLocalConverter({ limits: { maxPages: 100, unpackedMaxBytes: 300e6, timeLimitMs: 60000, memoryLimitBytes: 1024 ** 3 }, libreoffice: lo });
const t0 = performance.now();
await c.convert({ bytes, kind: 'pdf' }, {
  onPages: (n) => console.log('pages', n),
  onPage: (p) => { if (p.index < 2) console.log(p.index, p.width, p.height, JSON.stringify(p.text), p.original.length, Object.values(p.variants).map((v) => v.length)); },
});
console.log('ms', performance.now() - t0);
try { await c.convert({ bytes: bytes.subarray(0, 3000), kind: 'pdf' }, { onPages() {}, onPage() {} }); } catch (e) { console.log('trunc', (e as Error).message); }
