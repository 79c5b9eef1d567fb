import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  LIMITS,
  questionForStudents,
  questionSchema,
  type Answer,
  type AnswerFor,
  type QuestionInput,
  type QuestionOf,
} from '@classpulse/realtime/protocol';
import { KIND_SAMPLES } from '@classpulse/realtime/testing';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ANSWER_CLASS_NAMES } from '../src/components/answer/classes.ts';
import { checkDraft } from '../src/components/answer/draft.ts';
import { canStartStroke, remainingBudget } from '../src/kinds/drawing/drawing-budget.ts';
import type { Stroke } from '../src/kinds/drawing/kind.ts';
import { movedByKey, sayWith } from '../src/kinds/draggable/markers.ts';
import { pinAfterKey } from '../src/kinds/pin-on-image/pin.ts';
import { moved, shownOrder } from '../src/kinds/ranking/order.ts';
import { WEB_KINDS } from '../src/kinds/registry.ts';
import { webKind } from '../src/kinds/registry.ts';
// AnswerForm.tsx only adds the CSS module to this component; Node cannot import `.css` files.
import { UnstyledAnswerForm } from '../src/components/answer/UnstyledAnswerForm.tsx';
import { translator, withIntl } from './support/intl.ts';

function render(
  input: QuestionInput,
  extra: { initial?: Answer; disabled?: boolean; disabledReason?: string } = {},
): string {
  const question = questionSchema.parse(input);
  const html = renderToString(
    withIntl(
      createElement(UnstyledAnswerForm, { question, slideId: 's1', onSubmit: () => {}, ...extra }),
    ),
  );
  assertIdRefsResolve(html);
  return html;
}

/** Every aria-describedby / label for= target exists, so no description or label dangles. */
function assertIdRefsResolve(html: string): void {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, refs = ''] of html.matchAll(/\s(?:aria-describedby|for)="([^"]+)"/g)) {
    for (const ref of refs.split(' ')) assert.ok(ids.has(ref), `dangling id reference ${ref}`);
  }
}

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

