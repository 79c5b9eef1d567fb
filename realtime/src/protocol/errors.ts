/**
 * The one error shape of the protocol, and the table of codes. `retryable` tells a client whether
 * to keep a queued message and try again later (true) or give up and tell the user (false).
 */
export const ERROR_CODES = {
  bad_request: { retryable: false, message: 'The message does not match the protocol.' },
  payload_too_large: { retryable: false, message: 'The message is too large.' },
  unknown_event: { retryable: false, message: 'The server does not know this event.' },
  unsupported_protocol_version: {
    retryable: false,
    message: 'Reload the page to get the current version.',
  },
  unauthorized: { retryable: false, message: 'Sign-in is missing, invalid or expired.' },
  forbidden: { retryable: false, message: 'You are not allowed to do that.' },
  rate_limited: { retryable: true, message: 'Too many messages; slow down.' },
  join_rate_limited: {
    retryable: true,
    message: 'Too many students are joining right now. Try again in a few seconds.',
  },
  session_not_found: { retryable: false, message: 'This session does not exist.' },
  join_code_not_found: { retryable: false, message: 'No live session has this code.' },
  session_ended: { retryable: false, message: 'The session has ended.' },
  session_live: { retryable: false, message: 'End the session before erasing a student.' },
  late_join_denied: {
    retryable: false,
    message: 'The session has started and does not accept late joins.',
  },
  student_removed: { retryable: false, message: 'The teacher removed you from this session.' },
  joining_locked: {
    retryable: false,
    message: 'Your teacher has closed this session to new students. Ask them to open it.',
  },
  waiting_for_teacher: {
    retryable: false,
    message: 'You are in the waiting room. Your teacher will let you in.',
  },
  class_full: {
    retryable: false,
    message: 'This session is full. Ask your teacher to make room.',
  },
  too_many_connections: {
    retryable: false,
    message: 'You opened this session in too many places; this older one was closed.',
  },
  sign_in_required: {
    retryable: false,
    message: 'This class asks you to sign in with your school account.',
  },
  student_not_found: { retryable: false, message: 'This student is not in the session.' },
  slide_not_found: { retryable: false, message: 'This slide does not exist.' },
  slide_not_open: { retryable: false, message: 'This slide is not open to you.' },
  slide_locked: { retryable: false, message: 'Answers are locked for this slide.' },
  no_question: { retryable: false, message: 'This slide has no question.' },
  past_due: {
    retryable: false,
    message: 'This assignment is past its due time: answers are closed.',
  },
  no_correct_answer: {
    retryable: false,
    message: 'This question has no correct answer to reveal. Add one in the editor.',
  },
  quiz_off: { retryable: false, message: 'Turn on quiz mode with a leaderboard first.' },
  invalid_answer: { retryable: false, message: 'The answer does not fit the question.' },
  answer_id_conflict: {
    retryable: false,
    message: 'This answer id was already used for another slide.',
  },
  too_many_edits: { retryable: false, message: 'This answer was changed too many times.' },
  response_not_found: { retryable: false, message: 'There is no response to moderate.' },
  invalid_state: { retryable: false, message: 'That is not possible in the current state.' },
  storage_failed: {
    retryable: true,
    message: 'The answer could not be saved yet; it will be retried.',
  },
  unavailable: { retryable: true, message: 'The server is restarting; try again shortly.' },
  internal_error: { retryable: true, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { retryable: boolean; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ProtocolError {
  ok: false;
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Where in the message the problem is, for validation errors (e.g. "answer.optionIds"). */
  path?: string;
}

export function protocolError(code: ErrorCode, message?: string, path?: string): ProtocolError {
  const entry = ERROR_CODES[code];
  return {
    ok: false,
    code,
    message: message ?? entry.message,
    retryable: entry.retryable,
    ...(path === undefined ? {} : { path }),
  };
}

export function isProtocolError(value: unknown): value is ProtocolError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.hasOwn(ERROR_CODES, (value as { code: string }).code)
  );
}
