import { LIMITS, questionSchema, type Answer, type Question } from '@classpulse/realtime/protocol';
import { KIND_SAMPLES } from '@classpulse/realtime/testing';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { ResultEntry } from '../src/components/results/aggregate.ts';
import type { ResultsClasses } from '../src/components/results/classes.ts';
import {
  SlideResultsView,
  type SlideResultsProps,
} from '../src/components/results/SlideResultsView.tsx';
import { withIntl } from './support/intl.ts';

/*
 * Renders SlideResultsView, which is SlideResults without its stylesheet binding: Node cannot
 * import a .css file, so SlideResults.tsx (one line: classes={styles}) is the only file kept out.
 * Class names come from a proxy that returns each key, so tests can assert on them too.
 */
const classes = new Proxy(
  {},
  { get: (_target, key) => (typeof key === 'string' ? key : undefined) },
) as ResultsClasses;

function render(props: SlideResultsProps): string {
  // React separates adjacent text nodes with <!-- -->; drop them so assertions read naturally.
  return renderToString(
    withIntl(createElement(SlideResultsView, { ...props, classes })),
  ).replaceAll('<!-- -->', '');
}

/** The aria-label of the first role="img" element. */
function chartLabel(html: string): string {
  const match = /role="img" aria-label="([^"]*)"/.exec(html);
  assert.ok(match, 'a chart with role="img" and an aria-label');
  return match[1] ?? '';
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const mc: Question = {
  kind: 'multiple-choice',
  prompt: 'Capital of France?',
  options: [
    { id: 'a', label: 'Paris' },
    { id: 'b', label: 'London' },
    { id: 'c', label: 'Rome' },
  ],
  allowMultiple: false,
  correctOptionIds: ['a'],
};
const pick = (id: string, extra: Partial<ResultEntry> = {}): ResultEntry => ({
  answer: { kind: 'multiple-choice', optionIds: [id] },
  ...extra,
});

describe('multiple choice', () => {
  const entries = [pick('a'), pick('a'), pick('b'), pick('c', { hidden: true })];

  test('every option with its count and percentage, zero included; hidden excluded', () => {
    const html = render({ question: mc, entries });
    const text = textOf(html);
    assert.match(text, /Paris 2 67%/);
    assert.match(text, /London 1 33%/);
    assert.match(text, /Rome 0 0%/);
    assert.match(text, /3 responses/);
    assert.equal(chartLabel(html), '3 responses. Most chosen: Paris, 2 (67%).');
  });

  test('an accessible data table carries the same numbers', () => {
    const html = render({ question: mc, entries });
    assert.match(
      html,
      /<div class="visually-hidden"><table><caption>Responses per option<\/caption>/,
    );
    assert.match(html, /<th scope="col">Option<\/th><th scope="col">Responses<\/th>/);
    assert.match(html, /<th scope="row">Paris<\/th><td>2<\/td><td>67%<\/td>/);
    assert.match(html, /<th scope="row">Rome<\/th><td>0<\/td><td>0%<\/td>/);
  });

  test('correct answers are marked with ✓ and the word "correct" only once revealed', () => {
    const hiddenAnswer = textOf(render({ question: mc, entries }));
    assert.doesNotMatch(hiddenAnswer, /correct/i);

    const html = render({ question: mc, entries, correctRevealed: true });
    assert.match(html, /class="correctBadge"><span aria-hidden="true">✓<\/span> correct<\/span>/);
    assert.equal((html.match(/correctBadge/g) ?? []).length, 1, 'only Paris is marked');
    assert.match(html, /<th scope="col">Correct<\/th>/);
    assert.match(html, /<th scope="row">Paris<\/th><td>2<\/td><td>67%<\/td><td>Yes<\/td>/);
    assert.match(chartLabel(html), /Correct answer: Paris\.$/);
  });

  test('a poll (no correct options) shows no marker even when revealed', () => {
    const { correctOptionIds: _none, ...poll } = mc;
    const html = render({ question: poll, entries, correctRevealed: true });
    assert.doesNotMatch(html, /correctBadge|toneOther/);
  });

  test('no answers yet: all options still shown at zero', () => {
    const text = textOf(render({ question: mc, entries: [] }));
    assert.match(text, /Paris 0 0%.*London 0 0%.*Rome 0 0%/);
    assert.match(text, /0 responses/);
  });
});

