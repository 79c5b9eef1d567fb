/**
 * Class names of results.module.css, passed down as a plain object. Only SlideResults.tsx imports
 * the stylesheet; every other file takes `classes`, so the views also render under plain Node
 * (the render tests), where a `.css` import cannot be loaded.
 */
export type ResultsClasses = Readonly<Record<string, string>>;

/** Joins class names, skipping the absent ones (a missing module class is `undefined`). */
export function cn(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
