/**
 * Names are what they look like: invisible and bidi characters go, a name must show something,
 * combining marks are capped, and students whose names look alike (case, look-alike letters,
 * invisible characters) are told apart with " (n)" — by properties over generated names and by
 * the attacks seen in the wild.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nameSkeleton } from '../src/engine/name-skeleton.ts';
import {
  COMBINING_MARKS_MAX,
  hasVisibleCharacter,
  LIMITS,
  studentNameSchema,
} from '../src/protocol/index.ts';
import { T0, accept, createCmd, joinCmd } from './support/engine-fixtures.ts';

const INVISIBLES = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u{E0041}',
];
const LOOK_ALIKES: Record<string, string> = {
  A: '\u0410',
  a: '\u0430',
  e: '\u0435',
  o: '\u043E',
  c: '\u0441',
  l: 'I',
  O: '0',
};

/** Names as students type them, and as attackers dress them up. */
const baseName = fc.constantFrom('Alice', 'Bob', 'Sam', 'Ana', 'Leo', 'Zoë', 'Ngọc', '李雷', 'Olé');
const disguise = fc.record({
  invisible: fc.array(fc.tuple(fc.nat(8), fc.constantFrom(...INVISIBLES)), { maxLength: 3 }),
  lookAlike: fc.boolean(),
  upper: fc.boolean(),
});
const dressed = fc.tuple(baseName, disguise).map(([name, d]) => {
  let chars = [...(d.upper ? name.toUpperCase() : name)];
  if (d.lookAlike) chars = chars.map((c) => LOOK_ALIKES[c] ?? c);
  for (const [at, invisible] of d.invisible) chars.splice(at % (chars.length + 1), 0, invisible);
  return chars.join('');
});
const anyName = fc.oneof(
  dressed,
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

describe('student names', () => {
  it('every accepted name is visible, clean and short', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const parsed = studentNameSchema.safeParse(raw);
        if (!parsed.success) return;
        const name = parsed.data;
        assert.ok(hasVisibleCharacter(name), JSON.stringify(name));
        assert.ok(name.length >= 1 && name.length <= LIMITS.studentNameMax);
        assert.equal(name, name.normalize('NFC'));
        assert.ok(
          !/[\p{Cc}\p{Cs}\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F]/u.test(name),
        );
        assert.equal(name, name.trim());
        const marks = new RegExp(`\\p{M}{${COMBINING_MARKS_MAX + 1}}`, 'u');
        assert.ok(!marks.test(name.normalize('NFD')), 'combining marks capped');
      }),
      { numRuns: 3_000 },
    );
  });

  it('students in a session never share what their names look like', () => {
    fc.assert(
      fc.property(fc.array(dressed, { minLength: 1, maxLength: 40 }), (names) => {
        const state = accept(null, createCmd(), T0).state;
        names.forEach((name, i) => accept(state, joinCmd(`s${i}`, name), T0 + i + 1));
        const shown = Object.values(state.students).map((s) => s.name);
        assert.equal(new Set(shown.map(nameSkeleton)).size, shown.length, shown.join(' | '));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart the look-alikes seen in the wild, and refuses blank ones', () => {
    const state = accept(null, createCmd(), T0).state;
    const attacks = [
      'Alice',
      'Ali\u200Bce',
      'Alice\u2060',
      '\u2066Alice\u2069',
      '\u0410lice',
      'AIice',
    ];
    attacks.forEach((name, i) => accept(state, joinCmd(`a${i}`, name), T0 + i + 1));
    assert.deepEqual(
      attacks.map((_, i) => state.students[`a${i}`]?.name),
      ['Alice', 'Alice (2)', 'Alice (3)', 'Alice (4)', '\u0410lice (5)', 'AIice (6)'],
    );
    assert.equal(
      studentNameSchema.parse('Bob\u202Egpj.exe'),
      'Bobgpj.exe',
      'no right-to-left override',
    );
    for (const blank of ['\u200B', '\u200B\u200C', '\u2800', '\u0301\u0301', ' \u3164 '])
      assert.equal(studentNameSchema.safeParse(blank).success, false, JSON.stringify(blank));
    const zalgo = studentNameSchema.parse(`Zo${'\u0301'.repeat(39)}e`);
    assert.equal(zalgo.normalize('NFD'), `Zo${'\u0301'.repeat(COMBINING_MARKS_MAX)}e`);
    assert.equal(studentNameSchema.parse('👩‍💻 Ada'), '👩‍💻 Ada', 'emoji sequences stay whole');
  });

  it('the thousandth student with the same name still joins at once', () => {
    const state = accept(null, createCmd(), T0).state;
    for (let i = 0; i < 3_000; i++) accept(state, joinCmd(`s${i}`, 'Sam'), T0 + i + 1);
    assert.equal(state.students.s2999?.name, 'Sam (3000)');
  });
});
