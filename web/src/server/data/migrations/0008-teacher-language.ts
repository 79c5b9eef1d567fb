import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A teacher's interface language (an offered locale tag such as "es"; null: follow the browser),
 * so every device the teacher signs in on speaks their language.
 */
export const teacherLanguage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('accounts').addColumn('language', 'text').execute();
  },
};
