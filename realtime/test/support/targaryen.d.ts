// The part of targaryen (no types of its own) the rules tests use.
declare module 'targaryen' {
  export interface RuleResult {
    allowed: boolean;
    info: string;
  }
  export interface RulesDatabase {
    as(auth: object | null): RulesDatabase;
    read(path: string, now?: number): RuleResult;
    write(path: string, value: unknown, options?: { now?: number }): RuleResult;
    update(path: string, patch: Record<string, unknown>, now?: number): RuleResult;
  }
  export function database(rules: object, data?: unknown, now?: number): RulesDatabase;
}