describe('scale', () => {
  const question: Question = {
    kind: 'scale',
    prompt: 'How confident are you?',
    steps: 5,
    minLabel: 'Not at all',
    maxLabel: 'Very',
  };
  const value = (v: number): ResultEntry => ({ answer: { kind: 'scale', value: v } });

  test('columns 1..steps with end labels, the mean, and a data table', () => {
    const html = render({ question, entries: [value(2), value(4), value(4), value(5)] });
    const text = textOf(html);
    for (const step of ['1', '2', '3', '4', '5']) {
      assert.match(html, new RegExp(`class="columnLabel">${step}</span>`));
    }
    assert.match(text, /Not at all Very/);
    assert.match(text, /Mean 3\.8/);
    assert.equal(chartLabel(html), 'Scale from 1 (Not at all) to 5 (Very): 4 responses, mean 3.8.');
    assert.match(html, /<th scope="row">1 \(Not at all\)<\/th><td>0<\/td><td>0%<\/td>/);
    assert.match(html, /<th scope="row">4<\/th><td>2<\/td><td>50%<\/td>/);
  });
});

describe('number', () => {
  const question: Question = { kind: 'number', prompt: 'Guess the year', min: 0, max: 100 };
  const n = (value: number, extra: Partial<ResultEntry> = {}): ResultEntry => ({
    answer: { kind: 'number', value },
    ...extra,
  });

  test('histogram over the question range, with median, mean, min and max', () => {
    const html = render({
      question,
      entries: [n(10), n(20), n(30), n(40), n(99, { hidden: true })],
    });
    const text = textOf(html);
    assert.match(text, /Median 25/);
    assert.match(text, /Mean 25/);
    assert.match(text, /Min 10/);
    assert.match(text, /Max 40/);
    assert.match(html, /class="columnChart histogram"/);
    assert.match(html, /<caption>Answers per range<\/caption>/);
    assert.match(html, /<th scope="row">0–9<\/th><td>0<\/td>/);
    assert.match(html, /<th scope="row">90–100<\/th><td>0<\/td>/);
    assert.equal(chartLabel(html), 'Histogram of 4 answers from 10 to 40; median 25, mean 25.');
  });

  test('no answers: an empty state instead of an empty chart', () => {
    const html = render({ question, entries: [] });
    assert.match(textOf(html), /No answers yet\./);
    assert.doesNotMatch(html, /role="img"/);
  });
});

describe('word cloud', () => {
  const question: Question = { kind: 'word-cloud', prompt: 'One word for today', maxWords: 3 };
  const w = (...words: string[]): ResultEntry => ({ answer: { kind: 'word-cloud', words } });

  test('words grouped case-insensitively, sized by frequency, top words listed', () => {
    const html = render({
      question,
      entries: [w('Tired'), w('tired'), w('Tired', 'happy'), w('curious')],
    });
    assert.match(html, /class="cloudWord size6 colour1">Tired<\/span>/);
    assert.match(html, /class="cloudWord size1 colour\d">happy<\/span>/);
    assert.match(textOf(html), /Top words Tired 3 curious 1 happy 1/);
    assert.match(html, /<th scope="row">Tired<\/th><td>3<\/td>/);
    assert.match(
      chartLabel(html),
      /^Word cloud of 3 words from 4 responses\. Most frequent: Tired \(3\)/,
    );
  });
});

describe('short text', () => {
  const question: Question = { kind: 'short-text', prompt: 'Why?', maxLength: 280 };
  const entries: ResultEntry[] = [
    { answer: { kind: 'short-text', text: 'Because of gravity' }, name: 'Ada', studentId: 's1' },
    {
      answer: { kind: 'short-text', text: 'something rude' },
      name: 'Bob',
      studentId: 's2',
      hidden: true,
    },
    { answer: { kind: 'short-text', text: 'No idea' }, studentId: 's3' },
  ];

  test('texts with names; hidden ones left out for the class', () => {
    const html = render({ question, entries, size: 'projector' });
    const text = textOf(html);
    assert.match(text, /Because of gravity Ada/);
    assert.match(text, /No idea/);
    assert.doesNotMatch(text, /rude|Hidden|Bob/);
    assert.doesNotMatch(html, /<button/);
    assert.match(text, /2 responses/);
  });

  test('moderating: Hide / Show buttons named after whose answer, hidden ones dimmed and labelled', () => {
    const html = render({ question, entries, onToggleHidden: () => {} });
    assert.match(
      html,
      /<button type="button"[^>]*aria-label="Hide answer from Ada"[^>]*>Hide<\/button>/,
    );
    assert.match(
      html,
      /<button type="button"[^>]*aria-label="Show answer from Bob"[^>]*>Show<\/button>/,
    );
    // Unnamed answers are named by their place in the list.
    assert.match(html, /aria-label="Hide answer 3"/);
    assert.match(html, /<li class="textCard hiddenEntry"><p class="text">something rude<\/p>/);
    assert.match(html, /class="hiddenBadge">Hidden<\/span>/);
    assert.match(textOf(html), /2 responses · 1 hidden/);
  });
});

