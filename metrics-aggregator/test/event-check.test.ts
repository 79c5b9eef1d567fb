import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import {
  CATALOG,
  checkEvent,
  checkEventWithZod,
  CLIENT_METRIC_NAMES,
} from '../src/catalog/index.ts';

const hostileValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.constant('student"\n'),
);
type Name = keyof typeof CATALOG;
/** Mostly allowed label values (so valid events are common), sometimes anything. */
const labelsFor = (name: Name) => {
  const shape = Object.fromEntries(
    Object.entries(CATALOG[name].labels).map(([label, allowed]) => [
      label,
      fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...allowed) }, hostileValue),
    ]),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(shape) },
    fc.record(shape, { requiredKeys: [] }),
    fc.record({ ...shape, school: fc.string() }),
    fc.dictionary(fc.constantFrom('app', 'outcome', '__proto__', 'constructor'), hostileValue),
    fc.jsonValue(),
  );
};
const value = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 700, noNaN: true }) },
  fc.integer({ min: -5, max: 1200 }),
  fc.constantFrom(-0, 1e308, -1e308, 0.5, 2 ** 53, 2 ** 53 + 2, 1e-300, -1e-9),
  fc.string(),
  fc.constant(null),
);
const event = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(...CLIENT_METRIC_NAMES)
      .chain((m) => fc.record({ m: fc.constant<string>(m), l: labelsFor(m), v: value })),
  },
  fc
    .constantFrom(...CLIENT_METRIC_NAMES)
    .chain((m) =>
      fc.record(
        { m: fc.constant<string>(m), l: labelsFor(m), v: value, extra: fc.jsonValue() },
        { requiredKeys: ['m'] },
      ),
    ),
  fc.record({
    m: fc.oneof(fc.string(), fc.constantFrom('constructor', '__proto__', 'toString')),
    l: fc.object(),
    v: value,
  }),
  fc.jsonValue(),
);

/**
 * The ingest path's compiled check gives exactly the zod schemas' verdict — accepted or the same
 * reason, and the same event — on valid and hostile events alike, as they arrive (through JSON).
 */
it('the compiled event check agrees with the zod schemas on every input', () => {
  const verdicts = new Map<string, number>();
  fc.assert(
    fc.property(event, (generated) => {
      const raw: unknown = JSON.parse(JSON.stringify(generated) ?? 'null');
      const fast = checkEvent(raw);
      const reference = checkEventWithZod(raw);
      const verdict = reference.ok ? 'ok' : reference.reason;
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      assert.equal(fast.ok, reference.ok, JSON.stringify(raw));
      if (fast.ok && reference.ok) assert.deepEqual(fast.event, reference.event);
      if (!fast.ok && !reference.ok)
        assert.equal(fast.reason, reference.reason, JSON.stringify(raw));
    }),
    { numRuns: 20_000, seed: 424242 },
  );
  // The generator reaches every verdict, valid events included, often enough to mean something.
  for (const verdict of [
    'ok',
    'malformed_event',
    'unknown_metric',
    'invalid_label',
    'invalid_value',
  ])
    assert.ok((verdicts.get(verdict) ?? 0) >= 100, `${verdict}: ${verdicts.get(verdict) ?? 0}`);
});
