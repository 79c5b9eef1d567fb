import styles from './results.module.css';
import { SlideResultsView, type SlideResultsProps } from './SlideResultsView.tsx';

export type { SlideResultsProps } from './SlideResultsView.tsx';
export type { ResultEntry } from './aggregate.ts';

/**
 * The live results of one slide (teacher dashboard, projector, student reveal).
 *
 * The only file that imports the stylesheet: Node cannot load a `.css` import, so the render
 * tests use SlideResultsView with stand-in class names, and everything but this binding is tested.
 */
export function SlideResults(props: SlideResultsProps) {
  return <SlideResultsView {...props} classes={styles} />;
}
