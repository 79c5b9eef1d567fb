import type { QuestionKind } from '@classpulse/realtime/protocol';
import type { DraftValues } from '../../kinds/registry.ts';

/**
 * The form's draft: a kind and what that kind's input edits (kinds/<kind>/kind.ts).
 * `draftToCandidate` turns it into something the protocol schema can judge.
 */
export type Draft = { [K in QuestionKind]: { kind: K; value: DraftValues[K] } }[QuestionKind];
