import type { DeckInput } from '@classpulse/realtime/protocol';
import { deflateSync } from 'node:zlib';

/** A real PNG (solid colour), built from bytes so the test needs no binary fixture. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Seven slides, one of every question kind. */
export function everyKindDeck(mapUrl: string): DeckInput {
  return {
    title: 'Fractions check-in',
    slides: [
      {
        id: 'mc',
        title: 'Warm-up',
        question: {
          kind: 'multiple-choice',
          prompt: 'Which fraction is largest?',
          options: [
            { id: 'half', label: 'One half' },
            { id: 'third', label: 'One third' },
            { id: 'quarter', label: 'One quarter' },
          ],
          correctOptionIds: ['half'],
        },
      },
      {
        id: 'text',
        title: 'In your words',
        question: { kind: 'short-text', prompt: 'What is a denominator?', maxLength: 140 },
      },
      {
        id: 'num',
        title: 'Estimate',
        question: { kind: 'number', prompt: 'How many quarters make 3 wholes?', min: 0, max: 100 },
      },
      {
        id: 'cloud',
        title: 'Feelings',
        question: { kind: 'word-cloud', prompt: 'One word for fractions', maxWords: 1 },
      },
      {
        id: 'scale',
        title: 'Confidence',
        question: {
          kind: 'scale',
          prompt: 'How sure do you feel?',
          steps: 5,
          minLabel: 'Lost',
          maxLabel: 'Sure',
        },
      },
      {
        id: 'draw',
        title: 'Sketch',
        question: { kind: 'drawing', prompt: 'Draw one half of a circle' },
      },
      {
        id: 'pin',
        title: 'Map',
        question: {
          kind: 'pin-on-image',
          prompt: 'Where is the centre?',
          imageUrl: mapUrl,
          imageAlt: 'A green square',
        },
      },
    ],
  };
}

/** Two slides: a colour to pick (Red or Green), then why, in words. */
export function colourDeck(title: string): DeckInput {
  return {
    title,
    slides: [
      {
        id: 'q1',
        title: 'Choose',
        question: {
          kind: 'multiple-choice',
          prompt: 'Pick a colour',
          options: [
            { id: 'r', label: 'Red' },
            { id: 'g', label: 'Green' },
          ],
        },
      },
      {
        id: 'q2',
        title: 'Explain',
        question: { kind: 'short-text', prompt: 'Why that colour?' },
      },
    ],
  };
}
