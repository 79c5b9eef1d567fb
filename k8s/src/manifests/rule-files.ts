import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The rule files promtool tests (k8s/test/*-rules.test.ts): exactly these are deployed. */
export const RULES_DIR = fileURLToPath(new URL('../../prometheus/rules/', import.meta.url));
export const RULE_FILE_SUFFIX = '.rules.yml';

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

/** Every group of every `*.rules.yml`, files in name order; group names must be unique. */
export function loadRuleGroups(dir: string = RULES_DIR): RuleGroup[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(RULE_FILE_SUFFIX))
    .sort();
  if (files.length === 0) throw new RuleFileError(`No *${RULE_FILE_SUFFIX} files in ${dir}.`);
  const groups: RuleGroup[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const document = parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const fileGroups = (document as { groups?: unknown } | null)?.groups;
    if (!Array.isArray(fileGroups))
      throw new RuleFileError(`${file}: a rule file has a top-level "groups" list.`);
    for (const group of fileGroups as RuleGroup[]) {
      if (typeof group?.name !== 'string' || !Array.isArray(group.rules))
        throw new RuleFileError(`${file}: every group has a "name" and a "rules" list.`);
      const earlier = seen.get(group.name);
      if (earlier)
        throw new RuleFileError(
          `${file}: group "${group.name}" is already defined in ${earlier}; one PrometheusRule holds every group, so names must be unique.`,
        );
      seen.set(group.name, file);
      groups.push(group);
    }
  }
  return groups;
}
