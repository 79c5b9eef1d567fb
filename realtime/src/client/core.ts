// The browser client without a transport (@classpulse/realtime/client/core): what a page loads
// before it knows which transport it connects with.
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
export { browserStorage, memoryStorage, type KeyValueStorage } from './storage.ts';
export { applyTeacherDelta } from './teacher-state.ts';
export type { ConnectionStatus, SessionTransport, TransportListener } from './transport.ts';
// Each transport is its own entry: the Firebase one (@classpulse/realtime/client/firebase), so
// pages on the socket path never load the Firebase SDK, and the socket one
// (@classpulse/realtime/client/socket), so pages on Firebase never load socket.io.
