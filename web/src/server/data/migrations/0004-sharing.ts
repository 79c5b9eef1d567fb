import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Decks shared with other teachers (view and copy, or edit) and sessions' co-teachers. */
export const sharing: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('deck_shares')
      .addColumn('deck_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('permission', 'text', (c) => c.notNull())
      .addColumn('shared_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('deck_shares_pk', ['deck_id', 'account_id'])
      .execute();
    await db.schema
      .createIndex('deck_shares_account')
      .on('deck_shares')
      .columns(['account_id'])
      .execute();

    await db.schema
      .createTable('session_co_teachers')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_co_teachers_pk', ['session_id', 'account_id'])
      .execute();
    await db.schema
      .createIndex('session_co_teachers_account')
      .on('session_co_teachers')
      .columns(['account_id', 'created_at'])
      .execute();
  },
};
