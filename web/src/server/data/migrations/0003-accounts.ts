import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Teacher accounts and one-time links (the owner's setup link, invitations, password resets).
 * Decks and sessions keep their `teacher_id` column, which now holds an account id; rows of the
 * embedded default's single teacher (`local`) move to the owner when the setup link is used.
 */
export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('oidc_issuer', 'text')
      .addColumn('oidc_subject', 'text')
      .addColumn('disabled_at', 'bigint')
      .addColumn('sessions_valid_after', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('accounts_oidc_identity')
      .unique()
      .on('accounts')
      .columns(['oidc_issuer', 'oidc_subject'])
      .execute();

    await db.schema
      .createTable('one_time_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('role', 'text')
      .addColumn('account_id', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('one_time_links_purpose')
      .on('one_time_links')
      .columns(['purpose', 'created_at'])
      .execute();
  },
};
