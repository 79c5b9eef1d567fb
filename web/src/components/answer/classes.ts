/**
 * Class names of answer.module.css. Only AnswerForm.tsx imports the stylesheet; every other file
 * takes `classes`, so the form also renders under plain Node (the render test), where a `.css`
 * import cannot be loaded. The list is checked against the stylesheet by the test.
 */
export const ANSWER_CLASS_NAMES = [
  'form',
  'group',
  'prompt',
  'hint',
  'error',
  'actions',
  'note',
  'choiceList',
  'choice',
  'choiceInput',
  'textarea',
  'counter',
  'counterNear',
  'numberInput',
  'wordList',
  'word',
  'scaleRow',
  'scaleStep',
  'scaleInput',
  'scaleFace',
  'scaleEnds',
  'drawing',
  'toolbar',
  'toolGroup',
  'toolLegend',
  'tools',
  'tool',
  'toolInput',
  'toolFace',
  'canvasFrame',
  'canvasBackground',
  'canvas',
  'drawingLimit',
  'pinStage',
  'pinImage',
  'pinOverlay',
  'rankList',
  'rankItem',
  'rankLifted',
  'rankPosition',
  'rankHandle',
  'rankGrip',
  'rankMove',
  'sortBoard',
  'sortZone',
  'sortTray',
  'sortTarget',
  'sortZoneHead',
  'sortZoneName',
  'sortCount',
  'sortHere',
  'sortItems',
  'sortChip',
  'sortLifted',
  'sortEmpty',
  'markerTray',
  'markerButton',
  'markerActive',
  'markerBadge',
  'markerLabel',
  'markerState',
  'markerStageTarget',
  'markerHandle',
  'markerMoving',
  'markerNumber',
  'markerText',
  'imageChoiceList',
  'imageChoice',
  'imageChoiceInput',
  'imageChoiceImage',
] as const;

export type AnswerClassName = (typeof ANSWER_CLASS_NAMES)[number];

/** A CSS module's class map, or `{}` where no stylesheet is loaded. */
export type AnswerClasses = Readonly<Partial<Record<AnswerClassName, string>>>;

/** Joins class names, skipping absent ones (a missing module class is `undefined`). */
export function cn(...names: Array<string | false | null | undefined>): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** Joins element ids for aria-describedby; `undefined` (no attribute) when there are none. */
export function idRefs(...ids: Array<string | false | null | undefined>): string | undefined {
  return cn(...ids);
}
