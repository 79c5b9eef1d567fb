import type { Kysely } from 'kysely';
import type { ImportState, ImportsTable, WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

/** An import as its teacher's page sees it. */
export interface ImportStatus {
  id: string;
  state: ImportState;
  fileName: string;
  pagesDone: number;
  pagesTotal: number | null;
  deckId: string | null;
  error: { code: string; message: string } | null;
}

function statusOf(row: ImportsTable): ImportStatus {
  return {
    id: row.id,
    state: row.state,
    fileName: row.file_name,
    pagesDone: row.pages_done,
    pagesTotal: row.pages_total,
    deckId: row.deck_id,
    error:
      row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
  };
}

export async function insertImport(
  db: Db,
  row: { id: string; teacherId: string; fileName: string; deckId: string | null },
  now: number,
): Promise<ImportStatus> {
  const values: ImportsTable = {
    id: row.id,
    teacher_id: row.teacherId,
    file_name: row.fileName,
    state: 'queued',
    pages_done: 0,
    pages_total: null,
    deck_id: row.deckId,
    error_code: null,
    error_message: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('imports').values(values).execute();
  return statusOf(values);
}

export async function updateImport(
  db: Db,
  id: string,
  change: Partial<{
    state: ImportState;
    pagesDone: number;
    pagesTotal: number;
    deckId: string;
    error: { code: string; message: string };
  }>,
  now: number,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      updated_at: now,
      ...(change.state === undefined ? {} : { state: change.state }),
      ...(change.pagesDone === undefined ? {} : { pages_done: change.pagesDone }),
      ...(change.pagesTotal === undefined ? {} : { pages_total: change.pagesTotal }),
      ...(change.deckId === undefined ? {} : { deck_id: change.deckId }),
      ...(change.error === undefined
        ? {}
        : { error_code: change.error.code, error_message: change.error.message }),
    })
    .where('id', '=', id)
    .execute();
}

/** The import if this teacher started it; null otherwise (as if missing). */
export async function getImport(
  db: Db,
  teacherId: string,
  id: string,
): Promise<ImportStatus | null> {
  const row = await db
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return row ? statusOf(row) : null;
}

/** Imports this teacher has queued or converting (a teacher gets a few at once, not a flood). */
export async function activeImportCount(db: Db, teacherId: string): Promise<number> {
  const row = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('teacher_id', '=', teacherId)
    .where('state', 'in', ['queued', 'converting'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Imports a stopped process left queued or converting can never finish: they fail with a clear
 * message at start-up, so the teacher is told to try again instead of waiting forever.
 */
export async function failUnfinishedImports(
  db: Db,
  olderThan: number,
  error: { code: string; message: string },
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('imports')
    .set({ state: 'failed', error_code: error.code, error_message: error.message, updated_at: now })
    .where('state', 'in', ['queued', 'converting'])
    .where('updated_at', '<', olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
