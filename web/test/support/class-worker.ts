/**
 * The class of real students on its own thread (see RealClass in hostile-class.ts): their
 * acknowledgements are timed on an event loop no attacker's client shares, as on their own
 * devices. Messages: join → joined | failed, start → started, stop → stopped, close.
 */
import { parentPort } from 'node:worker_threads';
import { handshake, startAnswering, type Answering, type RealStudent } from './hostile-class.ts';

export type ToWorker =
  | { type: 'join'; url: string; code: string; names: string[]; source: string }
  | { type: 'start'; sessionId: string; slideId: string }
  | { type: 'stop' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'joined'; students: Array<{ name: string; studentId: string }> }
  | { type: 'failed'; reason: string }
  | { type: 'started' }
  | {
      type: 'stopped';
      latenciesMs: number[];
      acked: Array<[string, string[]]>;
      failures: string[];
    };

const port = parentPort!;
const students: RealStudent[] = [];
let answering: Answering | null = null;
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  void (async () => {
    switch (message.type) {
      case 'join':
        for (const name of message.names) {
          const joined = await handshake(
            message.url,
            { join: { code: message.code, name } },
            message.source,
          );
          if (!joined.ok) return send({ type: 'failed', reason: `${name}: ${joined.code}` });
          students.push({ name, studentId: joined.welcome.studentId!, socket: joined.socket });
        }
        return send({
          type: 'joined',
          students: students.map(({ name, studentId }) => ({ name, studentId })),
        });
      case 'start':
        answering = startAnswering(students, message.sessionId, message.slideId);
        return send({ type: 'started' });
      case 'stop': {
        const result = await answering!.stop();
        return send({
          type: 'stopped',
          latenciesMs: result.latenciesMs,
          acked: [...result.acked],
          failures: result.failures,
        });
      }
      case 'close':
        for (const student of students) student.socket.disconnect();
        port.close();
    }
  })();
});
