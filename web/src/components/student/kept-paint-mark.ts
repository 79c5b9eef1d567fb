/**
 * A returning student's page paints their last live view before its JavaScript has run: the
 * live page keeps a copy of its `<main>` on the device (`keepPaint`), and on the next load an
 * inline script (kept-paint-script.ts) puts it into an empty, inert slot in front of the page's
 * "Connecting to your class…" main, which a style then hides. React never hydrates the copy: the
 * slot is rendered with empty inner HTML, and the copy is dropped whole, not updated, once the
 * session client shows the live view (StudentApp leaves the branch that renders the slot). The
 * question is then the page's largest content from the first paint on (LCP), and nothing that
 * stays on the page moves (CLS 0).
 */
/** The slot the inline script fills (StudentApp renders it empty; React never touches its content). */
export const KEPT_PAINT_SLOT_ATTRIBUTE = 'data-student-kept-paint';
/** The page's own main before the student joined, hidden while the slot has content. */
export const JOINING_ATTRIBUTE = 'data-student-joining';

/**
 * What is kept: the markup, and the stylesheets it was styled by (content-hashed names: a copy
 * from another build of the page, or one whose sheets can no longer load, is not painted).
 */
export interface KeptPaint {
  html: string;
  sheets: string[];
  /** The page's language when kept: a copy in another language is not painted. */
  lang: string;
}
