import {
  questionSchema,
  type Answer,
  type MultipleChoiceQuestion,
} from '@classpulse/realtime/protocol';
import { KIND_SAMPLES } from '@classpulse/realtime/testing';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  listedEntries,
  visibleAnswers,
  type ResultEntry,
} from '../src/components/results/aggregate.ts';
import {
  binNumbers,
  MAX_BINS,
  median,
  numberStats,
} from '../src/components/results/histogram-bins.ts';
import { pinDots, pinRegions } from '../src/components/results/pin-map.ts';
import {
  describeRegion,
  isDrawnRegion,
  regionFromDrag,
  regionPercent,
  withRegionPercent,
} from '../src/components/editor/regions.ts';
import { tallyMarkers } from '../src/kinds/draggable/aggregate.ts';
import { inTargetShare, whereText } from '../src/kinds/draggable/summary.ts';
import { tallyImageChoices } from '../src/kinds/image-choice/aggregate.ts';
import type { QuestionOf } from '../src/kinds/kind.ts';
import { tallyChoices } from '../src/kinds/multiple-choice/aggregate.ts';
import { visiblePins } from '../src/kinds/pin-on-image/aggregate.ts';
import { tallyRanking } from '../src/kinds/ranking/aggregate.ts';
import { tallyScale } from '../src/kinds/scale/aggregate.ts';
import { tallySort } from '../src/kinds/sort-into-groups/aggregate.ts';
import { groupWords } from '../src/kinds/word-cloud/aggregate.ts';
import { resultsTextOf } from './support/intl.ts';

const english = resultsTextOf('en');
const { binLabel: formatBinLabel, number: formatNumber, percent: formatPercent } = english.f;

const choice = (...optionIds: string[]): Answer => ({ kind: 'multiple-choice', optionIds });
const num = (value: number): Answer => ({ kind: 'number', value });
const words = (...w: string[]): Answer => ({ kind: 'word-cloud', words: w });

const mcQuestion: MultipleChoiceQuestion = {
  kind: 'multiple-choice',
  prompt: 'Capital of France?',
  options: [
    { id: 'a', label: 'Paris' },
    { id: 'b', label: 'London' },
    { id: 'c', label: 'Rome' },
  ],
  allowMultiple: true,
  correctOptionIds: ['a'],
};

describe('visible answers', () => {
  test('hidden entries and answers of another kind are left out', () => {
    const entries: ResultEntry[] = [
      { answer: num(1) },
      { answer: num(2), hidden: true },
      { answer: choice('a') },
      { answer: num(3), hidden: false },
    ];
    assert.deepEqual(
      visibleAnswers(entries, 'number').map((a) => a.value),
      [1, 3],
    );
  });

  test('list views keep hidden entries only while moderating', () => {
    const entries: ResultEntry[] = [
      { answer: { kind: 'short-text', text: 'yes' }, name: 'Ada', studentId: 's1' },
      { answer: { kind: 'short-text', text: 'rude' }, name: 'Bob', studentId: 's2', hidden: true },
    ];
    assert.deepEqual(
      listedEntries(entries, 'short-text', false).map((e) => e.answer.text),
      ['yes'],
    );
    const moderated = listedEntries(entries, 'short-text', true);
    assert.deepEqual(
      moderated.map((e) => [e.answer.text, e.hidden, e.index, e.name]),
      [
        ['yes', false, 0, 'Ada'],
        ['rude', true, 1, 'Bob'],
      ],
    );
  });
});

