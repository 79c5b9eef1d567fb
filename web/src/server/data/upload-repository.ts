import type { Kysely } from 'kysely';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface StoredUpload {
  bytes: Buffer;
  contentType: string;
}

/**
 * Stores an upload under its content-addressed name. Idempotent: the same name always means the
 * same bytes, so a second store of it (another replica, a retry) changes nothing.
 */
export async function putUpload(
  db: Db,
  upload: { name: string; contentType: string; bytes: Uint8Array },
  now: number,
): Promise<void> {
  await db
    .insertInto('uploads')
    .values({
      name: upload.name,
      content_type: upload.contentType,
      size: upload.bytes.byteLength,
      // Both drivers bind a Buffer as a blob / bytea (better-sqlite3 wants exactly a Buffer).
      bytes: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
}

export async function getUpload(db: Db, name: string): Promise<StoredUpload | null> {
  const row = await db
    .selectFrom('uploads')
    .select(['bytes', 'content_type'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  const bytes = Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes);
  return { bytes, contentType: row.content_type };
}

/** Names per query: well under SQLite's and PostgreSQL's limits on bound parameters. */
const NAMES_PER_QUERY = 500;

/** Which of these names are stored. */
export async function storedUploadNames(db: Db, names: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
    const batch = names.slice(i, i + NAMES_PER_QUERY);
    const rows = await db.selectFrom('uploads').select('name').where('name', 'in', batch).execute();
    for (const row of rows) stored.add(row.name);
  }
  return stored;
}
