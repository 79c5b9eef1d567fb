import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseAnswer,
  parseSubmitAnswerMessage,
  submitAnswerMessageSchema,
} from '../src/protocol/index.ts';

const usual = {
  sessionId: 'session_1',
  slideId: 'q1',
  answerId: 'answer-0001',
  answer: { kind: 'multiple-choice', optionIds: ['a'] },
};

describe('parseSubmitAnswerMessage', () => {
  it('gives exactly what the schema gives, for usual messages and odd ones', () => {
    const messages: unknown[] = [
      usual,
      { ...usual, clientCreatedAt: 1_733_000_000_000 },
      { ...usual, clientCreatedAt: 0 },
      { ...usual, clientCreatedAt: -1 },
      { ...usual, clientCreatedAt: 1.5 },
      { ...usual, clientCreatedAt: '5' },
      { ...usual, delivery: { queuedMs: 10, offline: false, attempt: 1 } },
      { ...usual, extra: 'dropped by the schema' },
      { ...usual, answer: { kind: 'short-text', text: '  padded  ' } },
      { ...usual, answer: { kind: 'multiple-choice', optionIds: ['a'], extra: 1 } },
      { ...usual, answer: { kind: 'nope' } },
      { ...usual, answerId: 'short' },
      { ...usual, answerId: 'x'.repeat(65) },
      { ...usual, sessionId: 'has space' },
      { ...usual, sessionId: '' },
      { ...usual, slideId: 7 },
      { sessionId: 'session_1' },
      [],
      null,
      'text',
    ];
    for (const message of messages) {
      const ours = parseSubmitAnswerMessage(message);
      const schema = submitAnswerMessageSchema.safeParse(message);
      assert.equal(ours.success, schema.success, JSON.stringify(message));
      if (ours.success && schema.success) assert.deepEqual(ours.data, schema.data);
      if (!ours.success && !schema.success)
        assert.deepEqual(ours.error.issues, schema.error.issues);
    }
  });

  it('lets the engine take the answer it produced without parsing it again', () => {
    const parsed = parseSubmitAnswerMessage(usual);
    assert.ok(parsed.success);
    const again = parseAnswer(parsed.data.answer);
    assert.ok(again.success);
    assert.equal(again.data, parsed.data.answer);
    // Any other object is parsed (and refused when wrong).
    assert.equal(parseAnswer({ kind: 'nope' }).success, false);
  });
});