describe('multiple choice counts', () => {
  test('every option is counted in question order, zeros included', () => {
    const tally = tallyChoices(mcQuestion, [{ answer: choice('a') }, { answer: choice('a') }]);
    assert.equal(tally.respondents, 2);
    assert.deepEqual(
      tally.options.map((o) => [o.label, o.count, o.share, o.correct]),
      [
        ['Paris', 2, 1, true],
        ['London', 0, 0, false],
        ['Rome', 0, 0, false],
      ],
    );
  });

  test('hidden answers are not counted', () => {
    const tally = tallyChoices(mcQuestion, [
      { answer: choice('b') },
      { answer: choice('c'), hidden: true },
    ]);
    assert.equal(tally.respondents, 1);
    assert.deepEqual(
      tally.options.map((o) => o.count),
      [0, 1, 0],
    );
  });

  test('multiple selection shares are per respondent; repeats and unknown ids do not count', () => {
    const tally = tallyChoices(mcQuestion, [
      { answer: choice('a', 'b') },
      { answer: choice('a', 'a', 'zz') },
      { answer: choice('c') },
      { answer: choice('a') },
    ]);
    assert.deepEqual(
      tally.options.map((o) => [o.count, o.share]),
      [
        [3, 0.75],
        [1, 0.25],
        [1, 0.25],
      ],
    );
  });

  test('no answers: all zeros, no division by zero', () => {
    const tally = tallyChoices(mcQuestion, []);
    assert.equal(tally.respondents, 0);
    assert.ok(tally.options.every((o) => o.count === 0 && o.share === 0));
  });
});

describe('scale counts', () => {
  const scale: QuestionOf<'scale'> = { kind: 'scale', prompt: 'How sure?', steps: 5 };
  const value = (v: number): ResultEntry => ({ answer: { kind: 'scale', value: v } });

  test('one count per step, zeros included, with the mean of visible answers', () => {
    const tally = tallyScale(scale, [value(1), value(4), value(4), { ...value(5), hidden: true }]);
    assert.deepEqual(
      tally.counts.map((c) => [c.value, c.count]),
      [
        [1, 1],
        [2, 0],
        [3, 0],
        [4, 2],
        [5, 0],
      ],
    );
    assert.equal(tally.respondents, 3);
    assert.equal(tally.mean, 3);
  });

  test('a value past the last step (an edited question) is ignored; no answers, no mean', () => {
    assert.equal(tallyScale({ ...scale, steps: 3 }, [value(5)]).respondents, 0);
    assert.equal(tallyScale(scale, []).mean, null);
  });
});

describe('number statistics', () => {
  test('median of an odd count is the middle value', () => {
    assert.equal(median([9, 1, 5]), 5);
  });

  test('median of an even count is the mean of the two middle values', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([10, 20]), 15);
  });

  test('median of nothing is null; the input is not reordered', () => {
    assert.equal(median([]), null);
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });

  test('min, max, mean and median together', () => {
    assert.deepEqual(numberStats([2, 8, 4, 6]), { count: 4, min: 2, max: 8, mean: 5, median: 5 });
    assert.equal(numberStats([]), null);
  });
});

