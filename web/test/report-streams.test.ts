/**
 * The pieces the streamed downloads are made of, against what they replace: a pretty JSON written
 * in parts is exactly `JSON.stringify(value, null, 2)`; a CSV streamed a chunk of rows at a time is
 * exactly the one-string CSV (BOM first); NDJSON lines come out whole however the bytes are cut,
 * multi-byte characters included, and a reader that stops early closes the stream.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ndjsonLines } from '../src/server/answers-stream.ts';
import type { CsvCell } from '../src/server/csv.ts';
import { csvDownload, csvDownloadStream, inChunks } from '../src/server/download.ts';
import { joinedParts, prettyJsonParts } from '../src/server/json-stream.ts';

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

async function joined(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}

describe('a pretty JSON written in parts', () => {
  it('is JSON.stringify(value, null, 2) for reports of any shape', async () => {
    const report = {
      ok: true,
      title: 'Line\nbreak "quoted" ☃ \u2028',
      empty: [],
      nothing: null,
      skipped: undefined,
      students: [
        { name: 'Ada', reasons: { 'network dropped': 2 }, transports: ['websocket', 'polling'] },
        { name: 'Bo', reasons: {}, transports: [] },
      ],
      holes: [1, undefined, () => 1, 'x'],
      nested: { deeper: { list: [[1, 2], [], {}] } },
    };
    assert.equal(
      await joined(joinedParts(prettyJsonParts(report))),
      JSON.stringify(report, null, 2),
    );
    assert.equal(await joined(joinedParts(prettyJsonParts({}))), JSON.stringify({}, null, 2));
  });

  it('holds for arbitrary JSON objects, whatever the piece size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.integer({ min: 1, max: 200 }),
        async (value, size) => {
          const text = await joined(joinedParts(prettyJsonParts(value), size));
          assert.equal(text, JSON.stringify(value, null, 2));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a CSV streamed a chunk of rows at a time', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('=1+1', '-5', 'x;=cmd', 'a,b', 'line\r\nbreak', '"q"'),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.constant(null),
  );
  it('has the bytes of the whole CSV, BOM first, for any rows and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (rows: CsvCell[][], size) => {
          const whole = await bytesOf(csvDownload(rows, 'x.csv'));
          const streamed = await bytesOf(
            csvDownloadStream(
              (async function* () {
                yield* inChunks(rows, size);
              })(),
              'x.csv',
            ),
          );
          assert.deepEqual(streamed, whole);
          assert.deepEqual([...streamed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fails the download (not a short file) when its rows fail part-way', async () => {
    const response = csvDownloadStream(
      (async function* () {
        yield [['first']];
        throw Object.assign(new Error('the realtime tier went away'), { name: 'AbortError' });
      })(),
      'x.csv',
    );
    await assert.rejects(response.text(), (error: Error) => {
      // Not an AbortError: Next.js would take that for a browser that left and keep it open.
      assert.notEqual(error.name, 'AbortError');
      assert.match(error.message, /failed part-way/);
      return true;
    });
  });
});

describe('NDJSON lines from a byte stream', () => {
  const streamOf = (chunks: Uint8Array[]) => {
    let destroyed = false;
    return {
      stream: {
        body: (async function* () {
          for (const chunk of chunks) yield chunk;
        })(),
        destroy: () => {
          destroyed = true;
        },
      },
      destroyed: () => destroyed,
    };
  };

  it('come out whole however the bytes are cut, multi-byte characters included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\n')),
          { maxLength: 20 },
        ),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        async (lines, cuts) => {
          const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
          const chunks: Uint8Array[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          const out: string[] = [];
          for await (const line of ndjsonLines(streamOf(chunks).stream, 1_000_000)) out.push(line);
          assert.deepEqual(out, lines);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse a line past the limit and close the stream', async () => {
    const { stream, destroyed } = streamOf([Buffer.from('x'.repeat(100))]);
    await assert.rejects(async () => {
      for await (const line of ndjsonLines(stream, 50)) assert.fail(`no line expected: ${line}`);
    }, /too long/);
    assert.ok(destroyed());
  });

  it('close the stream when the reader stops early', async () => {
    const { stream, destroyed } = streamOf([Buffer.from('a\nb\nc\n')]);
    for await (const line of ndjsonLines(stream, 50)) if (line === 'a') break;
    assert.ok(destroyed());
  });
});