describe('drawing', () => {
  const question: Question = { kind: 'drawing', prompt: 'Draw a cell' };
  const drawing: Answer = {
    kind: 'drawing',
    strokes: [
      { color: '#112233', width: 4, points: [0, 0, 0.5, 0.5, 1, 1] },
      { color: '#445566', width: 6, points: [0.25, 0.5] },
    ],
  };

  test('thumbnails replay the normalized strokes, a tap as a dot', () => {
    const html = render({ question, entries: [{ answer: drawing, name: 'Ada', studentId: 's1' }] });
    // Replayed into the protocol's reference canvas, the same one the student's pad draws on.
    const w = LIMITS.drawingReferenceWidth;
    const h = LIMITS.drawingReferenceHeight;
    assert.ok(
      html.includes(`<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="Drawing by Ada"`),
      html,
    );
    assert.ok(
      html.includes(
        `<polyline points="0.0,0.0 ${(w / 2).toFixed(1)},${(h / 2).toFixed(1)} ${w.toFixed(1)},${h.toFixed(1)}" fill="none" stroke="#112233" stroke-width="4"`,
      ),
      html,
    );
    assert.ok(html.includes(`<circle cx="${w / 4}" cy="${h / 2}" r="3" fill="#445566"`), html);
  });

  test('moderating: a Hide button per drawing', () => {
    const html = render({
      question,
      entries: [{ answer: drawing, name: 'Ada', studentId: 's1' }],
      onToggleHidden: () => {},
    });
    assert.match(html, /aria-label="Hide answer from Ada"/);
  });
});

describe('pin on image', () => {
  const question: Question = {
    kind: 'pin-on-image',
    prompt: 'Where is Lyon?',
    imageUrl: '/uploads/france.png',
    imageAlt: 'Map of France',
  };
  const pin = (x: number, y: number): ResultEntry => ({ answer: { kind: 'pin-on-image', x, y } });

  test('the image with every pin as a dot in normalized coordinates, and a table of areas', () => {
    const html = render({ question, entries: [pin(0.1, 0.1), pin(0.15, 0.2), pin(0.8, 0.9)] });
    assert.match(html, /<img src="\/uploads\/france.png" alt=""/);
    assert.match(html, /<circle cx="10.00%" cy="10.00%" r="7"/);
    assert.match(html, /<circle cx="80.00%" cy="90.00%" r="7"/);
    assert.equal(chartLabel(html), 'Map of France, with 3 pins. Most pins: top left (2).');
    assert.match(html, /<th scope="row">top left<\/th><td>2<\/td>/);
    assert.match(html, /<th scope="row">bottom right<\/th><td>1<\/td>/);
  });

  test('projector size draws larger pins', () => {
    const html = render({ question, entries: [pin(0.5, 0.5)], size: 'projector' });
    assert.match(html, /class="root projector"/);
    assert.match(html, /<circle cx="50.00%" cy="50.00%" r="12"/);
  });
});

describe('ranking', () => {
  const question = KIND_SAMPLES.ranking.question as Question;
  const rank = (...order: string[]): ResultEntry => ({ answer: { kind: 'ranking', order } });
  const entries = [
    rank('venus', 'mercury', 'earth', 'mars'),
    rank('venus', 'earth', 'mercury', 'mars'),
    rank('mercury', 'venus', 'earth', 'mars'),
  ];

  test('items by average position, best first, with their position counts', () => {
    const html = render({ question, entries });
    const text = textOf(html);
    assert.match(text, /Venus avg 1.3 2 1 Mercury avg 2 1 1 1 Earth avg 2.7 1 2 Mars avg 4 3/);
    assert.equal(
      chartLabel(html),
      '3 rankings. By average position: Venus (1.3), Mercury (2), Earth (2.7), Mars (4).',
    );
    assert.doesNotMatch(html, /correctBadge|Correct order/);
  });

  test('two data tables: the average position, and the counts per position', () => {
    const html = render({ question, entries });
    assert.match(html, /<caption>Average position per item<\/caption>/);
    assert.match(html, /<th scope="row">Venus<\/th><td>1.3<\/td><\/tr>/);
    assert.match(html, /<caption>Responses per item and position<\/caption>/);
    assert.match(
      html,
      /<th scope="col">Item<\/th><th scope="col">1st<\/th><th scope="col">2nd<\/th><th scope="col">3rd<\/th><th scope="col">4th<\/th>/,
    );
    assert.match(html, /<th scope="row">Earth<\/th><td>0<\/td><td>1<\/td><td>2<\/td><td>0<\/td>/);
  });

  test('once revealed: each item shows its correct position, the tables and summary too', () => {
    const html = render({ question, entries, correctRevealed: true });
    assert.match(html, /class="correctBadge"><span aria-hidden="true">✓<\/span> 2nd<\/span>/);
    assert.match(html, /<th scope="row">Venus<\/th><td>1.3<\/td><td>2<\/td><\/tr>/);
    assert.match(chartLabel(html), /Correct order: Mercury, Venus, Earth, Mars\.$/);
  });

  test('no rankings yet, and projector size', () => {
    const html = render({ question, entries: [], size: 'projector' });
    assert.equal(chartLabel(html), 'No rankings yet.');
    assert.match(html, /class="root projector"/);
  });
});