describe('histogram bins', () => {
  const counts = (h: ReturnType<typeof binNumbers>) => h.bins.map((b) => b.count);
  const labels = (h: ReturnType<typeof binNumbers>) =>
    h.bins.map((b) => formatBinLabel(b, h.integer));

  test('no values, no bins', () => {
    assert.deepEqual(binNumbers([]).bins, []);
  });

  test('all-equal values make one bin holding all of them', () => {
    const whole = binNumbers([5, 5, 5]);
    assert.deepEqual(whole.bins, [{ from: 5, to: 5, count: 3 }]);
    assert.deepEqual(labels(whole), ['5']);
    const real = binNumbers([2.5, 2.5]);
    assert.deepEqual(real.bins, [{ from: 2.5, to: 2.5, count: 2 }]);
    assert.deepEqual(labels(real), ['2.5']);
  });

  test('equal values inside a min/max range are spread over the range, not one bar', () => {
    const h = binNumbers([4, 4], { min: 0, max: 4 });
    assert.deepEqual(labels(h), ['0', '1', '2', '3', '4']);
    assert.deepEqual(counts(h), [0, 0, 0, 0, 2]);
  });

  test('a small whole-number range gets one bin per value, zeros included', () => {
    const h = binNumbers([3, 7], { min: 0, max: 10 });
    assert.equal(h.bins.length, 11);
    assert.deepEqual(counts(h), [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
  });

  test('question min/max anchor the first and last edge; a sliver merges into the last bin', () => {
    const h = binNumbers([0, 50, 100, 99], { min: 0, max: 100 });
    assert.equal(h.integer, true);
    assert.equal(h.bins[0]?.from, 0);
    assert.equal(h.bins.at(-1)?.to, 100);
    assert.equal(labels(h).at(-1), '90–100');
    assert.deepEqual(counts(h), [1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  test('without bounds, bins start on a nice multiple', () => {
    const h = binNumbers([1994, 2001, 2010, 1969]);
    assert.deepEqual(labels(h).slice(0, 2), ['1965–1969', '1970–1974']);
    assert.equal(
      h.bins.reduce((n, b) => n + b.count, 0),
      4,
    );
  });

  test('only a min bound: bins start there and keep an even width', () => {
    const h = binNumbers([3.7, 9.2], { min: 3.7 });
    assert.equal(h.bins[0]?.from, 3.7);
    const widths = new Set(h.bins.map((b) => Number((b.to - b.from).toFixed(9))));
    assert.deepEqual([...widths], [0.5]);
    assert.deepEqual([h.bins[0]?.count, h.bins.at(-1)?.count], [1, 1]);
  });

  test('real values on a bin edge fall in the upper bin; the top value in the last bin', () => {
    const h = binNumbers([0.3], { min: 0, max: 1 });
    assert.equal(labels(h)[3], '0.3–0.4');
    assert.equal(h.bins[3]?.count, 1);
    const top = binNumbers([0, 1], { min: 0, max: 1 });
    assert.equal(top.bins.at(-1)?.count, 1);
  });

  test('an answer outside the bounds (question edited) widens the range instead of vanishing', () => {
    const h = binNumbers([150], { min: 0, max: 100 });
    assert.equal(h.bins[0]?.from, 0);
    assert.ok((h.bins.at(-1)?.to ?? 0) >= 150);
    assert.equal(
      h.bins.reduce((n, b) => n + b.count, 0),
      1,
    );
  });

  test('float extremes give one finite bar instead of hanging the dashboard', () => {
    assert.equal(binNumbers([-1e308, 1e308]).bins.length, 1);
    assert.equal(binNumbers([1e17, 1e17 + 32]).bins.length, 1);
    assert.equal(formatNumber(1e308), '1E308');
  });

  test('property: every value lands in exactly one bin that contains it, within MAX_BINS', () => {
    const value = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      // Hostile but schema-valid answers: float extremes must not hang or garble the chart.
      fc.constantFrom(1e308, -1e308, 5e-324, 1e17, 1e17 + 32),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 60 }),
        fc.option(fc.integer({ min: -2000, max: 0 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
        (values, min, max) => {
          const h = binNumbers(values, { min, max });
          assert.ok(h.bins.length >= 1 && h.bins.length <= MAX_BINS);
          assert.equal(
            h.bins.reduce((n, b) => n + b.count, 0),
            values.length,
          );
          h.bins.forEach((b, i) => {
            assert.ok(b.from <= b.to);
            if (i > 0) assert.ok(b.from > h.bins[i - 1]!.from, 'edges strictly increase');
          });
          const first = h.bins[0]!;
          const last = h.bins.at(-1)!;
          for (const v of values) assert.ok(v >= first.from && v <= last.to, `${v} outside`);
          if (min !== undefined && min <= Math.min(...values)) assert.equal(first.from, min);
          if (max !== undefined && max >= Math.max(...values)) assert.equal(last.to, max);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('word grouping', () => {
  test('groups case-insensitively and shows the spelling typed most often', () => {
    const grouped = groupWords([
      { answer: words('paris') },
      { answer: words('Paris') },
      { answer: words('Paris') },
      { answer: words('PARIS', 'rome') },
    ]);
    assert.deepEqual(grouped, [
      { key: 'paris', word: 'Paris', count: 4 },
      { key: 'rome', word: 'rome', count: 1 },
    ]);
  });

  test('sentence punctuation is ignored, symbols are kept', () => {
    const grouped = groupWords([
      { answer: words('Paris.') },
      { answer: words('"paris"') },
      { answer: words('C#', 'C++') },
    ]);
    assert.deepEqual(
      grouped.map((w) => [w.word, w.count]),
      [
        ['Paris', 2],
        ['C#', 1],
        ['C++', 1],
      ],
    );
  });

  test('a word repeated in one answer counts once; hidden answers are excluded', () => {
    const grouped = groupWords([
      { answer: words('pizza', 'Pizza', 'PIZZA') },
      { answer: words('pizza'), hidden: true },
      { answer: words('tacos') },
    ]);
    assert.deepEqual(
      grouped.map((w) => [w.key, w.count]),
      [
        ['pizza', 1],
        ['tacos', 1],
      ],
    );
  });

  test('ties keep a stable alphabetical order', () => {
    const grouped = groupWords([{ answer: words('b', 'c', 'a') }]);
    assert.deepEqual(
      grouped.map((w) => w.key),
      ['a', 'b', 'c'],
    );
  });
});

describe('pins', () => {
  test('pins per ninth of the image; edges belong to the outer cells; hidden pins excluded', () => {
    const pins = visiblePins([
      { answer: { kind: 'pin-on-image', x: 0, y: 0 } },
      { answer: { kind: 'pin-on-image', x: 0.1, y: 0.2 } },
      { answer: { kind: 'pin-on-image', x: 0.5, y: 0.5 } },
      { answer: { kind: 'pin-on-image', x: 1, y: 1 } },
      { answer: { kind: 'pin-on-image', x: 1, y: 0 }, hidden: true },
    ]);
    assert.deepEqual(pinRegions(pins), [
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe('pin dots', () => {
  test('each pin is its own dot up to the limit; beyond it, pins merge per grid cell', () => {
    const few = [
      { x: 0.1, y: 0.1 },
      { x: 0.1, y: 0.1 },
    ];
    assert.deepEqual(
      pinDots(few, 2).map((d) => d.weight),
      [1, 1],
    );
    const many = Array.from({ length: 1000 }, (_, i) => ({ x: (i % 2) * 0.99, y: 0.5 }));
    const dots = pinDots(many, 400, 10);
    assert.equal(dots.length, 2);
    assert.equal(
      dots.reduce((n, d) => n + d.weight, 0),
      1000,
    );
    assert.deepEqual(
      dots.map((d) => [d.x, d.y]),
      [
        [0.05, 0.55],
        [0.95, 0.55],
      ],
    );
  });
});

describe('formatting', () => {
  test('percentages round, and a tiny non-zero share is "<1%"', () => {
    assert.equal(formatPercent(1 / 3), '33%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(1 / 300), '<1%');
  });

  test('numbers: two decimals, small values keep significant digits, years are not grouped', () => {
    assert.equal(formatNumber(45.3333), '45.33');
    assert.equal(formatNumber(0.00423), '0.00423');
    assert.equal(formatNumber(1969), '1969');
    assert.equal(formatNumber(1_000_000), '1,000,000');
  });

  test("in the viewer's locale: Spanish decimals and percentages, Arabic lists", () => {
    const spanish = resultsTextOf('es').f;
    assert.equal(spanish.number(45.3333), '45,33');
    assert.equal(spanish.number(1_000_000), '1.000.000');
    assert.equal(spanish.percent(1 / 3), '33\u00a0%');
    assert.equal(spanish.list(['Ada', 'Grace']), 'Ada y Grace');
    assert.equal(resultsTextOf('ar').f.list(['أ', 'ب']), 'أ وب');
  });
});

describe('ranking tally', () => {
  const question = KIND_SAMPLES.ranking.question;
  const rank = (...order: string[]): ResultEntry => ({ answer: { kind: 'ranking', order } });

  test('average position per item, best first, and the count at every position', () => {
    const tally = tallyRanking(question, [
      rank('venus', 'mercury', 'earth', 'mars'),
      rank('venus', 'earth', 'mercury', 'mars'),
      rank('mercury', 'venus', 'earth', 'mars'),
      { ...rank('mars', 'earth', 'venus', 'mercury'), hidden: true },
    ]);
    assert.equal(tally.respondents, 3);
    assert.deepEqual(
      tally.items.map((item) => [item.label, item.average, item.counts, item.correctPosition]),
      [
        ['Venus', 4 / 3, [2, 1, 0, 0], 2],
        ['Mercury', 2, [1, 1, 1, 0], 1],
        ['Earth', 8 / 3, [0, 1, 2, 0], 3],
        ['Mars', 4, [0, 0, 0, 3], 4],
      ],
    );
  });

  test('no answers: every item unplaced in the teacher order; an opinion ranking has no correct position', () => {
    const { correctOrder: _none, ...opinion } = question;
    const tally = tallyRanking(opinion, []);
    assert.deepEqual(
      tally.items.map((item) => [item.id, item.average, item.correctPosition]),
      [
        ['mercury', null, null],
        ['venus', null, null],
        ['earth', null, null],
        ['mars', null, null],
      ],
    );
  });

  test('answers to an older version count only for the items and positions still there', () => {
    const tally = tallyRanking(question, [rank('pluto', 'mars', 'venus', 'earth', 'mercury')]);
    const byId = new Map(tally.items.map((item) => [item.id, item]));
    assert.deepEqual(byId.get('mars')?.counts, [0, 1, 0, 0]);
    assert.equal(byId.get('mercury')?.average, null, 'a fifth position does not exist');
  });

  test('every placed answer adds up: counts per position sum to the respondents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.shuffledSubarray(['mercury', 'venus', 'earth', 'mars'], { minLength: 4 })),
        (orders) => {
          const tally = tallyRanking(
            question,
            orders.map((order) => rank(...order)),
          );
          for (let position = 0; position < 4; position++)
            assert.equal(
              tally.items.reduce((sum, item) => sum + (item.counts[position] ?? 0), 0),
              orders.length,
            );
          const averages = tally.items.map((item) => item.average ?? Infinity);
          assert.deepEqual(
            averages,
            [...averages].sort((a, b) => a - b),
          );
        },
      ),
    );
  });
});

describe('sort into groups tally', () => {
  const question = KIND_SAMPLES['sort-into-groups'].question;
  const sorted = (placements: Record<string, string>, hidden = false): ResultEntry => ({
    answer: { kind: 'sort-into-groups', placements },
    hidden,
  });

  test('per item, how many put it in each group, and the share in its correct group', () => {
    const tally = tallySort(question, [
      sorted({ whale: 'mammal', penguin: 'bird', bat: 'mammal' }),
      sorted({ whale: 'mammal', penguin: 'mammal', bat: 'bird' }),
      sorted({ whale: 'bird', penguin: 'mammal', bat: 'mammal' }),
      sorted({ whale: 'bird', penguin: 'bird', bat: 'bird' }, true),
    ]);
    assert.equal(tally.respondents, 3);
    assert.deepEqual(
      tally.items.map((item) => [item.id, item.counts, item.correctGroupId, item.correctShare]),
      [
        ['whale', [2, 1], 'mammal', 2 / 3],
        ['penguin', [2, 1], 'bird', 1 / 3],
        ['bat', [2, 1], 'mammal', 2 / 3],
      ],
    );
  });

  test('items without a correct group, and groups or items that no longer exist, are not graded or counted', () => {
    const { correctGroups: _none, ...poll } = question;
    const tally = tallySort({ ...poll, correctGroups: { whale: 'mammal' } }, [
      sorted({ whale: 'fish', penguin: 'bird', bat: 'mammal', dodo: 'bird' }),
    ]);
    const [whale, penguin] = tally.items;
    assert.deepEqual(whale?.counts, [0, 0]);
    assert.equal(whale?.placed, 0);
    assert.equal(whale?.correctShare, null, 'graded, but nobody placed it in a group that exists');
    assert.equal(penguin?.correctGroupId, null);
    assert.equal(penguin?.correctShare, null);
    assert.deepEqual(penguin?.counts, [0, 1]);
  });
});

describe('draggable markers', () => {
  const question = questionSchema.parse(KIND_SAMPLES.draggable.question) as QuestionOf<'draggable'>;

  test('per marker: its placements in marker order, per ninth, and how many in its target', () => {
    const tally = tallyMarkers(question, [
      {
        answer: {
          kind: 'draggable',
          positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: 0.8, y: 0.8 } },
        },
      },
      {
        answer: {
          kind: 'draggable',
          positions: { paris: { x: 0.1, y: 0.9 }, nice: { x: 0.85, y: 0.85 } },
        },
      },
      {
        answer: {
          kind: 'draggable',
          positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: 0, y: 0 } },
        },
        hidden: true,
      },
    ]);
    assert.equal(tally.respondents, 2);
    assert.deepEqual(
      tally.markers.map((m) => [m.id, m.pins.length, m.inTarget]),
      [
        ['paris', 2, 1],
        ['nice', 2, 2],
      ],
    );
    assert.deepEqual(tally.markers[0]!.regions, [
      [0, 1, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    assert.equal(whereText(tally.markers[0]!.regions, english), 'top middle 1, bottom left 1');
  });

  test('a marker without a target is not graded; shares show only once revealed', () => {
    const untargeted: QuestionOf<'draggable'> = {
      ...question,
      markers: question.markers.map(({ target: _t, ...m }) => m),
    };
    const [paris] = tallyMarkers(untargeted, [
      {
        answer: {
          kind: 'draggable',
          positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: 0, y: 0 } },
        },
      },
    ]).markers;
    assert.equal(paris!.inTarget, null);
    assert.equal(inTargetShare(paris!, true), null);
    const [graded] = tallyMarkers(question, [
      {
        answer: {
          kind: 'draggable',
          positions: { paris: { x: 0.5, y: 0.2 }, nice: { x: 0, y: 0 } },
        },
      },
    ]).markers;
    assert.equal(inTargetShare(graded!, false), null);
    assert.equal(inTargetShare(graded!, true), 1);
  });
});

describe('image choice counts', () => {
  test('counts per picture in the teacher order, zeros included, correct marked', () => {
    const question = questionSchema.parse(
      KIND_SAMPLES['image-choice'].question,
    ) as QuestionOf<'image-choice'>;
    const tally = tallyImageChoices(question, [
      { answer: { kind: 'image-choice', optionIds: ['it'] } },
      { answer: { kind: 'image-choice', optionIds: ['it', 'it'] } },
      { answer: { kind: 'image-choice', optionIds: ['fr'] }, hidden: true },
    ]);
    assert.equal(tally.respondents, 2);
    assert.deepEqual(
      tally.options.map((o) => [o.alt, o.count, o.share, o.correct]),
      [
        ['Blue, white and red stripes', 0, 0, true],
        ['Green, white and red stripes', 2, 1, false],
      ],
    );
  });
});

describe('target regions drawn in the editor', () => {
  test('a drag in any direction spans the same rectangle, kept on the image', () => {
    assert.deepEqual(regionFromDrag({ x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 }), {
      x: 0.2,
      y: 0.1,
      width: 0.4,
      height: 0.4,
    });
    assert.equal(isDrawnRegion(regionFromDrag({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.6 })), false);
  });

  test('percent fields keep the region on the image and at least 1% wide', () => {
    const r = { x: 0.2, y: 0.2, width: 0.5, height: 0.5 };
    assert.deepEqual(withRegionPercent(r, 'x', 80), { ...r, x: 0.8, width: 0.2 });
    assert.deepEqual(withRegionPercent(r, 'width', 150), { ...r, width: 0.8 });
    assert.deepEqual(withRegionPercent(r, 'height', 0), { ...r, height: 0.01 });
    assert.deepEqual(withRegionPercent(r, 'y', -5), { ...r, y: 0 });
    assert.equal(regionPercent(0.12345), 12.3);
    assert.equal(describeRegion(r), 'from 20% to 70% across, 20% to 70% down');
  });
});
