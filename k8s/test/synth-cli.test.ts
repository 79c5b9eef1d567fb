import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const SYNTH = fileURLToPath(new URL('../scripts/synth.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'classpulse-synth-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function synth(calendar: string) {
  const file = join(dir, `calendar-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, calendar);
  return spawnSync(
    process.execPath,
    [SYNTH, '--namespace', 'springfield', '--tag', 'abc', '--school-calendar', file],
    { encoding: 'utf8' },
  );
}

describe('npm run synth --school-calendar', () => {
  it('deploys the calendar in the file to Alertmanager and the aggregator', () => {
    const result = synth(
      JSON.stringify({
        timeZone: 'America/Chicago',
        holidays: { preset: 'none' },
        closures: [{ name: 'Summer', from: '2026-06-05', to: '2026-08-19' }],
      }),
    );
    assert.equal(result.status, 0, result.stderr);
    const objects = parseAllDocuments(result.stdout).map((d) => d.toJS() as unknown) as Array<{
      kind: string;
      metadata: { name: string };
      stringData?: Record<string, string>;
      spec?: {
        template?: {
          spec: { containers: Array<{ env?: Array<{ name: string; value?: string }> }> };
        };
      };
    }>;
    const aggregator = objects.find(
      (o) => o.kind === 'Deployment' && o.metadata.name === 'aggregator',
    );
    const env = aggregator?.spec?.template?.spec.containers[0]?.env ?? [];
    const value = (name: string) => env.find((e) => e.name === name)?.value;
    assert.equal(value('AGGREGATOR_SCHOOL_TIME_ZONE'), 'America/Chicago');
    assert.equal(value('AGGREGATOR_SCHOOL_CLOSED_DATES'), '2026-06-05..2026-08-19');
    const config =
      objects.find((o) => o.kind === 'Secret')?.stringData?.['alertmanager.yaml'] ?? '';
    assert.match(config, /months: \['july'\]\n\s+location: 'America\/Chicago'/);
  });

  it('names the problem in a bad or unreadable calendar and exits 2', () => {
    const bad = synth(JSON.stringify({ timeZone: 'America/Springfield' }));
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /schoolCalendar\.timeZone: timeZone "America\/Springfield" is not a known/,
    );
    const broken = synth('{ "closures": [');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /--school-calendar .*calendar-.*\.json: .*JSON/);
  });
});
