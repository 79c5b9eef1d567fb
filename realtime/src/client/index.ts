export { newAnswerId, Outbox, type PendingAnswer } from './outbox.ts';
export { hasStoredIdentity, identityKey } from './identity-key.ts';
export { KEPT_PAINT_KEY_PREFIX, keptPaintKey } from './kept-paint-key.ts';
export { storeIdentity, type StoredIdentity } from './identity.ts';
export {
  createSessionClient,
  SessionClient,
  type AnswerStatus,
  type SessionClientOptions,
  type SessionClientState,
} from './session-client.ts';
export { createSocketTransport, type SocketTransportOptions } from './socket-transport.ts';
export { browserStorage, memoryStorage, type KeyValueStorage } from './storage.ts';
export { applyTeacherDelta } from './teacher-state.ts';
export type { ConnectionStatus, SessionTransport, TransportListener } from './transport.ts';
// The Firebase transport is its own entry (@classpulse/realtime/client/firebase): pages on the
// socket path must not load the Firebase SDK.
