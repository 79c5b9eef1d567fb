import { auditAccess } from './access-audit.ts';
import { database } from './db.ts';
import {
  eraseSessionStudentRow,
  sessionStudentSignIn,
  type AdminSessionSummary,
} from './data/student-request-repository.ts';
import { sessionsOf, type StudentRef } from './student-requests.ts';
import {
  endSessionAsOwner,
  eraseStudentAsOwner,
  studentDataAsOwner,
} from './student-requests-realtime.ts';

export interface EraseOutcome {
  /** Sessions the student is gone from (realtime tier and web rows). */
  erased: number;
  /** Sessions where erasing failed, with why; the student's data there is untouched. */
  failed: Array<{ sessionId: string; status: number; message: string }>;
}

const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase().trim();

/** A chosen student as the erase page lists them: the name, the session, its teacher and date. */
export interface EraseTarget extends AdminSessionSummary {
  studentId: string;
  name: string;
}

/** The chosen students that are still there to erase (the realtime tier's name for each). */
export async function eraseTargets(refs: readonly StudentRef[]): Promise<EraseTarget[]> {
  const db = await database();
  const sessions = await sessionsOf(refs);
  const targets: EraseTarget[] = [];
  for (const ref of refs) {
    const session = sessions.get(ref.sessionId);
    if (!session) continue;
    const data = await studentDataAsOwner(session.ownerId, ref.sessionId, ref.studentId);
    // Gone from the realtime tier but still mapped to an address (an erasure cut short): the
    // row's name, so the request can be finished.
    const name = data.ok
      ? data.value.student.name
      : data.status === 404
        ? (await sessionStudentSignIn(db, ref.sessionId, ref.studentId))?.name
        : undefined;
    if (name !== undefined) targets.push({ ...session, studentId: ref.studentId, name });
  }
  return targets;
}

/**
 * The name the admin typed to confirm must be the chosen student's name (in at least one of
 * the chosen sessions: a student may have typed their name differently from class to class).
 */
export async function confirmationMatches(
  refs: readonly StudentRef[],
  typed: string,
): Promise<boolean> {
  return (await eraseTargets(refs)).some((target) => fold(target.name) === fold(typed));
}

/**
 * Erases the chosen student from every chosen session: first from the realtime tier (names,
 * answers, health records; reports, CSVs and health reports are made from it, so they lose the
 * student too), then the web tier's row mapping the school address to them. A session that
 * failed on the realtime tier keeps its web row, so the student can still be found and the
 * request finished. Each erased session is audited as 'student.erase' with its id and a count of
 * what went, never the name, address or answers. The realtime tier refuses a live session (a
 * student's device could still be sending); with `endLive` the admin chose to end such a session
 * first, as its teacher would, and the audit says so.
 */
export async function eraseStudents(
  adminId: string,
  refs: readonly StudentRef[],
  { endLive = false }: { endLive?: boolean } = {},
): Promise<EraseOutcome> {
  const db = await database();
  const sessions = await sessionsOf(refs);
  const outcome: EraseOutcome = { erased: 0, failed: [] };
  for (const ref of refs) {
    const session = sessions.get(ref.sessionId);
    // Gone from the web tier: its realtime data went with it (deleteSessionEverywhere).
    let ended = false;
    let realtime = session
      ? await eraseStudentAsOwner(session.ownerId, ref.sessionId, ref.studentId)
      : ({ ok: true, value: { erased: false } } as const);
    if (session && !realtime.ok && realtime.status === 409 && endLive) {
      const end = await endSessionAsOwner(session.ownerId, ref.sessionId);
      ended = end.ok;
      realtime = end.ok
        ? await eraseStudentAsOwner(session.ownerId, ref.sessionId, ref.studentId)
        : end;
    }
    if (!realtime.ok) {
      outcome.failed.push({
        sessionId: ref.sessionId,
        status: realtime.status,
        message: realtime.message,
      });
      continue;
    }
    const rows = await eraseSessionStudentRow(db, ref.sessionId, ref.studentId);
    const records = rows + (realtime.value.erased ? 1 : 0);
    const detail = `records=${records}${ended ? ', ended the live session' : ''}`;
    await auditAccess(adminId, 'student.erase', ref.sessionId, detail);
    outcome.erased += 1;
  }
  return outcome;
}
