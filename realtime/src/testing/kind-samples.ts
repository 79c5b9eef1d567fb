import type { AnswerFor, QuestionInput, QuestionKind } from '../protocol/index.ts';

/**
 * One sample question of every kind with a correct answer, and distinct valid answers for any
 * number of students: the decks of every workspace's tests. A kind without samples does not
 * compile, so a new kind is exercised by every suite that walks this record.
 */
export interface KindSample<K extends QuestionKind> {
  /** A short slide id the tests use. */
  slideId: string;
  question: Extract<QuestionInput, { kind: K }>;
  /** A distinct valid answer for student `i` (some right, some wrong). */
  answer(i: number): AnswerFor<K>;
  /** An answer that scores full marks. */
  correct: AnswerFor<K> | null;
}

export const KIND_SAMPLES: { readonly [K in QuestionKind]: KindSample<K> } = {
  'multiple-choice': {
    slideId: 'mc',
    question: {
      kind: 'multiple-choice',
      prompt: 'Capital of France?',
      options: [
        { id: 'paris', label: 'Paris' },
        { id: 'lyon', label: 'Lyon' },
        { id: 'nice', label: 'Nice' },
      ],
      correctOptionIds: ['paris'],
    },
    answer: (i) => ({ kind: 'multiple-choice', optionIds: [['paris', 'lyon', 'nice'][i % 3]!] }),
    correct: { kind: 'multiple-choice', optionIds: ['paris'] },
  },
  'short-text': {
    slideId: 'text',
    question: {
      kind: 'short-text',
      prompt: 'One thing you learned',
      maxLength: 140,
      acceptedAnswers: ['Fractions'],
    },
    answer: (i) => ({ kind: 'short-text', text: `Student ${i} learned about fractions` }),
    correct: { kind: 'short-text', text: '  FRÁCTIONS ' },
  },
  number: {
    slideId: 'num',
    question: {
      kind: 'number',
      prompt: 'How many legs has a spider?',
      min: 0,
      max: 100,
      correct: { value: 8, tolerance: 0 },
    },
    answer: (i) => ({ kind: 'number', value: i % 10 }),
    correct: { kind: 'number', value: 8 },
  },
  'word-cloud': {
    slideId: 'cloud',
    question: { kind: 'word-cloud', prompt: 'Describe today', maxWords: 3 },
    answer: (i) => ({ kind: 'word-cloud', words: [`calm${i}`, 'busy'] }),
    correct: null,
  },
  scale: {
    slideId: 'scale',
    question: {
      kind: 'scale',
      prompt: 'How confident are you?',
      steps: 5,
      minLabel: 'Lost',
      maxLabel: 'Sure',
    },
    answer: (i) => ({ kind: 'scale', value: (i % 5) + 1 }),
    correct: null,
  },
  drawing: {
    slideId: 'draw',
    question: { kind: 'drawing', prompt: 'Draw a triangle' },
    answer: (i) => ({
      kind: 'drawing',
      strokes: [
        { color: '#1d4ed8', width: 3, points: [0.1, 0.9, 0.5, 0.1, 0.9, 0.9, (i % 10) / 10, 0.9] },
      ],
    }),
    correct: null,
  },
  'pin-on-image': {
    slideId: 'pin',
    question: {
      kind: 'pin-on-image',
      prompt: 'Where is Paris?',
      imageUrl: '/uploads/map.png',
      imageAlt: 'Map of France',
      targets: [{ x: 0.4, y: 0.1, width: 0.2, height: 0.2 }],
    },
    answer: (i) => ({ kind: 'pin-on-image', x: (i % 10) / 10, y: 0.5 }),
    correct: { kind: 'pin-on-image', x: 0.5, y: 0.2 },
  },
  ranking: {
    slideId: 'rank',
    question: {
      kind: 'ranking',
      prompt: 'Order the planets from the Sun',
      items: [
        { id: 'mercury', label: 'Mercury' },
        { id: 'venus', label: 'Venus' },
        { id: 'earth', label: 'Earth' },
        { id: 'mars', label: 'Mars' },
      ],
      correctOrder: ['mercury', 'venus', 'earth', 'mars'],
      points: 4,
    },
    answer: (i) => {
      const order = ['mercury', 'venus', 'earth', 'mars'];
      const k = i % order.length;
      return { kind: 'ranking', order: [...order.slice(k), ...order.slice(0, k)] };
    },
    correct: { kind: 'ranking', order: ['mercury', 'venus', 'earth', 'mars'] },
  },
  'sort-into-groups': {
    slideId: 'sort',
    question: {
      kind: 'sort-into-groups',
      prompt: 'Mammal or bird?',
      groups: [
        { id: 'mammal', label: 'Mammal' },
        { id: 'bird', label: 'Bird' },
      ],
      items: [
        { id: 'whale', label: 'Whale' },
        { id: 'penguin', label: 'Penguin' },
        { id: 'bat', label: 'Bat' },
      ],
      correctGroups: { whale: 'mammal', penguin: 'bird', bat: 'mammal' },
    },
    answer: (i) => ({
      kind: 'sort-into-groups',
      placements: { whale: 'mammal', penguin: i % 2 ? 'mammal' : 'bird', bat: 'mammal' },
    }),
    correct: {
      kind: 'sort-into-groups',
      placements: { whale: 'mammal', penguin: 'bird', bat: 'mammal' },
    },
  },
  draggable: {
    slideId: 'drag',
    question: {
      kind: 'draggable',
      prompt: 'Put the labels on the map',
      imageUrl: '/uploads/map.png',
      imageAlt: 'Map of France',
      markers: [
        { id: 'paris', label: 'Paris', target: { x: 0.4, y: 0.1, width: 0.2, height: 0.2 } },
        { id: 'nice', label: 'Nice', target: { x: 0.7, y: 0.7, width: 0.2, height: 0.2 } },
      ],
    },
    answer: (i) => ({
      kind: 'draggable',
      positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: (i % 10) / 10, y: 0.8 } },
    }),
    correct: {
      kind: 'draggable',
      positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: 0.8, y: 0.8 } },
    },
  },
  'image-choice': {
    slideId: 'imgc',
    question: {
      kind: 'image-choice',
      prompt: 'Which flag is France’s?',
      options: [
        { id: 'fr', imageUrl: '/uploads/flag-fr.png', alt: 'Blue, white and red stripes' },
        { id: 'it', imageUrl: '/uploads/flag-it.png', alt: 'Green, white and red stripes' },
      ],
      correctOptionIds: ['fr'],
    },
    answer: (i) => ({ kind: 'image-choice', optionIds: [i % 2 ? 'it' : 'fr'] }),
    correct: { kind: 'image-choice', optionIds: ['fr'] },
  },
};
