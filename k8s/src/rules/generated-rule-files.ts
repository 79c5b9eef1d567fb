import { fileURLToPath } from 'node:url';
import { ruleFilePath } from '../manifests/rule-files.ts';
import { appLoadsHistoryRuleGroup, appLoadsRuleGroup } from './app-loads.ts';
import { generatedRuleFileText } from './rule-file-text.ts';

/** Rule files written from code: their path and the text they must hold. */
export function generatedRuleFiles(): Array<{ path: string; text: string }> {
  return [
    {
      path: ruleFilePath('app-loads'),
      text: generatedRuleFileText(
        'k8s/src/rules/app-loads.ts',
        [
          'Business alert: successful app loads against the same local time on recent school days.',
          'Why these windows, thresholds and guards: k8s/runbooks/app-loads-below-usual.md.',
        ].join('\n'),
        [appLoadsRuleGroup()],
      ),
    },
    {
      // Not deployed: what `promtool tsdb create-blocks-from rules` backfills (the runbook).
      path: fileURLToPath(
        new URL('../../prometheus/backfill/app-loads-history.rules.yml', import.meta.url),
      ),
      text: generatedRuleFileText(
        'k8s/src/rules/app-loads.ts',
        [
          'Not deployed. The recorded loads the app-load baseline reads weeks back, for backfilling',
          'a fresh Prometheus from the raw counters (k8s/runbooks/app-loads-below-usual.md).',
        ].join('\n'),
        [appLoadsHistoryRuleGroup()],
      ),
    },
  ];
}
