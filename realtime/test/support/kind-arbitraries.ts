/**
 * fast-check generators of every kind's definitions (with and without a correct answer) and of
 * valid answers to a given definition, plus the answer that must score full marks. Keyed by kind,
 * so a new kind does not compile here until it has generators.
 */
import fc from 'fast-check';
import type { AnswerFor, QuestionKind, QuestionOf } from '../../src/protocol/index.ts';

export interface KindArbitrary<K extends QuestionKind> {
  question: fc.Arbitrary<QuestionOf<K>>;
  answer(question: QuestionOf<K>): fc.Arbitrary<AnswerFor<K>>;
  /** The answer that scores 1 for a question with a correct answer (null without one). */
  correct(question: QuestionOf<K>): AnswerFor<K> | null;
}

const label = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
const prompt = label;
const points = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const region = fc
  .record({
    x: fc.double({ min: 0, max: 0.5, noNaN: true }),
    y: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .chain(({ x, y }) =>
    fc.record({
      x: fc.constant(x),
      y: fc.constant(y),
      width: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
      height: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    }),
  );
const centre = (r: { x: number; y: number; width: number; height: number }) => ({
  x: r.x + r.width / 2,
  y: r.y + r.height / 2,
});

/** `n` labelled items with ids "p0", "p1", … */
const items = (prefix: string, min: number, max: number) =>
  fc
    .array(label, { minLength: min, maxLength: max })
    .map((labels) => labels.map((l, i) => ({ id: `${prefix}${i}`, label: l })));

const subsetOf = <T>(list: readonly T[], min: number, max = list.length) =>
  fc.subarray([...list], { minLength: min, maxLength: Math.min(max, list.length) });

function choice<K extends 'multiple-choice' | 'image-choice'>(
  kind: K,
  option: fc.Arbitrary<Record<string, unknown>>,
) {
  return fc
    .record({
      options: fc.array(option, { minLength: 2, maxLength: 10 }),
      allowMultiple: fc.boolean(),
      graded: fc.boolean(),
      prompt,
      points,
    })
    .chain(({ options, allowMultiple, graded, prompt: p, points: pts }) => {
      const withIds = options.map((o, i) => ({ ...o, id: `o${i}` }));
      const ids = withIds.map((o) => o.id);
      return (graded ? subsetOf(ids, 1, allowMultiple ? 10 : 1) : fc.constant(undefined)).map(
        (correct) =>
          ({
            kind,
            prompt: p,
            ...(pts === undefined ? {} : { points: pts }),
            options: withIds,
            allowMultiple,
            ...(correct ? { correctOptionIds: correct } : {}),
          }) as unknown as QuestionOf<K>,
      );
    });
}

function choiceAnswer<K extends 'multiple-choice' | 'image-choice'>(kind: K) {
  return (question: QuestionOf<K>) => {
    const q = question as QuestionOf<'multiple-choice' | 'image-choice'>;
    return subsetOf(
      q.options.map((o) => o.id),
      1,
      q.allowMultiple ? 10 : 1,
    ).map((optionIds) => ({ kind, optionIds }) as AnswerFor<K>);
  };
}

export const KIND_ARBITRARIES: { readonly [K in QuestionKind]: KindArbitrary<K> } = {
  'multiple-choice': {
    question: choice('multiple-choice', fc.record({ label })),
    answer: choiceAnswer('multiple-choice'),
    correct: (q) =>
      q.correctOptionIds?.length ? { kind: q.kind, optionIds: [...q.correctOptionIds] } : null,
  },
  'image-choice': {
    question: choice(
      'image-choice',
      fc.record({
        imageUrl: fc.constantFrom('/uploads/a.png', 'https://example.org/b.jpg'),
        alt: label,
      }),
    ),
    answer: choiceAnswer('image-choice'),
    correct: (q) =>
      q.correctOptionIds?.length ? { kind: q.kind, optionIds: [...q.correctOptionIds] } : null,
  },
  'short-text': {
    question: fc.record(
      {
        kind: fc.constant('short-text' as const),
        prompt,
        points,
        maxLength: fc.constant(280),
        acceptedAnswers: fc.array(label, { minLength: 1, maxLength: 5 }),
      },
      { requiredKeys: ['kind', 'prompt', 'maxLength'] },
    ),
    answer: () => fc.record({ kind: fc.constant('short-text' as const), text: label }),
    correct: (q) =>
      q.acceptedAnswers?.[0]
        ? { kind: q.kind, text: ` ${q.acceptedAnswers[0].toUpperCase()} ` }
        : null,
  },
  number: {
    question: fc.record(
      {
        kind: fc.constant('number' as const),
        prompt,
        points,
        correct: fc.record({
          value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          tolerance: fc.double({ min: 0, max: 10, noNaN: true }),
        }),
      },
      { requiredKeys: ['kind', 'prompt'] },
    ),
    answer: () =>
      fc.record({
        kind: fc.constant('number' as const),
        value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      }),
    correct: (q) => (q.correct ? { kind: q.kind, value: q.correct.value } : null),
  },
  'word-cloud': {
    question: fc.record({
      kind: fc.constant('word-cloud' as const),
      prompt,
      maxWords: fc.integer({ min: 1, max: 3 }),
    }),
    answer: (q) =>
      fc
        .array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: q.maxWords })
        .map((words) => ({ kind: 'word-cloud' as const, words })),
    correct: () => null,
  },
  scale: {
    question: fc.record({
      kind: fc.constant('scale' as const),
      prompt,
      steps: fc.integer({ min: 2, max: 10 }),
    }),
    answer: (q) =>
      fc.integer({ min: 1, max: q.steps }).map((value) => ({ kind: 'scale' as const, value })),
    correct: () => null,
  },
  drawing: {
    question: fc.record({ kind: fc.constant('drawing' as const), prompt }),
    answer: () =>
      fc
        .array(
          fc.record({
            color: fc.constantFrom('#000000', '#1d4ed8'),
            width: fc.integer({ min: 1, max: 40 }),
            points: fc
              .array(unit, { minLength: 1, maxLength: 20 })
              .map((p) => p.flatMap((v) => [v, 1 - v])),
          }),
          { minLength: 1, maxLength: 5 },
        )
        .map((strokes) => ({ kind: 'drawing' as const, strokes })),
    correct: () => null,
  },
  'pin-on-image': {
    question: fc.record(
      {
        kind: fc.constant('pin-on-image' as const),
        prompt,
        points,
        imageUrl: fc.constant('/uploads/map.png'),
        imageAlt: label,
        targets: fc.array(region, { minLength: 1, maxLength: 5 }),
      },
      { requiredKeys: ['kind', 'prompt', 'imageUrl', 'imageAlt'] },
    ),
    answer: () => fc.record({ kind: fc.constant('pin-on-image' as const), x: unit, y: unit }),
    correct: (q) => (q.targets?.[0] ? { kind: q.kind, ...centre(q.targets[0]) } : null),
  },
  ranking: {
    question: fc
      .record({ list: items('r', 2, 10), graded: fc.boolean(), prompt, points })
      .chain(({ list, graded, prompt: p, points: pts }) =>
        (graded
          ? fc.shuffledSubarray(
              list.map((i) => i.id),
              { minLength: list.length, maxLength: list.length },
            )
          : fc.constant(undefined)
        ).map((correctOrder) => ({
          kind: 'ranking' as const,
          prompt: p,
          ...(pts === undefined ? {} : { points: pts }),
          items: list,
          ...(correctOrder ? { correctOrder } : {}),
        })),
      ),
    answer: (q) =>
      fc
        .shuffledSubarray(
          q.items.map((i) => i.id),
          { minLength: q.items.length, maxLength: q.items.length },
        )
        .map((order) => ({ kind: 'ranking' as const, order })),
    correct: (q) => (q.correctOrder ? { kind: q.kind, order: [...q.correctOrder] } : null),
  },
  'sort-into-groups': {
    question: fc
      .record({
        groups: items('g', 2, 6),
        list: items('i', 2, 20),
        graded: fc.boolean(),
        prompt,
        points,
      })
      .chain(({ groups, list, graded, prompt: p, points: pts }) =>
        fc
          .array(fc.integer({ min: 0, max: groups.length - 1 }), {
            minLength: list.length,
            maxLength: list.length,
          })
          .map((picks) => ({
            kind: 'sort-into-groups' as const,
            prompt: p,
            ...(pts === undefined ? {} : { points: pts }),
            groups,
            items: list,
            ...(graded
              ? {
                  correctGroups: Object.fromEntries(
                    list.map((item, i) => [item.id, groups[picks[i]!]!.id]),
                  ),
                }
              : {}),
          })),
      ),
    answer: (q) =>
      fc
        .array(fc.constantFrom(...q.groups.map((g) => g.id)), {
          minLength: q.items.length,
          maxLength: q.items.length,
        })
        .map((groupIds) => ({
          kind: 'sort-into-groups' as const,
          placements: Object.fromEntries(q.items.map((item, i) => [item.id, groupIds[i]!])),
        })),
    correct: (q) => (q.correctGroups ? { kind: q.kind, placements: { ...q.correctGroups } } : null),
  },
  draggable: {
    question: fc
      .record({
        markers: fc.array(fc.record({ label, target: fc.option(region, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        prompt,
        points,
        imageAlt: label,
      })
      .map(({ markers, prompt: p, points: pts, imageAlt }) => ({
        kind: 'draggable' as const,
        prompt: p,
        ...(pts === undefined ? {} : { points: pts }),
        imageUrl: '/uploads/map.png',
        imageAlt,
        markers: markers.map((m, i) => ({
          id: `m${i}`,
          label: m.label,
          ...(m.target ? { target: m.target } : {}),
        })),
      })),
    answer: (q) =>
      fc
        .array(fc.record({ x: unit, y: unit }), {
          minLength: q.markers.length,
          maxLength: q.markers.length,
        })
        .map((points) => ({
          kind: 'draggable' as const,
          positions: Object.fromEntries(q.markers.map((m, i) => [m.id, points[i]!])),
        })),
    correct: (q) =>
      q.markers.some((m) => m.target)
        ? {
            kind: q.kind,
            positions: Object.fromEntries(
              q.markers.map((m) => [m.id, m.target ? centre(m.target) : { x: 0, y: 0 }]),
            ),
          }
        : null,
  },
};
