import type * as z from 'zod/mini';

/**
 * Plain-language messages for zod's built-in checks, for people filling in a form. Pass it as a
 * parse's `error` map: a schema's own message still wins. Without it, `zod/mini` (which loads no
 * locale, to keep the student page light) says only "Invalid input".
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'Enter a number.' : 'This is missing.';
    case 'too_small':
      if (issue.origin === 'string') return 'This cannot be empty.';
      if (issue.origin === 'array') return `Add at least ${String(issue.minimum)}.`;
      return `Use ${String(issue.minimum)} or more.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${String(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `Use at most ${String(issue.maximum)}.`;
      return `Use ${String(issue.maximum)} or less.`;
    case 'invalid_format':
      return 'This has characters that are not allowed.';
    default:
      return undefined;
  }
}
