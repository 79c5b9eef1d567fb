/**
 * Where the student page keeps the markup of a student's last live view, per session and
 * student (so a device only ever paints a student their own view): the page's inline script
 * paints it before the page's JavaScript has loaded (web: components/student/kept-paint*.ts).
 * Here, beside the client's other keys, so a forgotten identity forgets its paint too.
 */
export const keptPaintKey = (sessionId: string, studentId: string) =>
  `${KEPT_PAINT_KEY_PREFIX}${sessionId}:${studentId}`;

/** The key's fixed start, for the page's inline script (which builds the key itself). */
export const KEPT_PAINT_KEY_PREFIX = 'classpulse:v1:paint:';
