import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/**
 * The cluster layer builds on the stores (leases, RPC, the Redis store as its log); a store that
 * imported from cluster/ would make the two a cycle again. What both need (the owner key, the
 * fenced-write error) lives in store/ownership.ts.
 */
describe('store/ boundary', () => {
  it('no file of server/store imports from server/cluster', () => {
    const dir = new URL('../src/server/store/', import.meta.url);
    const offenders: string[] = [];
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.ts')) continue;
      const source = readFileSync(new URL(name, dir), 'utf8');
      for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g))
        if (/(^|\/)cluster\//.test(match[1]!)) offenders.push(`${name} → ${match[1]}`);
    }
    assert.deepEqual(offenders, []);
  });
});
