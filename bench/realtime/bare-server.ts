import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline: a bare socket.io server with the same transport settings, no validation, no
 * storage, no batching. A socket whose handshake says `teacher` joins the teacher room; every
 * `student:submit` is acknowledged and forwarded to the teacher as is, one message per answer.
 * With a `classId` in the handshake (the school scenario, school.ts) the rooms are that class's:
 * teachers (teacher and projector) get the class's answers, and a `teacher:command` goes to
 * everyone in the class, as our tier sends a slide change.
 */
export async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1024 * 1024 });
  io.on('connection', (socket) => {
    const auth = socket.handshake.auth as { role?: string; classId?: string };
    const teachers = auth.classId === undefined ? 'teacher' : `teachers:${auth.classId}`;
    if (auth.role === 'teacher') void socket.join(teachers);
    socket.emit('session:welcome', { role: auth.role === 'teacher' ? 'teacher' : 'student' });
    socket.on('student:submit', (message: { answerId?: string }, ack: (r: unknown) => void) => {
      io.to(teachers).emit('teacher:delta', { responses: [{ response: message }] });
      ack({ ok: true, answerId: message.answerId });
    });
    if (auth.classId === undefined) return;
    const everyone = `class:${auth.classId}`;
    void socket.join(everyone);
    socket.on('teacher:command', (message: { command?: object }, ack: (r: unknown) => void) => {
      io.to(everyone).emit('student:session', message.command);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}
