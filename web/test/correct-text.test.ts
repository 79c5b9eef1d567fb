/**
 * The correct answer in words, as the projector and the student's own result show it once the
 * teacher reveals it (even with the class's results hidden): every kind whose answer words can say.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionSchema, type QuestionOf } from '@classpulse/realtime/protocol';
import { KIND_SAMPLES } from '@classpulse/realtime/testing';
import { webKind } from '../src/kinds/registry.ts';

function sample<K extends keyof typeof KIND_SAMPLES>(kind: K): QuestionOf<K> {
  return questionSchema.parse(KIND_SAMPLES[kind].question) as QuestionOf<K>;
}

test('ranking, sorting and image choice say their correct answer in words', () => {
  assert.equal(
    webKind('ranking').correctText?.(sample('ranking')),
    '1. Mercury, 2. Venus, 3. Earth, 4. Mars',
  );
  assert.equal(
    webKind('sort-into-groups').correctText?.(sample('sort-into-groups')),
    'Mammal: Whale, Bat; Bird: Penguin',
  );
  assert.equal(
    webKind('image-choice').correctText?.(sample('image-choice')),
    'Blue, white and red stripes',
  );
});

test('a poll of those kinds has no correct answer to say', () => {
  const { correctOrder: _order, ...ranking } = sample('ranking');
  assert.equal(webKind('ranking').correctText?.(ranking), null);
  const { correctGroups: _groups, ...sort } = sample('sort-into-groups');
  assert.equal(webKind('sort-into-groups').correctText?.(sort), null);
  const { correctOptionIds: _ids, ...images } = sample('image-choice');
  assert.equal(webKind('image-choice').correctText?.(images), null);
});

test('the correct answer is joined and numbered in the deck’s language', () => {
  const cities = { ...sample('short-text'), acceptedAnswers: ['París', 'Lyon'] };
  assert.equal(webKind('short-text').correctText?.(cities, 'en'), 'París or Lyon');
  assert.equal(webKind('short-text').correctText?.(cities, 'es'), 'París o Lyon');
  const number = { ...sample('number'), correct: { value: 3.5, tolerance: 0.25 } };
  assert.equal(webKind('number').correctText?.(number, 'en'), '3.5 ± 0.25');
  assert.equal(webKind('number').correctText?.(number, 'es'), '3,5 ± 0,25');
});
