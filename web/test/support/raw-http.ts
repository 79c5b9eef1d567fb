/** HTTP as a hostile client speaks it, over raw TCP: what a browser or fetch would never send. */
import { connect, type Socket } from 'node:net';

/** A raw HTTP exchange: what the server answered (status line first), or '' if it closed. */
export function exchange(port: number, request: string, waitMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.write(request);
    setTimeout(() => socket.destroy(), waitMs).unref();
  });
}

/**
 * Sends a chunked body of up to `maxBytes` in 64 KiB chunks, as fast as the server reads it,
 * until the server answers. Resolves with the status and how much was sent.
 */
export function chunkedUpload(
  port: number,
  path: string,
  maxBytes: number,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: Number(answer.split(' ')[1] ?? 0), sent });
    };
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const pump = () => {
      while (!done && sent < maxBytes) {
        sent += chunk.length;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write('\r\n')) return void socket.once('drain', pump);
      }
      if (!done) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

/**
 * Opens `count` connections that send the start of a request's headers and never finish them
 * (slowloris). Each socket's `closed` turns true once the server lets go of it.
 */
export function partialHeaders(port: number, count: number): Socket[] {
  return Array.from({ length: count }, () => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    // Read whatever the server answers, so its close reaches 'close' here.
    socket.resume();
    socket.on('connect', () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: '));
    return socket;
  });
}

/**
 * Declares a JSON body of `declared` bytes and sends it one byte every `everyMs` (a slow body).
 * Resolves with the status the server answered (0 if it only closed) once it lets go.
 */
export function slowBody(port: number, path: string, declared: number, everyMs: number) {
  return new Promise<number>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const drip = setInterval(() => socket.writable && socket.write('a'), everyMs);
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      resolve(Number(answer.split(' ')[1] ?? 0));
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
    );
  });
}
