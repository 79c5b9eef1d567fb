export { systemClock, type Clock } from './clock.ts';
export { ConfigError, loadRealtimeConfig, realtimeConfig, type RealtimeConfig } from './config.ts';
export { createLogger, silentLogger } from './logger.ts';
export { createRealtimeServer, type RealtimeDeps, type RealtimeServer } from './realtime-server.ts';
export { loadOrCreateSecret } from './secrets.ts';
export {
  JoinCodeTakenError,
  SeqConflictError,
  type SessionStore,
  type SessionSummary,
} from './store/session-store.ts';
export {
  createProcessRpc,
  RpcRemoteError,
  RpcTimeoutError,
  type ProcessRpc,
  type RpcHandler,
} from './cluster/process-rpc.ts';
export {
  createSessionLeases,
  type SessionLeaseOptions,
  type SessionLeases,
} from './cluster/session-lease.ts';
export { createRedisStore, type RedisStoreOptions } from './store/redis-store.ts';
export { NotOwnerError } from './store/ownership.ts';
export { createFirebaseStore, type FirebaseStoreOptions } from './store/firebase-store.ts';
export { createSqliteStore, type SqliteStoreOptions } from './store/sqlite-store.ts';
export { createTokenService, type TokenClaims, type TokenService } from './tokens.ts';
export { openFirebaseAdmin, type FirebaseAdmin } from '../firebase/admin-app.ts';
export {
  firebaseAdminConfig,
  firebaseEnvSchema,
  FirebaseConfigError,
  type FirebaseAdminConfig,
  type ServiceAccount,
} from '../firebase/config.ts';
export { signInFirebaseStudent, type FirebaseSignIn } from '../firebase/student-sign-in.ts';
export { studentIdentity, teacherIdentity } from '../firebase/claims.ts';
