import {
  ANSWERS_STREAM_LINE_BYTES_MAX,
  parseAnswersStreamLine,
  type AnswersStreamLine,
  type ReportedResponse,
  type SessionState,
} from '@classpulse/realtime/protocol';
import {
  streamFromRealtime,
  type RealtimeFailure,
  type RealtimeStream,
} from './realtime-session.ts';

export interface StudentAnswers {
  studentId: string;
  responses: Record<string, ReportedResponse>;
}

export type OpenedAnswers =
  | {
      ok: true;
      /** The session without its responses (they follow, a student at a time). */
      state: SessionState;
      /** The report's students in order, each with their responses; throws if the stream breaks. */
      students: AsyncGenerator<StudentAnswers, void, undefined>;
    }
  | RealtimeFailure;

const UNREADABLE = 'The live-session service answered with a report this page cannot read.';

/**
 * Opens a session's answers stream on the realtime tier (protocol/answers-stream.ts): its head
 * now (so a failure is still a proper error answer), its students as the caller reads them.
 * Stopping early (`return()`) cancels the request to the realtime tier.
 */
export async function openAnswersStream(
  teacherId: string,
  sessionId: string,
): Promise<OpenedAnswers> {
  const got = await streamFromRealtime(teacherId, sessionId, '/answers');
  if (!got.ok) return got;
  const lines = parsedLines(got);
  const head = await lines.next().catch(() => null);
  if (!head || head.done || head.value.k !== 'head') {
    await lines.return();
    return { ok: false, status: 502, message: UNREADABLE };
  }
  return { ok: true, state: head.value.state, students: studentsOf(lines) };
}

async function* studentsOf(
  lines: AsyncGenerator<AnswersStreamLine, void, undefined>,
): AsyncGenerator<StudentAnswers, void, undefined> {
  let count = 0;
  try {
    for await (const line of lines) {
      if (line.k === 'student') {
        count++;
        yield { studentId: line.studentId, responses: line.responses };
      } else if (line.k === 'end') {
        if (line.students !== count) throw new Error('the answers stream miscounted its students');
        return;
      } else throw new Error('a second head in the answers stream');
    }
    throw new Error('the answers stream broke off');
  } finally {
    await lines.return();
  }
}

/** The stream's lines, parsed and checked; throws on an unreadable or oversized line. */
async function* parsedLines(
  stream: RealtimeStream,
): AsyncGenerator<AnswersStreamLine, void, undefined> {
  for await (const text of ndjsonLines(stream, ANSWERS_STREAM_LINE_BYTES_MAX)) {
    const line = parseAnswersStreamLine(text);
    if (!line) throw new Error('an unreadable line in the answers stream');
    yield line;
  }
}

/**
 * The lines of an NDJSON byte stream as they arrive (UTF-8, split on "\n"), each at most
 * `maxChars` long. Reads the next chunk only when the caller wants the next line; stopping
 * early (or a bad line) closes the stream.
 */
export async function* ndjsonLines(
  stream: RealtimeStream,
  maxChars: number,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder();
  let pending = '';
  let finished = false;
  try {
    for await (const chunk of stream.body) {
      pending += decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        const line = pending.slice(start, end);
        start = end + 1;
        if (line.length > 0) yield line;
      }
      pending = pending.slice(start);
      if (pending.length > maxChars) throw new Error('a line of the stream is too long');
    }
    pending += decoder.decode();
    finished = true;
    if (pending.length > 0) yield pending;
  } finally {
    if (!finished) stream.destroy();
  }
}
