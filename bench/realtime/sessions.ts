import {
  PROTOCOL_VERSION,
  type DeckInput,
  type TeacherSnapshot,
} from '../../realtime/src/protocol/index.ts';
import { io } from 'socket.io-client';
import { ONE_QUESTION_DECK } from '../one-question-deck.ts';
import type { ServerHandle } from './server-handle.ts';

export interface BenchSession {
  sessionId: string;
  joinCode: string;
  teacherToken: string;
}

let bareSessions = 0;

/** A session (one question unless `deck` says otherwise) on our server through its HTTP API; a made-up one for the baseline. */
export async function createBenchSession(
  server: ServerHandle,
  deck: DeckInput = ONE_QUESTION_DECK,
): Promise<BenchSession> {
  if (server.mode === 'bare') {
    const n = ++bareSessions;
    return { sessionId: `bare-${n}`, joinCode: 'BARE00', teacherToken: '' };
  }
  const res = await fetch(`${server.url}/v1/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.accountToken ?? ''}`,
      'content-type': 'application/json',
    },
    // A lecture hall: the class size raised to the engine's ceiling.
    body: JSON.stringify({
      deck,
      settings: { pacing: 'instructor', latePolicy: 'allow', classSize: 20_000 },
    }),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as BenchSession;
}

/** Every answer id the server has stored for the session, read as a fresh teacher would. */
export async function storedAnswerIds(
  server: ServerHandle,
  session: BenchSession,
): Promise<Set<string>> {
  const socket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { v: PROTOCOL_VERSION, token: session.teacherToken },
  });
  try {
    const snapshot = await new Promise<TeacherSnapshot>((resolve, reject) => {
      socket.once('teacher:snapshot', resolve);
      socket.once('connect_error', reject);
    });
    const ids = new Set<string>();
    for (const byStudent of Object.values(snapshot.state.responses))
      for (const response of Object.values(byStudent))
        for (const id of response.answerIds) ids.add(id);
    return ids;
  } finally {
    socket.close();
  }
}
