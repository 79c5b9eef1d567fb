/**
 * Test helpers for every workspace: local stand-ins for Firebase (the official emulators need
 * Java 21 and a download, which our machines do not have) and a real Redis launcher. Never
 * imported by production code.
 */
export { startAuthEmulator, type AuthEmulator } from './auth-emulator.ts';
export { DATABASE_RULES, startRtdbServer, type RtdbServer } from './rtdb-server.ts';
export { startRedisServer, type RedisServer } from './redis-server.ts';
export { KIND_SAMPLES, type KindSample } from './kind-samples.ts';
