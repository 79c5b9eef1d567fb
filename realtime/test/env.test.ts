/**
 * The one environment-parsing helper of every service (src/env): empty means default, every bad
 * variable is named and no value is ever printed (it may be a secret), the signing-secret rule is
 * the same everywhere, and every variable any service reads is documented in .env.example.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ConfigError,
  envBool,
  envInt,
  envSecret,
  parseEnv,
  SECRET_MIN_CHARS,
} from '../src/env/index.ts';

const schema = z.object({
  PORT: envInt(0, 65535).default(4100),
  ON: envBool.default(false),
  SECRET: envSecret('SECRET').optional(),
});

describe('parseEnv', () => {
  it('treats an empty variable as unset, and reads only what `only` allows', () => {
    const parsed = parseEnv(
      schema,
      { PORT: '', ON: 'true', SECRET: undefined },
      { what: 'test', only: (name) => name !== 'ON' },
    );
    assert.deepEqual(parsed, { PORT: 4100, ON: false });
  });

  it('names every bad variable, never its value', () => {
    const short = 'hunter2-but-short';
    assert.throws(
      () => parseEnv(schema, { PORT: '70000', ON: 'yes', SECRET: short }, { what: 'test' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const message = error.message;
        assert.match(message, /^Invalid test configuration:\n/);
        for (const name of ['PORT', 'ON', 'SECRET'])
          assert.match(message, new RegExp(`  ${name}:`));
        assert.match(message, new RegExp(`at least ${SECRET_MIN_CHARS} characters`));
        assert.doesNotMatch(message, new RegExp(short));
        return true;
      },
    );
  });

  it("throws the service's own error class when given one", () => {
    class ProbeError extends Error {}
    assert.throws(
      () => parseEnv(schema, { PORT: 'x' }, { what: 'probe', error: ProbeError }),
      ProbeError,
    );
  });
});

describe('.env.example', () => {
  const root = new URL('../../', import.meta.url);
  const example = readFileSync(new URL('.env.example', root), 'utf8');
  const documented = new Set(
    [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!),
  );
  const configs = [
    'realtime/src/server/config.ts',
    'realtime/src/firebase/config.ts',
    'metrics-aggregator/src/server/config.ts',
    'probes/src/config.ts',
    'web/src/server/config.ts',
    'web/src/embedded/config.ts',
    'web/src/production/config.ts',
    'web/src/converter/config.ts',
  ];
  for (const path of configs)
    it(`documents every variable ${path} reads`, () => {
      const source = readFileSync(fileURLToPath(new URL(path, root)), 'utf8');
      const names = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]!);
      assert.ok(names.length > 0, 'the schema was found');
      assert.deepEqual(
        names.filter((name) => !documented.has(name)),
        [],
      );
    });
});
