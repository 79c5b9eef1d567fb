/**
 * The editor's grading fields: a deck-schema problem with points, a correct number, its tolerance
 * or the accepted answers lands on the field the teacher typed it in, named in the error summary.
 */
import { deckSchema, type Deck } from '@classpulse/realtime/protocol';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slideFieldId, validateDeck } from '../src/components/editor/field-errors.ts';

const valid: Deck = deckSchema.parse({
  title: 'Graded',
  slides: [
    {
      id: 'mc',
      question: {
        kind: 'multiple-choice',
        prompt: 'Capital?',
        options: [
          { id: 'a', label: 'Lyon' },
          { id: 'b', label: 'Paris' },
        ],
        correctOptionIds: ['b'],
      },
    },
    {
      id: 'num',
      question: { kind: 'number', prompt: 'Legs?', correct: { value: 8, tolerance: 0 } },
    },
    {
      id: 'text',
      question: { kind: 'short-text', prompt: 'Force?', acceptedAnswers: ['Élan vital'] },
    },
  ],
});

/** The deck with one slide's question changed as the editor would hold it. */
function withQuestion(slideIndex: number, change: Record<string, unknown>): Deck {
  const deck = structuredClone(valid);
  const slide = deck.slides[slideIndex]!;
  slide.question = { ...slide.question!, ...change };
  return deck;
}

function issuesOf(deck: Deck) {
  const result = validateDeck(deck);
  assert.ok(!result.ok, 'the deck is invalid');
  return result.issues.map((i) => [i.fieldId, i.where]);
}

describe('grading fields in the deck editor', () => {
  it('a valid deck with correct answers passes', () => {
    assert.ok(validateDeck(valid).ok);
  });

  it('points out of range land on the one Points field of any kind', () => {
    assert.deepEqual(issuesOf(withQuestion(0, { points: 5000 })), [
      [slideFieldId('mc', 'points'), 'Slide 1 · Points'],
    ]);
    assert.deepEqual(issuesOf(withQuestion(2, { points: 1.5 })), [
      [slideFieldId('text', 'points'), 'Slide 3 · Points'],
    ]);
  });

  it('a number’s correct value and tolerance land on their own fields', () => {
    assert.deepEqual(issuesOf(withQuestion(1, { correct: { value: NaN, tolerance: 0 } })), [
      [slideFieldId('num', 'correct'), 'Slide 2 · Correct answer'],
    ]);
    assert.deepEqual(issuesOf(withQuestion(1, { correct: { value: 8, tolerance: -1 } })), [
      [slideFieldId('num', 'tolerance'), 'Slide 2 · Tolerance'],
    ]);
  });

  it('too many accepted answers land on the accepted answers field', () => {
    const many = Array.from({ length: 21 }, (_, i) => `answer ${i}`);
    assert.deepEqual(issuesOf(withQuestion(2, { acceptedAnswers: many })), [
      [slideFieldId('text', 'acceptedAnswers'), 'Slide 3 · Accepted answers'],
    ]);
  });
});