describe('sort into groups', () => {
  const question = KIND_SAMPLES['sort-into-groups'].question as Question;
  const sorted = (placements: Record<string, string>): ResultEntry => ({
    answer: { kind: 'sort-into-groups', placements },
  });
  const entries = [
    sorted({ whale: 'mammal', penguin: 'bird', bat: 'mammal' }),
    sorted({ whale: 'mammal', penguin: 'mammal', bat: 'bird' }),
  ];

  test('per item the count in every group, a legend, and a summary', () => {
    const html = render({ question, entries });
    const text = textOf(html);
    assert.match(
      text,
      /Mammal Bird Whale Mammal 2 Bird 0 Penguin Mammal 1 Bird 1 Bat Mammal 1 Bird 1/,
    );
    assert.equal(
      chartLabel(html),
      '2 answers. Whale: mostly Mammal; Penguin: mostly Mammal or Bird; Bat: mostly Mammal or Bird.',
    );
    assert.match(html, /<caption>Responses per item and group<\/caption>/);
    assert.match(html, /<th scope="row">Whale<\/th><td>2<\/td><td>0<\/td><\/tr>/);
    assert.doesNotMatch(html, /Correct group|correctBadge/);
  });

  test('once revealed: the correct group marked with the share right, in the table too', () => {
    const html = render({ question, entries, correctRevealed: true });
    assert.match(html, /✓<\/span> Bird · 50% right<\/span>/);
    assert.match(html, /<th scope="col">Correct group<\/th><th scope="col">Percent correct<\/th>/);
    assert.match(
      html,
      /<th scope="row">Whale<\/th><td>2<\/td><td>0<\/td><td>Mammal<\/td><td>100%<\/td>/,
    );
    assert.match(chartLabel(html), /Correct: Whale in Mammal \(100% right\), Penguin in Bird/);
    // Bars in a group other than the correct one are dimmed.
    assert.match(html, /class="colour2 sortWrong"/);
  });

  test('a poll (no correct groups) shows no correctness even when revealed', () => {
    const { correctGroups: _none, ...poll } = KIND_SAMPLES['sort-into-groups'].question;
    const html = render({ question: poll, entries, correctRevealed: true });
    assert.doesNotMatch(html, /Correct group|correctBadge|sortWrong/);
  });

  test('no answers yet', () => {
    assert.equal(chartLabel(render({ question, entries: [] })), 'No answers yet.');
  });
});

