import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Decks and the session library. Data folders written before migrations existed already have
 * these tables (same columns), so everything is created only if missing, and a `sessions` table
 * from before the Firebase transport gets its `transport` column.
 */
export const decksAndSessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('decks')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('teacher_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('deck', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('decks_teacher')
      .ifNotExists()
      .on('decks')
      .columns(['teacher_id', 'updated_at'])
      .execute();

    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('teacher_id', 'text', (c) => c.notNull())
      .addColumn('deck_id', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('join_code', 'text', (c) => c.notNull())
      .addColumn('teacher_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('transport', 'text', (c) => c.notNull().defaultTo('socket'))
      .execute();
    const sessions = (await db.introspection.getTables()).find((t) => t.name === 'sessions');
    if (sessions && !sessions.columns.some((c) => c.name === 'transport'))
      await db.schema
        .alterTable('sessions')
        .addColumn('transport', 'text', (c) => c.notNull().defaultTo('socket'))
        .execute();
    await db.schema
      .createIndex('sessions_teacher')
      .ifNotExists()
      .on('sessions')
      .columns(['teacher_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('sessions_join_code')
      .ifNotExists()
      .on('sessions')
      .columns(['join_code', 'created_at'])
      .execute();
  },
};
