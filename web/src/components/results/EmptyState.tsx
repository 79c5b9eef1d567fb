import type { ResultsClasses } from './classes.ts';

/** Said plainly rather than drawing an empty chart, so nobody reads a blank as "zero". */
export function EmptyState({ text, classes }: { text: string; classes: ResultsClasses }) {
  return <p className={classes.empty}>{text}</p>;
}
