import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Encoder } from 'socket.io-parser';
import { JsonOnlyEncoder } from '../src/server/json-parser.ts';

describe('the JSON-only socket.io encoder', () => {
  it('writes every non-binary packet exactly as socket.io-parser does', () => {
    const stock = new Encoder();
    const ours = new JsonOnlyEncoder();
    const packets = [
      { type: 0, nsp: '/', data: { sid: 'abc' } },
      { type: 1, nsp: '/' },
      {
        type: 2,
        nsp: '/',
        data: ['teacher:delta', { seq: 3, counts: { s1: 2 }, name: 'Zoë "Z"' }],
      },
      { type: 2, nsp: '/', id: 7, data: ['student:submit', { answer: { kind: 'choice' } }] },
      { type: 3, nsp: '/', id: 12, data: [{ ok: true, answerId: 'a-1', nothing: null }] },
      { type: 4, nsp: '/', data: { message: 'unauthorized' } },
      { type: 2, nsp: '/other', id: 0, data: ['x'] },
    ];
    for (const packet of packets) assert.deepEqual(ours.encode(packet), stock.encode(packet));
  });
});
