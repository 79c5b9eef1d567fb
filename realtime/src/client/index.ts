// The whole browser client, the socket transport included (servers' tests, probes, Node peers).
export * from './core.ts';
export { createSocketTransport, type SocketTransportOptions } from './socket-transport.ts';
