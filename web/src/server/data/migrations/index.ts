import type { Migration } from 'kysely/migration';
import { decksAndSessions } from './0001-decks-and-sessions.ts';
import { uploads } from './0002-uploads.ts';
import { accounts } from './0003-accounts.ts';
import { sharing } from './0004-sharing.ts';
import { studentSignIn } from './0005-student-sign-in.ts';
import { dueAt } from './0006-due-at.ts';
import { imports } from './0007-imports.ts';
import { teacherLanguage } from './0008-teacher-language.ts';
import { privacy } from './0009-privacy.ts';
import { retentionJob } from './0010-retention-job.ts';

/**
 * Every migration, by name, in the order they run. Names sort in that order; a migration, once
 * released, never changes (add a new one instead).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-decks-and-sessions': decksAndSessions,
  '0002-uploads': uploads,
  '0003-accounts': accounts,
  '0004-sharing': sharing,
  '0005-student-sign-in': studentSignIn,
  '0006-due-at': dueAt,
  '0007-imports': imports,
  '0008-teacher-language': teacherLanguage,
  '0009-privacy': privacy,
  '0010-retention-job': retentionJob,
};
