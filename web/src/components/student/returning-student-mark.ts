/**
 * A returning student must never see the name form, not even for the frame before React
 * hydrates: the server cannot know (the identity lives in this browser's localStorage), so a
 * tiny inline script, run by the parser before the page's content, looks for the identity and
 * adds a style that hides the name form and shows "Connecting to your class…" in its place.
 * A style element in <head>, not an attribute on <html>: React hydrates <html> and would see a
 * mismatch, while it skips nodes a script added to <head>. After hydration the page knows for
 * itself and removes the style when the student turned out to be new (a stale mark).
 */
export const RETURNING_STYLE_ID = 'classpulse-returning-student';

/** Marks the elements the style shows or hides (data attributes: CSS module names are hashed). */
export const NEWCOMER_ATTRIBUTE = 'data-student-newcomer';
export const RESUMING_ATTRIBUTE = 'data-student-resuming';

/** The page knows the student is new after all: the name form shows. */
export function forgetReturningMark(): void {
  document.getElementById(RETURNING_STYLE_ID)?.remove();
}

/** Set by the server on the page's inline script: the transport the page starts on. */
export const TRANSPORT_ATTRIBUTE = 'data-student-transport';

/** The transport the server said this page starts on, once the inline script is parsed. */
export function pageTransport(): string | undefined {
  return (
    document.querySelector(`script[${TRANSPORT_ATTRIBUTE}]`)?.getAttribute(TRANSPORT_ATTRIBUTE) ??
    undefined
  );
}
