import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Slide imports (PDF, PowerPoint) and how far each got, so any web replica can answer "page 12
 * of 60" and a teacher who reloads the page finds the import where it was.
 */
export const imports: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('teacher_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('pages_done', 'integer', (c) => c.notNull())
      .addColumn('pages_total', 'integer')
      .addColumn('deck_id', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('imports_by_teacher')
      .on('imports')
      .columns(['teacher_id', 'created_at'])
      .execute();
  },
};
