/** Question kinds: one module each (DESIGN.md, convention 11), gathered in `registry.ts`. */
export * from './registry.ts';
export type { GateValue, KindModule } from './kind.ts';
export {
  imageAltSchema,
  imageUrlSchema,
  inRegion,
  pointSchema,
  regionSchema,
  type Point,
  type Region,
} from './common.ts';
export * from './multiple-choice.ts';
export * from './short-text.ts';
export * from './number.ts';
export * from './word-cloud.ts';
export * from './scale.ts';
export * from './drawing.ts';
export * from './pin-on-image.ts';
export * from './ranking.ts';
export * from './sort-into-groups.ts';
export * from './draggable.ts';
export * from './image-choice.ts';
