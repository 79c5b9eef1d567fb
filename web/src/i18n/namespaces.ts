/**
 * Message catalogs are split by namespace, one folder each under `web/messages/<namespace>/`,
 * with one file per locale (`en.json`, `es.json`, `ar.json`, and the generated `en-XA.json`).
 * A page's client components receive only the namespaces it needs, in the reader's language only:
 * the student page never carries the teacher's strings.
 */
export const NAMESPACES = [
  'common',
  'errors',
  'student',
  'kinds',
  'teacher',
  'editor',
  'dashboard',
  'projector',
  'reports',
  'accounts',
  'network',
  'privacy',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** What the join page and the student's session page need. */
export const STUDENT_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'student', 'kinds'];

/** Teacher pages (library, editor, dashboard, reports, projector, admin). */
// The privacy catalog is the public page's (a server component); the few teacher forms that use
// it get it from their own provider, so the dashboard does not carry it.
export const TEACHER_NAMESPACES: readonly Namespace[] = NAMESPACES.filter(
  (ns) => ns !== 'student' && ns !== 'privacy',
);

/** The retention and keep-until forms (admin page, report page). */
export const PRIVACY_FORM_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'privacy'];

/** Sign-in, first-run setup, invitations and password resets. */
export const ACCOUNT_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'accounts'];

/** The network check school IT runs. */
export const NETWORK_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'network'];