describe('AnswerForm renders every question kind', () => {
  it('multiple choice (single): radios labelled by the options in a fieldset with the prompt', () => {
    const html = render({
      kind: 'multiple-choice',
      prompt: 'Which planet is largest?',
      options: [
        { id: 'a', label: 'Mars' },
        { id: 'b', label: 'Jupiter' },
      ],
    });
    assert.match(html, /<fieldset[^>]*><legend[^>]*>Which planet is largest\?<\/legend>/);
    assert.equal(count(html, /<input type="radio"/g), 2);
    assert.match(
      html,
      /<label[^>]*><input type="radio"[^>]*value="b"[^>]*\/><span[^>]*>Jupiter<\/span><\/label>/,
    );
    assert.match(html, /<button type="submit"[^>]*>Submit answer<\/button>/);
    assert.match(html, /role="alert"/);
  });

  it('multiple choice (several): checkboxes, a hint, and the earlier answer ticked', () => {
    const html = render(
      {
        kind: 'multiple-choice',
        prompt: 'Pick the mammals',
        allowMultiple: true,
        options: [
          { id: 'a', label: 'Whale' },
          { id: 'b', label: 'Shark' },
          { id: 'c', label: 'Bat' },
        ],
      },
      { initial: { kind: 'multiple-choice', optionIds: ['a', 'c'] } },
    );
    assert.equal(count(html, /<input type="checkbox"/g), 3);
    assert.equal(count(html, /<input type="checkbox"[^>]*checked=""/g), 2);
    assert.match(html, /Choose all that apply\./);
    assert.match(html, />Update answer<\/button>/);
  });

  it('short text: a labelled textarea with maxlength and a character counter', () => {
    const html = render({ kind: 'short-text', prompt: 'Why is the sky blue?', maxLength: 120 });
    const id = /<label for="([^"]+)"[^>]*>Why is the sky blue\?<\/label>/.exec(html)?.[1];
    assert.ok(id, 'prompt is the textarea label');
    assert.match(html, new RegExp(`<textarea id="${id}"[^>]*maxLength="120"`, 'i'));
    assert.match(html, /0 of 120 characters/);
  });

  it('number: a text box (any decimal separator) with the decimal keypad and the range shown', () => {
    const html = render({ kind: 'number', prompt: 'How many legs has a spider?', min: 0, max: 10 });
    // Not type=number: it would refuse "3,5" from a Spanish student; the range is checked on submit.
    assert.match(html, /<input[^>]*type="text"[^>]*inputMode="decimal"/i);
    assert.match(html, /Enter a number from 0 to 10\./);
    assert.match(html, /<label for="[^"]+"[^>]*>How many legs has a spider\?<\/label>/);
  });

  it('number without a lower bound keeps the minus key (no decimal keypad)', () => {
    const html = render({ kind: 'number', prompt: 'Coldest temperature?' });
    assert.doesNotMatch(html, /inputMode/i);
  });

  it('word cloud: one labelled text box per word', () => {
    const html = render({ kind: 'word-cloud', prompt: 'Describe autumn', maxWords: 3 });
    for (const n of [1, 2, 3])
      assert.match(html, new RegExp(`<label for="[^"]+">Word ${n}</label>`));
    assert.doesNotMatch(html, /Word 4/);
    assert.equal(count(html, new RegExp(`maxLength="${LIMITS.wordCloudWordMax}"`, 'gi')), 3);
  });

  it('scale: radios 1..steps whose names include the end labels', () => {
    const html = render({
      kind: 'scale',
      prompt: 'How confident are you?',
      steps: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very',
    });
    assert.equal(count(html, /<input type="radio"/g), 5);
    assert.match(
      html,
      /<span aria-hidden="true">1<\/span><span class="visually-hidden">1, Not at all<\/span>/,
    );
    assert.match(
      html,
      /<span aria-hidden="true">5<\/span><span class="visually-hidden">5, Very<\/span>/,
    );
    assert.match(html, /value="3"[^>]*\/><span>3<\/span>/);
    assert.match(html, /<legend[^>]*>How confident are you\?<\/legend>/);
  });

  it('drawing: a canvas image, named colour swatches, sizes, Undo, Clear and a keyboard note', () => {
    const html = render({ kind: 'drawing', prompt: 'Draw a triangle' });
    assert.match(html, /<canvas role="img" aria-label="Drawing area, empty"/);
    for (const name of ['Black', 'Blue', 'Red', 'Thin', 'Medium', 'Thick']) {
      assert.match(html, new RegExp(`<span class="visually-hidden">${name}</span>`));
    }
    assert.match(html, /<legend[^>]*>Colour<\/legend>/);
    assert.match(html, />Undo<\/button>/);
    assert.match(html, />Clear<\/button>/);
    assert.match(html, /Drawing does not work with the keyboard alone/);
  });

  it('drawing: counts the strokes of an earlier answer and shows the background image', () => {
    const stroke = { color: '#1d4ed8', width: 6, points: [0.1, 0.1, 0.5, 0.5] };
    const html = render(
      { kind: 'drawing', prompt: 'Label it', backgroundImageUrl: '/uploads/cell.png' },
      { initial: { kind: 'drawing', strokes: [stroke, stroke] } },
    );
    assert.match(html, /aria-label="Your drawing: 2 strokes"/);
    assert.match(html, /<img src="\/uploads\/cell.png" alt=""/);
  });

  it('pin on image: the image with its alt text inside a focusable, described pin area', () => {
    const question: QuestionInput = {
      kind: 'pin-on-image',
      prompt: 'Where is Paris?',
      imageUrl: '/uploads/europe.png',
      imageAlt: 'Map of Europe',
    };
    // Before the picture loads, the empty area says so (a tap would land at "0% down"); the
    // browser tests place pins once it reads "No pin placed yet".
    const empty = render(question);
    assert.match(
      empty,
      /tabindex="0"[^>]*aria-label="The picture is loading…"[^>]*aria-busy="true"/,
    );
    assert.match(empty, /<img src="\/uploads\/europe.png" alt="Map of Europe"/);
    assert.doesNotMatch(empty, /role="application"/);

    const placed = render(question, { initial: { kind: 'pin-on-image', x: 0.4, y: 0.62 } });
    assert.match(
      placed,
      /aria-label="Pin position: 40% across, 62% down\. Use arrow keys to move\."/,
    );
    assert.match(placed, /<circle cx="40%" cy="62%"/);
  });

  it('draggable: a tray of marker buttons named by label and place, the image with its alt text', () => {
    const question = KIND_SAMPLES.draggable.question;
    const empty = render(question);
    assert.match(empty, /<ul[^>]*aria-label="Markers"/);
    // Named by their visible words: "Paris not placed".
    assert.match(
      empty,
      /<button type="button"[^>]*aria-pressed="false"><span aria-hidden="true">1<\/span><span[^>]*>Paris(<!-- -->)? <span>not placed<\/span><\/span><\/button>/,
    );
    assert.match(empty, /<img src="\/uploads\/map.png" alt="Map of France"/);
    assert.match(empty, /aria-live="polite"/);
    assert.doesNotMatch(empty, /<circle/, 'nothing on the image yet');

    const placed = render(question, { initial: KIND_SAMPLES.draggable.correct! });
    assert.match(
      placed,
      /<span>placed<\/span><span class="visually-hidden"> 50% across, 20% down<\/span>/,
    );
    assert.match(placed, /<circle cx="80.00%" cy="80.00%" r="24"/);
    assert.match(placed, />Nice<\/text>/);
  });

  it('image choice: the pictures as radios named by their alt text; checkboxes when several', () => {
    const question = KIND_SAMPLES['image-choice'].question;
    const html = render(question, { initial: { kind: 'image-choice', optionIds: ['it'] } });
    assert.equal(count(html, /<input type="radio"/g), 2);
    assert.match(
      html,
      /<label[^>]*><input type="radio"[^>]*value="fr"[^>]*\/><img src="\/uploads\/flag-fr.png" alt="Blue, white and red stripes"/,
    );
    assert.match(html, /<input type="radio"[^>]*checked=""[^>]*value="it"/);
    const several = render({ ...question, allowMultiple: true });
    assert.equal(count(several, /<input type="checkbox"/g), 2);
    assert.match(several, /Choose all that apply\./);
  });

  it('disabled: the button is disabled and the reason is shown and tied to it', () => {
    const html = render(
      { kind: 'short-text', prompt: 'Anything else?' },
      { disabled: true, disabledReason: 'Your teacher locked this question.' },
    );
    const reasonId =
      /<p id="([^"]+)" role="status"[^>]*>Your teacher locked this question\.<\/p>/.exec(html)?.[1];
    assert.ok(reasonId);
    assert.match(html, new RegExp(`<button[^>]*disabled=""[^>]*aria-describedby="${reasonId}"`));
    assert.match(html, /<textarea[^>]*disabled=""/);
  });
});

