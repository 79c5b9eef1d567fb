import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

export interface RuleFile {
  /** The file name, `targets.rules.yml`: how messages name it. */
  name: string;
  /** The absolute path: what promtool reads. */
  path: string;
  groups: RuleGroup[];
}

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

/** `<dir>/<name>.rules.yml`: one rule file by its name without the suffix. */
export const ruleFilePath = (name: string, dir: string = RULES_DIR) =>
  join(dir, `${name}${RULE_FILE_SUFFIX}`);

/** The absolute paths of every `*.rules.yml` in `dir`, in name order; there must be one. */
export function ruleFilePaths(dir: string = RULES_DIR): string[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(RULE_FILE_SUFFIX))
    .sort();
  if (files.length === 0) throw new RuleFileError(`No *${RULE_FILE_SUFFIX} files in ${dir}.`);
  return files.map((file) => join(dir, file));
}

/** One rule file, parsed: a top-level `groups` list, each group with a `name` and `rules`. */
export function readRuleFile(path: string): RuleFile {
  const name = basename(path);
  const document = parse(readFileSync(path, 'utf8')) as unknown;
  const groups = (document as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups))
    throw new RuleFileError(`${name}: a rule file has a top-level "groups" list.`);
  for (const group of groups as RuleGroup[])
    if (typeof group?.name !== 'string' || !Array.isArray(group.rules))
      throw new RuleFileError(`${name}: every group has a "name" and a "rules" list.`);
  return { name, path, groups: groups as RuleGroup[] };
}

/** Every `*.rules.yml` in `dir`, parsed, in name order. */
export function loadRuleFiles(dir: string = RULES_DIR): RuleFile[] {
  return ruleFilePaths(dir).map(readRuleFile);
}

/** Every group of every `*.rules.yml`, files in name order; group names must be unique. */
export function loadRuleGroups(dir: string = RULES_DIR): RuleGroup[] {
  const groups: RuleGroup[] = [];
  const seen = new Map<string, string>();
  for (const file of loadRuleFiles(dir)) {
    for (const group of file.groups) {
      const earlier = seen.get(group.name);
      if (earlier)
        throw new RuleFileError(
          `${file.name}: group "${group.name}" is already defined in ${earlier}; one PrometheusRule holds every group, so names must be unique.`,
        );
      seen.set(group.name, file.name);
      groups.push(group);
    }
  }
  return groups;
}
