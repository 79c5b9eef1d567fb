import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { bytesType } from './column-types.ts';

/**
 * Uploaded images move into the database, so every web replica can serve every image (they were
 * files in the data folder; the embedded default imports those once, see upload-repository.ts).
 */
export const uploads: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('uploads')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytesType(db), (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
