/**
 * The message catalogs (web/messages/<namespace>/<locale>.json): every language has every English
 * key and no other, every message is valid ICU, says the same placeholders, plural and select
 * arguments and tags as English, uses only its language's plural categories, and the generated
 * pseudo-locale matches English. Every server error code has a message.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ERROR_CODES } from '@classpulse/realtime/protocol';
import { CONVERSION_ERROR_CODES } from '../src/importing/conversion-events.ts';
import { pseudoCatalog, type Catalog } from '../src/i18n/catalogs/pseudo-locale.ts';
import { LOCALES, PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { NAMESPACES } from '../src/i18n/namespaces.ts';

const MESSAGES = new URL('../messages/', import.meta.url);

async function catalog(ns: string, locale: string): Promise<Catalog> {
  return JSON.parse(await readFile(new URL(`${ns}/${locale}.json`, MESSAGES), 'utf8')) as Catalog;
}

/** Flattens nested catalogs to `a.b.c` → message. */
function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

interface Shape {
  arguments: Set<string>;
  tags: Set<string>;
  /** Cardinal plural keys, and `ordinal:<key>` for selectordinal ones. */
  pluralCategories: Set<string>;
}

/** What a message must agree on with its English original, and the plural keys it uses. */
function shapeOf(elements: MessageFormatElement[], shape: Shape = emptyShape()): Shape {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      shape.tags.add(e.value);
      shapeOf(e.children, shape);
      continue;
    }
    shape.arguments.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const [key, option] of Object.entries(e.options)) {
        if (e.type === TYPE.plural && !key.startsWith('='))
          shape.pluralCategories.add(e.pluralType === 'ordinal' ? `ordinal:${key}` : key);
        shapeOf(option.value, shape);
      }
      assert.ok('other' in e.options, `{${e.value}} needs an "other" case`);
    }
  }
  return shape;
}

function emptyShape(): Shape {
  return { arguments: new Set(), tags: new Set(), pluralCategories: new Set() };
}

const sorted = (s: Set<string>) => [...s].sort();

describe('message catalogs', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: every language has exactly the English keys, with valid, matching ICU messages`, async () => {
      const english = flatten(await catalog(ns, 'en'));
      for (const locale of LOCALES) {
        const messages = flatten(await catalog(ns, locale));
        const missing = [...english.keys()].filter((k) => !messages.has(k));
        const extra = [...messages.keys()].filter((k) => !english.has(k));
        assert.deepEqual(missing, [], `${ns}/${locale}.json lacks keys`);
        assert.deepEqual(extra, [], `${ns}/${locale}.json has keys English does not`);
        const categories = new Set<string>([
          ...new Intl.PluralRules(locale).resolvedOptions().pluralCategories,
          ...new Intl.PluralRules(locale, { type: 'ordinal' })
            .resolvedOptions()
            .pluralCategories.map((c) => `ordinal:${c}`),
        ]);
        for (const [key, message] of messages) {
          const where = `${ns}/${locale}.json ${key}`;
          assert.ok(message.trim() !== '', `${where} is empty`);
          let shape: Shape;
          try {
            shape = shapeOf(parse(message));
          } catch (error) {
            assert.fail(`${where}: ${(error as Error).message}`);
          }
          const source = shapeOf(parse(english.get(key)!));
          assert.deepEqual(
            sorted(shape.arguments),
            sorted(source.arguments),
            `${where} placeholders`,
          );
          assert.deepEqual(sorted(shape.tags), sorted(source.tags), `${where} tags`);
          for (const c of shape.pluralCategories)
            assert.ok(categories.has(c), `${where}: "${c}" is not a plural category of ${locale}`);
        }
      }
    });

    it(`${ns}: the pseudo-locale is generated from English (npm run -w web messages)`, async () => {
      assert.deepEqual(await catalog(ns, PSEUDO_LOCALE), pseudoCatalog(await catalog(ns, 'en')));
    });
  }

  it('every error code a server sends has a message a page can show', async () => {
    const errors = flatten(await catalog('errors', 'en'));
    const codes = [...Object.keys(ERROR_CODES), ...CONVERSION_ERROR_CODES, 'unknown', 'network'];
    assert.deepEqual(
      codes.filter((c) => !errors.has(c)),
      [],
    );
  });
});
