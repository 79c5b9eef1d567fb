import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The daily retention job, safe on several replicas at once: one lease row (which replica runs
 * the pass, until when, and when a pass last finished), and a claim on each session being deleted
 * (which pass took it, when), so two passes never delete or count the same session twice.
 */
export const retentionJob: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('deletion_claimed_by', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('deletion_claimed_at', 'bigint').execute();

    await db.schema
      .createTable('retention_job_lease')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('last_success_at', 'bigint')
      .execute();
  },
};
