import type { ServerResponse } from 'node:http';
import { reportStudents } from '../engine/index.ts';
import {
  reportedResponse,
  type AnswersStreamLine,
  type ReportedResponse,
  type SessionState,
} from '../protocol/index.ts';

/** Students per write: large enough to keep writes few, small enough to keep each one small. */
const STUDENTS_PER_WRITE = 50;

/**
 * Writes a session's answers as the NDJSON stream of protocol/answers-stream.ts, as fast as the
 * reader takes it (waiting for `drain`), never the whole session as one string. Stops when the
 * reader goes away. The state is the live one: each student's line is as of when it is written.
 */
export async function writeAnswersStream(res: ServerResponse, state: SessionState): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
  });
  const line = (value: AnswersStreamLine) => `${JSON.stringify(value)}\n`;
  const students = reportStudents(state);
  const slideIds = state.deck.slides.map((s) => s.id);
  if (!(await write(res, line({ k: 'head', state: { ...state, responses: {} } })))) return;
  for (let from = 0; from < students.length; from += STUDENTS_PER_WRITE) {
    let chunk = '';
    for (const student of students.slice(from, from + STUDENTS_PER_WRITE)) {
      const responses: Record<string, ReportedResponse> = {};
      for (const slideId of slideIds) {
        const response = state.responses[slideId]?.[student.id];
        if (response) responses[slideId] = reportedResponse(response);
      }
      chunk += line({ k: 'student', studentId: student.id, responses });
    }
    if (!(await write(res, chunk))) return;
  }
  res.end(line({ k: 'end', students: students.length }));
}

/** Writes `text`; waits for the buffer to drain when it is full. False once the reader is gone. */
function write(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', drained);
      res.off('close', closed);
      resolve(ok);
    };
    const drained = () => done(true);
    const closed = () => done(false);
    res.on('drain', drained);
    res.on('close', closed);
  });
}
