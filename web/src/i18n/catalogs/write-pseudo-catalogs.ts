import { readFile, writeFile } from 'node:fs/promises';
import { NAMESPACES } from '../namespaces.ts';
import { PSEUDO_LOCALE } from '../locales.ts';
import { pseudoCatalog, type Catalog } from './pseudo-locale.ts';

/**
 * `npm run -w web messages`: writes `messages/<namespace>/en-XA.json` from English. The catalog
 * test fails while a committed pseudo catalog differs from what this writes.
 */
const messages = new URL('../../../messages/', import.meta.url);
for (const ns of NAMESPACES) {
  const english = JSON.parse(await readFile(new URL(`${ns}/en.json`, messages), 'utf8')) as Catalog;
  const pseudo = `${JSON.stringify(pseudoCatalog(english), null, 2)}\n`;
  await writeFile(new URL(`${ns}/${PSEUDO_LOCALE}.json`, messages), pseudo);
}
console.log(`wrote ${NAMESPACES.length} ${PSEUDO_LOCALE} catalogs`);
