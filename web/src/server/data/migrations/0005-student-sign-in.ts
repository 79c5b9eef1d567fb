import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Sessions whose students sign in with their school account, and who signed in: one student of
 * the session per address, so a second device resumes the same student, and the report can
 * name the address.
 */
export const studentSignIn: Migration = {
  async up(db: Kysely<unknown>) {
    // 0 or 1: an integer reads back the same on SQLite and PostgreSQL.
    await db.schema
      .alterTable('sessions')
      .addColumn('student_sign_in', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('session_students')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('student_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_students_pk', ['session_id', 'email'])
      .execute();
  },
};
