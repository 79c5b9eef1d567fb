/**
 * Students whose network breaks WebSockets fall back to HTTP long-polling (socket.io's own
 * fallback): the tier must answer those requests itself, next to its HTTP API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createSessionClient,
  createSocketTransport,
  memoryStorage,
  type SessionClient,
} from '../src/client/index.ts';
import { openClassroom, waitFor, type Classroom } from './support/classroom.ts';

describe('a student on long-polling', { timeout: 30_000 }, () => {
  let room: Classroom;
  const clients: SessionClient[] = [];
  before(async () => {
    room = await openClassroom('long-polling');
  });
  after(async () => {
    for (const c of clients) c.close();
    await room.close();
  });

  const student = (transports: Array<'polling' | 'websocket'>) => {
    const client = createSessionClient({
      transport: createSocketTransport({ url: room.server.url, transports, retryDelayMs: 100 }),
      storage: memoryStorage(),
      retryDelayMs: 100,
    });
    clients.push(client);
    return client;
  };

  it('joins, answers and shows as "polling" on the roster', async () => {
    const ada = student(['polling']);
    ada.joinWithCode(room.session.joinCode, 'Ada');
    await waitFor(ada, (s) => s.status === 'connected' && s.session !== null);
    ada.submitAnswer('mc', { kind: 'multiple-choice', optionIds: ['paris'] });
    await waitFor(ada, (s) => s.answers.mc?.status === 'received');
    const id = ada.getState().studentId!;
    const state = await waitFor(
      room.teacher,
      (s) => s.teacher?.presence[id]?.status === 'connected',
    );
    assert.equal(state.teacher?.presence[id]?.transport, 'polling');
    assert.equal(state.teacher?.state.responses.mc?.[id]?.answer.kind, 'multiple-choice');
  });

  it('a polling connection that upgrades shows as "websocket"', async () => {
    const grace = student(['polling', 'websocket']);
    grace.joinWithCode(room.session.joinCode, 'Grace');
    await waitFor(grace, (s) => s.status === 'connected' && s.studentId !== null);
    const id = grace.getState().studentId!;
    await waitFor(room.teacher, (s) => s.teacher?.presence[id]?.transport === 'websocket');
  });
});
