import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Student data privacy (issue 25): the deployment's retention policy, a teacher's "keep until" per
 * session and when a session ended (so the retention job finds what to delete in one query), and
 * the access audit (who opened or downloaded which report, who changed retention): account ids,
 * session ids and times only, never a student's data.
 */
export const privacy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('ended_at', 'bigint').execute();
    await db.schema.alterTable('sessions').addColumn('keep_until', 'bigint').execute();

    await db.schema
      .createTable('retention_policy')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('retention_days', 'integer', (c) => c.notNull())
      .addColumn('max_keep_days', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('access_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('access_audit_at').on('access_audit').columns(['at']).execute();
    await db.schema
      .createIndex('access_audit_account')
      .on('access_audit')
      .columns(['account_id', 'at'])
      .execute();
    await db.schema
      .createIndex('access_audit_session')
      .on('access_audit')
      .columns(['session_id', 'at'])
      .execute();
  },
};
