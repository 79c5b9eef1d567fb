/** Bumped on every incompatible wire change; checked at the socket.io handshake. */
export const PROTOCOL_VERSION = 1;
