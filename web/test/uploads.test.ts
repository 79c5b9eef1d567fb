import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import {
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
  let dir: string;
  const maxBytes = 4096;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classpulse-uploads-'));
    dir = uploadsDir(dataDir);
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a real PNG under its content hash and reads it back', async () => {
    const png = tinyPng();
    const result = await storeUpload(png, { dir, maxBytes });
    assert.equal(result.ok, true);
    assert.ok(result.ok);
    assert.match(result.name, /^[a-f0-9]{64}\.png$/);
    assert.equal(result.url, `/uploads/${result.name}`);
    assert.deepEqual(await readFile(join(dir, result.name)), png);

    const served = await readUpload(result.name, dir);
    assert.ok(served);
    assert.equal(served.contentType, 'image/png');
    assert.deepEqual(served.bytes, png);
  });

  it('gives the same content the same name and stores it once', async () => {
    const first = await storeUpload(tinyPng(1, 2, 3), { dir, maxBytes });
    const second = await storeUpload(tinyPng(1, 2, 3), { dir, maxBytes });
    const other = await storeUpload(tinyPng(4, 5, 6), { dir, maxBytes });
    assert.ok(first.ok && second.ok && other.ok);
    assert.equal(first.name, second.name);
    assert.notEqual(first.name, other.name);
    const files = await readdir(dir);
    assert.equal(files.filter((f) => f === first.name).length, 1);
    assert.ok(
      files.every((f) => !f.endsWith('.tmp')),
      'no temporary files are left behind',
    );
  });

  it('rejects a text file whatever it is called', async () => {
    // The name "notes.png" and a client-claimed type never reach storeUpload: only bytes count.
    const text = Buffer.from('Hello, this is not an image.\n', 'utf8');
    assert.deepEqual(await storeUpload(text, { dir, maxBytes }), {
      ok: false,
      reason: 'unsupported_type',
    });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    assert.deepEqual(await storeUpload(svg, { dir, maxBytes }), {
      ok: false,
      reason: 'unsupported_type',
    });
  });

  it('rejects files over the size limit, even valid images', async () => {
    const png = tinyPng();
    const oversized = Buffer.concat([png, Buffer.alloc(maxBytes)]);
    assert.deepEqual(await storeUpload(oversized, { dir, maxBytes }), {
      ok: false,
      reason: 'too_large',
    });
    assert.deepEqual(await storeUpload(png, { dir, maxBytes: png.length - 1 }), {
      ok: false,
      reason: 'too_large',
    });
    const exact = await storeUpload(png, { dir, maxBytes: png.length });
    assert.equal(exact.ok, true);
  });

  it('rejects an empty file', async () => {
    assert.deepEqual(await storeUpload(new Uint8Array(0), { dir, maxBytes }), {
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
      assert.equal(await readUpload(bad, dir), null, `does not serve ${JSON.stringify(bad)}`);
    }
  });

  it('answers null for a valid name that was never stored', async () => {
    assert.equal(await readUpload(`${'0'.repeat(64)}.gif`, dir), null);
  });
});
