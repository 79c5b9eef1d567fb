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
}

export interface UploadsTable {
  /** `<sha-256 of the bytes>.<extension>`: the public name, so a name never changes meaning. */
  name: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  created_at: number;
}

export interface WebTables {
  decks: DecksTable;
  sessions: SessionsTable;
  uploads: UploadsTable;
}