describe('checkDraft uses the protocol to judge drafts', () => {
  const q = (input: QuestionInput) => questionSchema.parse(input);

  it('returns the parsed answer (trimmed) when it fits', () => {
    const result = checkDraft(q({ kind: 'short-text', prompt: 'Say hi' }), {
      kind: 'short-text',
      value: '  hi  ',
    });
    assert.deepEqual(result, { ok: true, answer: { kind: 'short-text', text: 'hi' } });
  });

  it('says what is missing in words for children', () => {
    const cases: Array<[QuestionInput, Parameters<typeof checkDraft>[1], string]> = [
      [
        { kind: 'short-text', prompt: 'p' },
        { kind: 'short-text', value: '   ' },
        'Write an answer.',
      ],
      [{ kind: 'number', prompt: 'p' }, { kind: 'number', value: '' }, 'Enter a number.'],
      [
        { kind: 'scale', prompt: 'p', steps: 5 },
        { kind: 'scale', value: null },
        'Choose a number on the scale.',
      ],
      [{ kind: 'drawing', prompt: 'p' }, { kind: 'drawing', value: [] }, 'Draw something first.'],
      [
        { kind: 'word-cloud', prompt: 'p' },
        { kind: 'word-cloud', value: ['', ' '] },
        'Enter a word.',
      ],
      [
        { kind: 'word-cloud', prompt: 'p' },
        { kind: 'word-cloud', value: ['ice cream'] },
        'One word per box.',
      ],
      [
        {
          kind: 'multiple-choice',
          prompt: 'p',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
        { kind: 'multiple-choice', value: [] },
        'Choose an option.',
      ],
      [
        { kind: 'pin-on-image', prompt: 'p', imageUrl: '/i.png', imageAlt: 'A map' },
        { kind: 'pin-on-image', value: null },
        'Place your pin on the picture first.',
      ],
      [
        KIND_SAMPLES.draggable.question,
        { kind: 'draggable', value: { paris: { x: 0.5, y: 0.5 } } },
        'Place every marker on the image.',
      ],
      [
        KIND_SAMPLES['image-choice'].question,
        { kind: 'image-choice', value: [] },
        'Choose an option.',
      ],
    ];
    for (const [question, draft, message] of cases) {
      assert.deepEqual(checkDraft(q(question), draft), { ok: false, message }, draft.kind);
    }
  });

  it("applies the question's own bounds through answerProblem", () => {
    const number = q({ kind: 'number', prompt: 'p', min: 1, max: 10 });
    assert.deepEqual(checkDraft(number, { kind: 'number', value: '11' }), {
      ok: false,
      message: 'Enter a number of at most 10.',
    });
    const scale = q({ kind: 'scale', prompt: 'p', steps: 3 });
    assert.deepEqual(checkDraft(scale, { kind: 'scale', value: 4 }), {
      ok: false,
      message: 'Choose a value from 1 to 3.',
    });
  });
});

describe('input helpers', () => {
  it('a carried marker moves 5% per arrow key (Shift: 1%) and stays on the image', () => {
    assert.deepEqual(movedByKey({ x: 0.5, y: 0.5 }, 'ArrowLeft', false), { x: 0.45, y: 0.5 });
    assert.deepEqual(movedByKey({ x: 0.5, y: 0.5 }, 'ArrowDown', true), { x: 0.5, y: 0.51 });
    assert.deepEqual(movedByKey({ x: 0.02, y: 1 }, 'ArrowLeft', false), { x: 0, y: 1 });
    assert.equal(movedByKey({ x: 0.5, y: 0.5 }, 'Enter', false), null);
    const t = translator('en') as unknown as (key: string, values?: object) => string;
    const say = sayWith((key, values) => t(`kinds.draggable.${key}`, values));
    assert.equal(say.placed('Paris', { x: 0.42, y: 0.18 }), 'Paris placed 42% across, 18% down.');
    const es = translator('es') as unknown as (key: string, values?: object) => string;
    const sayEs = sayWith((key, values) => es(`kinds.draggable.${key}`, values));
    assert.equal(
      sayEs.placed('París', { x: 0.42, y: 0.18 }),
      'París colocado 42 % a lo ancho, 18 % hacia abajo.',
    );
  });

  it('a draggable answer reads as each marker and its place; image choice as the alt texts', () => {
    const drag = questionSchema.parse(KIND_SAMPLES.draggable.question);
    assert.equal(
      webKind('draggable').answerText(
        drag as QuestionOf<'draggable'>,
        KIND_SAMPLES.draggable.correct as AnswerFor<'draggable'>,
      ),
      'Paris at 50% across, 20% down; Nice at 80% across, 80% down',
    );
    const pics = questionSchema.parse(KIND_SAMPLES['image-choice'].question);
    assert.equal(
      webKind('image-choice').answerText(pics as QuestionOf<'image-choice'>, {
        kind: 'image-choice',
        optionIds: ['fr', 'it'],
      }),
      'Blue, white and red stripes; Green, white and red stripes',
    );
  });

  it('arrow keys place the pin in the middle first, then move it 5% (Shift: 1%) within the image', () => {
    assert.deepEqual(pinAfterKey(null, 'ArrowRight', false), { x: 0.5, y: 0.5 });
    assert.deepEqual(pinAfterKey({ x: 0.5, y: 0.5 }, 'ArrowRight', false), { x: 0.55, y: 0.5 });
    assert.deepEqual(pinAfterKey({ x: 0.5, y: 0.5 }, 'ArrowUp', true), { x: 0.5, y: 0.49 });
    assert.deepEqual(pinAfterKey({ x: 0.98, y: 0 }, 'ArrowRight', false), { x: 1, y: 0 });
    assert.equal(pinAfterKey({ x: 0.5, y: 0.5 }, 'a', false), null);
  });

  it('a drawing at the protocol limits cannot take another stroke', () => {
    const stroke = (n: number): Stroke => ({
      color: '#111827',
      width: 6,
      points: Array.from({ length: n * 2 }, () => 0.123),
    });
    assert.ok(canStartStroke(remainingBudget([]), '#111827', 6));
    const manyStrokes = Array.from({ length: LIMITS.drawingStrokesMax }, () => stroke(1));
    assert.ok(!canStartStroke(remainingBudget(manyStrokes), '#111827', 6));
    const manyPoints = [stroke(LIMITS.drawingPointsMax)];
    assert.ok(!canStartStroke(remainingBudget(manyPoints), '#111827', 6));
  });

  it('every class name the components use exists in answer.module.css, and no other', () => {
    const css = readFileSync(
      new URL('../src/components/answer/answer.module.css', import.meta.url),
      'utf8',
    ).replace(/\/\*[\s\S]*?\*\//g, '');
    const defined = new Set([...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    defined.delete('field'); // the global class, referenced through :global(.field)
    assert.deepEqual([...defined].sort(), [...ANSWER_CLASS_NAMES].sort());
  });
});

describe('ranking and sort into groups', () => {
  const rankingSample = KIND_SAMPLES.ranking;
  const sortSample = KIND_SAMPLES['sort-into-groups'];
  const rankingQuestion = questionSchema.parse(rankingSample.question) as QuestionOf<'ranking'>;
  const sortQuestion = questionSchema.parse(sortSample.question) as QuestionOf<'sort-into-groups'>;
  const sortCorrect = sortSample.correct as AnswerFor<'sort-into-groups'>;

  it('ranking: an ordered list of drag handles named by the items, each with Move up / Move down', () => {
    // Students get the items scrambled until the correct order is revealed.
    const shown = questionForStudents(rankingQuestion, false) as QuestionOf<'ranking'>;
    const html = render(shown).replaceAll('<!-- -->', '');
    const names = [
      ...html.matchAll(
        /<button type="button" id="[^"]+-handle-[^"]+"[^>]*><svg.*?<\/svg>([^<]+)</g,
      ),
    ].map((m) => m[1]);
    assert.deepEqual(
      names,
      shown.items.map((item) => item.label),
    );
    assert.match(html, /<legend[^>]*>Order the planets from the Sun<\/legend>/);
    assert.match(html, /press Space on an item\s+to pick it up/);
    assert.match(html, /aria-live="assertive"/);
    const [first, last] = [shown.items[0]?.label, shown.items.at(-1)?.label];
    assert.match(html, new RegExp(`disabled=""[^>]*>.*?Move ${first} up<`));
    assert.match(html, new RegExp(`disabled=""[^>]*>.*?Move ${last} down<`));
    assert.equal(count(html, /Move \w+ (up|down)</g), 8);
    assert.equal(count(html, /disabled=""/g), 2, 'only the ends are disabled');
  });

  it("ranking: an earlier answer's order is the list's order", () => {
    const html = render(rankingSample.question, {
      initial: { kind: 'ranking', order: ['mars', 'earth', 'venus', 'mercury'] },
    });
    const names = [...html.matchAll(/-handle-[^"]+"[^>]*><svg.*?<\/svg>([^<]+)</g)].map(
      (m) => m[1],
    );
    assert.deepEqual(names, ['Mars', 'Earth', 'Venus', 'Mercury']);
    assert.match(html, />Update answer<\/button>/);
  });

  it('sort into groups: every item starts in the Unsorted tray, each group is a named drop zone', () => {
    // React marks where adjacent text parts meet; the words are what matter here.
    const html = render(sortSample.question).replaceAll('<!-- -->', '');
    assert.match(html, /role="group" aria-labelledby="[^"]+"/);
    assert.match(html, />Unsorted <span[^>]*>\(3\)<\/span>/);
    assert.match(html, />Mammal <span[^>]*>\(0\)<\/span>/);
    assert.match(html, />Bird <span[^>]*>\(0\)<\/span>/);
    assert.equal(count(html, /Drop items here\./g), 2);
    for (const label of ['Whale', 'Penguin', 'Bat'])
      assert.match(html, new RegExp(`aria-pressed="false"[^>]*>${label}</button>`));
    assert.match(html, /press Space on an item to pick it up, the arrow keys to choose a group/);
  });

  it("sort into groups: an earlier answer's items are in their groups", () => {
    const html = render(sortSample.question, { initial: sortCorrect }).replaceAll('<!-- -->', '');
    assert.match(html, />Unsorted <span[^>]*>\(0\)<\/span>/);
    assert.match(html, /Every item is in a group\./);
    assert.match(html, />Mammal <span[^>]*>\(2\)<\/span>/);
    assert.match(html, />Bird <span[^>]*>\(1\)<\/span>/);
  });

  it('checkDraft: an untouched ranking is the order shown; a stale one keeps the items it knows', () => {
    assert.deepEqual(checkDraft(rankingQuestion, { kind: 'ranking', value: null }), {
      ok: true,
      answer: { kind: 'ranking', order: ['mercury', 'venus', 'earth', 'mars'] },
    });
    // An item the teacher removed is dropped; one added since comes last.
    assert.deepEqual(
      checkDraft(rankingQuestion, { kind: 'ranking', value: ['earth', 'pluto', 'venus', 'earth'] }),
      { ok: true, answer: { kind: 'ranking', order: ['earth', 'venus', 'mercury', 'mars'] } },
    );
  });

  it('checkDraft: a sort needs every item placed; placements the question no longer has are dropped', () => {
    const missing = { ok: false, message: 'Place every item in a group.' };
    assert.deepEqual(checkDraft(sortQuestion, { kind: 'sort-into-groups', value: {} }), missing);
    assert.deepEqual(
      checkDraft(sortQuestion, {
        kind: 'sort-into-groups',
        value: { whale: 'mammal', bat: 'mammal', penguin: 'fish' },
      }),
      missing,
    );
    assert.deepEqual(
      checkDraft(sortQuestion, {
        kind: 'sort-into-groups',
        value: { ...sortCorrect.placements, dodo: 'bird' },
      }),
      { ok: true, answer: sortCorrect },
    );
  });

  it('moved() and shownOrder() keep every item once', () => {
    assert.deepEqual(moved(['a', 'b', 'c', 'd'], 1, 3), ['a', 'c', 'd', 'b']);
    assert.deepEqual(moved(['a', 'b', 'c'], 2, 0), ['c', 'a', 'b']);
    assert.deepEqual(moved(['a', 'b', 'c'], 0, 9), ['b', 'c', 'a']);
    assert.deepEqual(shownOrder(rankingQuestion, null), ['mercury', 'venus', 'earth', 'mars']);
    assert.deepEqual(shownOrder(rankingQuestion, ['mars']), ['mars', 'mercury', 'venus', 'earth']);
  });

  it('report text: "1. Mercury, 2. Venus" and "Mammal: Whale, Bat; Bird: Penguin"', () => {
    assert.equal(
      WEB_KINDS.ranking.answerText(rankingQuestion, rankingSample.correct as AnswerFor<'ranking'>),
      '1. Mercury, 2. Venus, 3. Earth, 4. Mars',
    );
    assert.equal(
      WEB_KINDS['sort-into-groups'].answerText(sortQuestion, sortCorrect),
      'Mammal: Whale, Bat; Bird: Penguin',
    );
  });

  it('a copied question has fresh ids and its correct answer follows them', () => {
    const copy = WEB_KINDS.ranking.copyQuestion?.(rankingQuestion);
    assert.ok(copy?.correctOrder);
    assert.deepEqual(
      copy.correctOrder,
      copy.items.map((item) => item.id),
    );
    assert.ok(!copy.items.some((item) => item.id === 'mercury'));
    const sortCopy = WEB_KINDS['sort-into-groups'].copyQuestion?.(sortQuestion);
    assert.ok(sortCopy);
    assert.equal(
      WEB_KINDS['sort-into-groups'].answerText(sortCopy, {
        kind: 'sort-into-groups',
        placements: Object.fromEntries(
          Object.entries(sortCopy.correctGroups ?? {}).map(([item, group]) => [item, group]),
        ),
      }),
      'Mammal: Whale, Bat; Bird: Penguin',
    );
    assert.deepEqual(questionSchema.parse(sortCopy), sortCopy);
  });
});
