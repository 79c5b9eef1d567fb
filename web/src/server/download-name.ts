/** A deck title as a safe file name part: letters, digits, "-" and "_" only. */
export function downloadName(title: string): string {
  return (
    title
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'session'
  );
}
