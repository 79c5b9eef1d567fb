/**
 * `npm run rules -w @classpulse/k8s`: rewrites the rule files generated from code
 * (src/rules/generated-rule-files.ts). A test fails while a checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { generatedRuleFiles } from '../src/rules/generated-rule-files.ts';

for (const { path, text } of generatedRuleFiles()) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