describe('draggable', () => {
  const question = questionSchema.parse(KIND_SAMPLES.draggable.question);
  const drag = (paris: [number, number], nice?: [number, number], hidden = false): ResultEntry => ({
    answer: {
      kind: 'draggable',
      positions: {
        paris: { x: paris[0], y: paris[1] },
        ...(nice ? { nice: { x: nice[0], y: nice[1] } } : {}),
      },
    },
    ...(hidden ? { hidden } : {}),
  });
  const entries = [
    drag([0.5, 0.2], [0.8, 0.8]),
    drag([0.45, 0.15], [0.1, 0.9]),
    drag([0.9, 0.9], [0.75, 0.85]),
    drag([0.5, 0.2], [0.5, 0.5], true),
  ];

  test('a heat map per marker with its label, and one table of where each marker went', () => {
    const html = render({ question, entries });
    assert.match(html, /<p class="markerMapTitle">1\. Paris<\/p>/);
    assert.match(html, /<p class="markerMapTitle">2\. Nice<\/p>/);
    assert.equal((html.match(/role="img"/g) ?? []).length, 2, 'one map per marker');
    assert.equal(
      chartLabel(html),
      'Paris on Map of France, placed by 3 students. Most in: top middle (2).',
    );
    assert.match(html, /<circle cx="45.00%" cy="15.00%" r="7"/);
    assert.match(html, /<caption>Where each marker was placed<\/caption>/);
    assert.match(
      html,
      /<th scope="row">Paris<\/th><td>3<\/td><td>top middle 2, bottom right 1<\/td>/,
    );
    // Before the reveal: no target drawn and no share said.
    assert.doesNotMatch(html, /pinTarget|In target|in its target/);
  });

  test('revealed: each target drawn, the share inside it under the map and in the table', () => {
    const html = render({ question, entries, correctRevealed: true });
    assert.match(
      html,
      /<rect class="pinTarget" x="40.00%" y="10.00%" width="20.00%" height="20.00%"/,
    );
    assert.match(html, /<p class="markerMapNote">67% in its target<\/p>/);
    assert.match(html, /<th scope="col">In target<\/th>/);
    assert.match(html, /<th scope="row">Nice<\/th><td>3<\/td><td>67%<\/td>/);
    assert.match(chartLabel(html), /67% in its target area\.$/);
  });

  test('no answers yet: every marker says it is not placed', () => {
    const html = render({ question, entries: [] });
    assert.equal(chartLabel(html), 'Paris on Map of France. Not placed yet.');
    assert.match(html, /<th scope="row">Nice<\/th><td>0<\/td><td>Nowhere yet<\/td>/);
  });
});

describe('image choice', () => {
  const question = questionSchema.parse(KIND_SAMPLES['image-choice'].question);
  const choose = (...optionIds: string[]): ResultEntry => ({
    answer: { kind: 'image-choice', optionIds },
  });
  const entries = [choose('fr'), choose('fr'), choose('it')];

  test('a bar per picture with its thumbnail and description, and a data table', () => {
    const html = render({ question, entries });
    assert.match(html, /<img src="\/uploads\/flag-fr.png" alt="" class="choiceThumb"\/>/);
    assert.match(textOf(html), /Blue, white and red stripes 2 67%/);
    assert.equal(
      chartLabel(html),
      '3 responses. Most chosen: Blue, white and red stripes, 2 (67%).',
    );
    assert.match(html, /<caption>Responses per picture<\/caption>/);
    assert.match(
      html,
      /<th scope="row">Green, white and red stripes<\/th><td>1<\/td><td>33%<\/td>/,
    );
    assert.doesNotMatch(html, /correctBadge/);
  });

  test('the correct picture is marked only once revealed', () => {
    const html = render({ question, entries, correctRevealed: true });
    assert.equal((html.match(/correctBadge/g) ?? []).length, 1);
    assert.match(
      html,
      /<th scope="row">Blue, white and red stripes<\/th><td>2<\/td><td>67%<\/td><td>Yes<\/td>/,
    );
    assert.match(chartLabel(html), /Correct picture: Blue, white and red stripes\.$/);
  });
});

describe('pin on image targets', () => {
  test('the correct areas are outlined only once revealed', () => {
    const question = questionSchema.parse(KIND_SAMPLES['pin-on-image'].question);
    const entries: ResultEntry[] = [{ answer: { kind: 'pin-on-image', x: 0.5, y: 0.2 } }];
    assert.doesNotMatch(render({ question, entries }), /pinTarget/);
    assert.match(render({ question, entries, correctRevealed: true }), /class="pinTarget"/);
  });
});

describe('in the viewer’s language', () => {
  const entries = [pick('a'), pick('a'), pick('b')];
  const inLocale = (locale: 'es' | 'ar') =>
    renderToString(
      withIntl(createElement(SlideResultsView, { question: mc, entries, classes }), locale),
    ).replaceAll('<!-- -->', '');

  test('Spanish: words from the catalog, percentages and counts formatted for Spanish', () => {
    const html = inLocale('es');
    assert.match(html, /<caption>Respuestas por opción<\/caption>/);
    assert.match(textOf(html), /3 respuestas/);
    assert.match(html, /67\u00a0%/);
    assert.equal(chartLabel(html), '3 respuestas. La más elegida: Paris, 2 (67\u00a0%).');
  });

  test('Arabic: the summary and table in Arabic', () => {
    const html = inLocale('ar');
    assert.match(html, /<caption>الإجابات لكل خيار<\/caption>/);
    assert.match(chartLabel(html), /^3 إجابات\./);
  });
});
