import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/server/data/connect.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import type { WebTables } from '../src/server/data/tables.ts';
import sharp from 'sharp';
import { imageSources } from '../src/lib/image-sources.ts';
import { solidPng } from './support/fixtures.ts';
import {
  importUploadFolder,
  isValidUploadName,
  readUpload,
  sniffImageType,
  storeUpload,
  uploadsDir,
} from '../src/server/uploads.ts';

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real, decodable 1×1 PNG: one opaque pixel of the given colour. */
function tinyPng(red = 0x43, green = 0x38, blue = 0xca): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const scanline = Buffer.from([0, red, green, blue]); // filter byte + RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

describe('uploads', () => {
  let dataDir: string;
  let db: Kysely<WebTables>;
  const maxBytes = 4096;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classpulse-uploads-'));
    db = openDatabase({ dialect: 'sqlite', path: join(dataDir, 'web.sqlite') });
    await migrateToLatest(db);
  });
  after(async () => {
    await db.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a real PNG under its content hash and reads it back', async () => {
    const png = tinyPng();
    const result = await storeUpload(db, png, { maxBytes });
    assert.equal(result.ok, true);
    assert.ok(result.ok);
    assert.match(result.name, /^[a-f0-9]{64}\.png$/);
    assert.equal(result.url, `/uploads/${result.name}`);

    const served = await readUpload(db, result.name);
    assert.ok(served);
    assert.equal(served.contentType, 'image/png');
    assert.deepEqual(served.bytes, png);
  });

  it('gives the same content the same name and stores it once', async () => {
    const first = await storeUpload(db, tinyPng(1, 2, 3), { maxBytes });
    const second = await storeUpload(db, tinyPng(1, 2, 3), { maxBytes });
    const other = await storeUpload(db, tinyPng(4, 5, 6), { maxBytes });
    assert.ok(first.ok && second.ok && other.ok);
    assert.equal(first.name, second.name);
    assert.notEqual(first.name, other.name);
    const rows = await db
      .selectFrom('uploads')
      .select('name')
      .where('name', '=', first.name)
      .execute();
    assert.equal(rows.length, 1);
  });

  it('rejects a text file whatever it is called', async () => {
    // The name "notes.png" and a client-claimed type never reach storeUpload: only bytes count.
    const text = Buffer.from('Hello, this is not an image.\n', 'utf8');
    assert.deepEqual(await storeUpload(db, text, { maxBytes }), {
      ok: false,
      reason: 'unsupported_type',
    });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    assert.deepEqual(await storeUpload(db, svg, { maxBytes }), {
      ok: false,
      reason: 'unsupported_type',
    });
  });

  it('rejects files over the size limit, even valid images', async () => {
    const png = tinyPng();
    const oversized = Buffer.concat([png, Buffer.alloc(maxBytes)]);
    assert.deepEqual(await storeUpload(db, oversized, { maxBytes }), {
      ok: false,
      reason: 'too_large',
    });
    assert.deepEqual(await storeUpload(db, png, { maxBytes: png.length - 1 }), {
      ok: false,
      reason: 'too_large',
    });
    const exact = await storeUpload(db, png, { maxBytes: png.length });
    assert.equal(exact.ok, true);
  });

  it('rejects an empty file', async () => {
    assert.deepEqual(await storeUpload(db, new Uint8Array(0), { maxBytes }), {
      ok: false,
      reason: 'empty',
    });
  });

  it('recognises each accepted type by its magic bytes', () => {
    const pad = (bytes: number[]) => Uint8Array.from([...bytes, ...new Array<number>(16).fill(0)]);
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    assert.equal(sniffImageType(tinyPng()), 'png');
    assert.equal(sniffImageType(pad([0xff, 0xd8, 0xff, 0xe0])), 'jpg');
    assert.equal(sniffImageType(pad(ascii('GIF89a'))), 'gif');
    assert.equal(sniffImageType(pad(ascii('GIF87a'))), 'gif');
    assert.equal(sniffImageType(pad([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBPVP8 ')])), 'webp');
    // A RIFF container that is not WebP (a WAV file) is refused.
    assert.equal(sniffImageType(pad([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVEfmt ')])), null);
    assert.equal(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e])), null);
    assert.equal(sniffImageType(new Uint8Array(0)), null);
  });

  it('accepts only hash names and refuses traversal names', async () => {
    const good = `${'a'.repeat(64)}.png`;
    assert.equal(isValidUploadName(good), true);
    for (const bad of [
      '../web.sqlite',
      '..%2Fweb.sqlite',
      `../${good}`,
      `${'a'.repeat(64)}.png/../../secrets`,
      `${'a'.repeat(64)}.svg`,
      `${'a'.repeat(63)}.png`,
      `${'A'.repeat(64)}.png`,
      `${'a'.repeat(64)}.png\n`,
      `${'a'.repeat(64)}.PNG`,
      '/etc/passwd',
      '.',
      '',
    ]) {
      assert.equal(isValidUploadName(bad), false, `rejects ${JSON.stringify(bad)}`);
      assert.equal(await readUpload(db, bad), null, `does not serve ${JSON.stringify(bad)}`);
    }
  });

  it('answers null for a valid name that was never stored', async () => {
    assert.equal(await readUpload(db, `${'0'.repeat(64)}.gif`), null);
  });

  it('imports the images an older data folder kept as files, once, and nothing else', async () => {
    const folder = uploadsDir(dataDir);
    await mkdir(folder, { recursive: true });
    const png = tinyPng(7, 8, 9);
    const name = `${createHash('sha256').update(png).digest('hex')}.png`;
    await writeFile(join(folder, name), png);
    // A file whose name lies about its bytes, and one that is no upload at all, stay out.
    await writeFile(join(folder, `${'b'.repeat(64)}.png`), png);
    await writeFile(join(folder, 'notes.txt'), 'not an image');
    assert.equal(await importUploadFolder(db, folder), 1);
    assert.deepEqual((await readUpload(db, name))?.bytes, png);
    assert.equal(await readUpload(db, `${'b'.repeat(64)}.png`), null);
    assert.equal(await importUploadFolder(db, folder), 0, 'a second start imports nothing');
    assert.equal(await importUploadFolder(db, join(dataDir, 'missing')), 0);
  });
  it('keeps WebP copies for srcset, never wider than the original, and reports the size', async () => {
    const png = solidPng(1200, 675, [10, 120, 200]);
    const stored = await storeUpload(db, png, { maxBytes: 10 * 1024 * 1024 });
    assert.ok(stored.ok);
    assert.equal(stored.width, 1200);
    assert.equal(stored.height, 675);
    const { srcSet } = imageSources(stored.url, stored.width);
    assert.equal(
      srcSet,
      [480, 960, 1920]
        .map((w) => `/uploads/${stored.name.replace('.png', `-w${w}.webp`)} ${Math.min(w, 1200)}w`)
        .join(', '),
    );
    for (const [width, expected] of [
      [480, 480],
      [960, 960],
      [1920, 1200],
    ] as const) {
      const copy = await readUpload(db, stored.name.replace('.png', `-w${width}.webp`));
      assert.ok(copy);
      assert.equal(copy.contentType, 'image/webp');
      assert.equal((await sharp(copy.bytes).metadata()).width, expected);
    }
  });

  it('makes a missing copy of an older upload on first request, and keeps it', async () => {
    const stored = await storeUpload(db, solidPng(800, 600, [200, 10, 10]), {
      maxBytes: 10 * 1024 * 1024,
    });
    assert.ok(stored.ok);
    const copyName = stored.name.replace('.png', '-w480.webp');
    await db.deleteFrom('uploads').where('name', '=', copyName).execute();
    const copy = await readUpload(db, copyName);
    assert.ok(copy);
    assert.equal((await sharp(copy.bytes).metadata()).width, 480);
    const kept = await db
      .selectFrom('uploads')
      .select('name')
      .where('name', '=', copyName)
      .execute();
    assert.equal(kept.length, 1);
    assert.equal(await readUpload(db, `${'c'.repeat(64)}-w480.webp`), null, 'no original: none');
    assert.equal(
      await readUpload(db, stored.name.replace('.png', '-w500.webp')),
      null,
      'only srcset widths',
    );
  });

  it('refuses an image it cannot decode, whatever its magic bytes say', async () => {
    const broken = Buffer.concat([tinyPng().subarray(0, 16), Buffer.alloc(64)]);
    assert.deepEqual(await storeUpload(db, broken, { maxBytes }), {
      ok: false,
      reason: 'unreadable',
    });
  });
});
