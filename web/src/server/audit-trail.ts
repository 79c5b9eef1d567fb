import type { AuditEntry, SessionState } from '@classpulse/realtime/protocol';
import { createTranslator } from 'next-intl';
import reports from '../../messages/reports/en.json';
import { renderWords, type FormatMessage, type Words } from '../i18n/words.ts';
import { database } from './db.ts';
import { accountNames } from './data/account-repository.ts';

/** A message of the `reports` catalog's `audit`: one teacher action in words. */
export type AuditKey = `audit.${keyof (typeof reports)['audit']}`;
export type AuditWords = Words<AuditKey>;

/** One line of a report's "Teacher actions": when, which teacher, what they did. */
export interface AuditRow {
  at: number;
  /** The teacher's name; null for an account that no longer exists. */
  who: string | null;
  /** What they did, for the page to say in the reader's language. */
  words: AuditWords;
  /** The same in English (the CSV). */
  what: string;
}

// Typed per key by next-intl; AuditKey holds these keys to the same catalog.
const english = createTranslator({
  locale: 'en',
  messages: { reports },
  namespace: 'reports',
}) as unknown as FormatMessage<AuditKey>;

/** The CSV's name for a teacher whose account is gone. */
export const FORMER_TEACHER = english('audit.formerTeacher');

/** The session's audit trail, oldest first, with each teacher's name. */
export async function auditTrail(state: SessionState): Promise<AuditRow[]> {
  const entries = state.audit ?? [];
  const names = await accountNames(
    await database(),
    entries.map((e) => e.by),
  );
  return entries.map((entry) => {
    const words = describe(state, entry);
    return {
      at: entry.at,
      who: names.get(entry.by) ?? null,
      words,
      what: renderWords(words, english),
    };
  });
}

const w = (key: keyof (typeof reports)['audit'], values?: AuditWords['values']): AuditWords =>
  values ? { key: `audit.${key}`, values } : { key: `audit.${key}` };

/** Which action, on which slide or student, as a message and its values (names are data). */
function describe(state: SessionState, entry: AuditEntry): AuditWords {
  const slideIndex = state.deck.slides.findIndex((s) => s.id === entry.slideId);
  const slideObj = state.deck.slides[slideIndex];
  const slide = slideObj
    ? w('slide', {
        number: slideIndex + 1,
        title: slideObj.title || slideObj.question?.prompt || slideObj.id,
      })
    : w('aSlide');
  const name = entry.studentId ? state.students[entry.studentId]?.name : undefined;
  const student = name === undefined ? w('aStudent') : name;
  const detail = entry.detail ?? '';
  switch (entry.action) {
    case 'goToSlide':
      return w('goToSlide', { number: Number(detail) || 0 });
    case 'lockSlide':
      return w('lockSlide', { slide });
    case 'unlockSlide':
      return w('unlockSlide', { slide });
    case 'startTimer':
      return /^\d+ s$/.test(detail)
        ? w('startTimer', { seconds: Number.parseInt(detail, 10), slide })
        : w('startTimerOther', { duration: detail, slide });
    case 'cancelTimer':
      return w('cancelTimer', { slide });
    case 'setReveal':
      return detail === 'hidden'
        ? w('hideResults', { slide })
        : w(detail === 'named' ? 'showResultsNamed' : 'showResultsAnonymous', { slide });
    case 'revealCorrect':
      return w(detail === 'true' ? 'revealCorrect' : 'hideCorrect', { slide });
    case 'hideResponse':
      return w(detail === 'true' ? 'hideResponse' : 'showResponse', { student, slide });
    case 'removeStudent':
      return w('removeStudent', { student });
    case 'readmitStudent':
      return w('readmitStudent', { student });
    case 'setExtendedTime':
      if (detail === 'unlimited') return w('extendedTimeUnlimited', { student });
      return Number(detail) > 1
        ? w('extendedTimeTimes', { student, factor: Number(detail) })
        : w('extendedTimeStandard', { student });
    case 'setClassSize':
      return w('setClassSize', { size: Number(detail) || 0 });
    case 'setJoinLocked':
      return w(detail === 'true' ? 'joinLocked' : 'joinUnlocked');
    case 'setWaitingRoom':
      return w(detail === 'true' ? 'waitingRoomOn' : 'waitingRoomOff');
    case 'admitStudents':
      return detail === 'all' ? w('admitAll') : w('admitSome', { count: Number(detail) || 0 });
    case 'setPacing':
      return w(detail === 'student' ? 'pacingStudent' : 'pacingTeacher');
    case 'setLatePolicy':
      return w('setLatePolicy', { policy: detail });
    case 'setStudentTransport':
      return w('setStudentTransport', { transport: detail });
    case 'setDarkLaunchShare':
      return w('setDarkLaunchShare', { share: detail });
    case 'setCoTeachers':
      return w('setCoTeachers', { count: Number(detail || '0') || 0 });
    case 'endSession':
      return w('endSession');
    default:
      return w('unknown', { action: entry.action });
  }
}
