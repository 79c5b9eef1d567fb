import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A homework's due time (ms since 1970; null: a live lesson), so the teacher's library can say
 * "Due …" or "Final" without asking the realtime tier about every session.
 */
export const dueAt: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('due_at', 'bigint').execute();
  },
};
