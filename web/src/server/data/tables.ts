import type { Generated } from 'kysely';

/**
 * The web tier's tables, as Kysely sees them, on SQLite (embedded default) and PostgreSQL alike.
 * Times are milliseconds since the epoch (PostgreSQL `bigint`, read back as numbers); a deck is
 * its validated JSON as text; an upload's bytes are a blob (`bytea` on PostgreSQL).
 */
export interface DecksTable {
  id: string;
  teacher_id: string;
  title: string;
  deck: string;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  id: string;
  teacher_id: string;
  deck_id: string | null;
  title: string;
  join_code: string;
  teacher_token: string;
  created_at: number;
  /** How students of this session sync: 'socket' (our realtime tier) or 'firebase'. */
  transport: Generated<string>;
  /** 1: students sign in with their school account instead of joining by code and name. */
  student_sign_in: Generated<number>;
  /** A homework's due time (ms since 1970), as started or last set from the dashboard. */
  due_at: number | null;
  /** When the web tier learned the session ended (ms since 1970); null until then. */
  ended_at: number | null;
  /** The teacher asked to keep it past the retention period, until this moment. */
  keep_until: number | null;
  /** The retention pass deleting this session right now (see retention_job_lease); else null. */
  deletion_claimed_by: string | null;
  deletion_claimed_at: number | null;
}

/** A student who signed in to a session with the school account (one per address). */
export interface SessionStudentsTable {
  session_id: string;
  /** Lower-cased. */
  email: string;
  /** The student's id on the realtime tier. */
  student_id: string;
  name: string;
  created_at: number;
}

export interface UploadsTable {
  /** `<sha-256 of the bytes>.<extension>`: the public name, so a name never changes meaning. */
  name: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  created_at: number;
}

export type ImportState = 'queued' | 'converting' | 'done' | 'failed';

/** One slide import: a PDF or PowerPoint file becoming slides, page by page. */
export interface ImportsTable {
  id: string;
  teacher_id: string;
  file_name: string;
  state: ImportState;
  pages_done: number;
  pages_total: number | null;
  /** The new deck (once done) or the deck appended to (from the start). */
  deck_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
}

export type AccountRole = 'teacher' | 'admin';

export interface AccountsTable {
  id: string;
  /** Lower-cased; one account per address. */
  email: string;
  name: string;
  role: AccountRole;
  /** argon2id PHC string; null for accounts that only sign in through the school's provider. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: number | null;
  /** Sign-in cookies issued before this moment no longer count ("sign out everywhere"). */
  sessions_valid_after: Generated<number>;
  created_at: number;
  last_sign_in_at: number | null;
  /** The teacher's interface language (an offered locale); null: the browser's. */
  language: string | null;
}

/** What a one-time link does when it is opened. */
export type LinkPurpose = 'setup' | 'invitation' | 'password-reset';

export interface OneTimeLinksTable {
  /** SHA-256 of the link's secret: the database never holds a usable link. */
  token_hash: string;
  purpose: LinkPurpose;
  /** invitation: the address invited. */
  email: string | null;
  /** setup and invitation: the new account's role. */
  role: AccountRole | null;
  /** password-reset: whose password. */
  account_id: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** What a teacher may do with a deck shared with them (the owner may do everything). */
export type DeckPermission = 'view' | 'edit';

export interface DeckSharesTable {
  deck_id: string;
  account_id: string;
  permission: DeckPermission;
  shared_by: string;
  created_at: number;
}

/** Teachers with the owner's control of a live session (the realtime tier holds the same list). */
export interface SessionCoTeachersTable {
  session_id: string;
  account_id: string;
  added_by: string;
  created_at: number;
}

/** The deployment's retention policy: one row, id 'deployment'; absent means the defaults. */
export interface RetentionPolicyTable {
  id: string;
  /** Ended sessions are deleted this many days after they end. */
  retention_days: number;
  /** The longest a teacher may keep a session, in days after it ended. */
  max_keep_days: number;
  updated_by: string | null;
  updated_at: number;
}

/** One access to a report, an export or a health report, or a change of retention. */
export interface AccessAuditTable {
  id: string;
  at: number;
  account_id: string;
  /** An `AccessAction`. */
  action: string;
  session_id: string | null;
  /** What a change set (e.g. "365 days"); never a student's data. */
  detail: string | null;
}

/** Which replica runs the retention job's pass (one row, id 'retention'), and the last success. */
export interface RetentionJobLeaseTable {
  id: string;
  holder: string | null;
  expires_at: number;
  last_success_at: number | null;
}

export interface WebTables {
  retention_job_lease: RetentionJobLeaseTable;
  retention_policy: RetentionPolicyTable;
  access_audit: AccessAuditTable;
  deck_shares: DeckSharesTable;
  session_co_teachers: SessionCoTeachersTable;
  session_students: SessionStudentsTable;
  accounts: AccountsTable;
  one_time_links: OneTimeLinksTable;
  decks: DecksTable;
  sessions: SessionsTable;
  uploads: UploadsTable;
  imports: ImportsTable;
}
