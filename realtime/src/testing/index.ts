/**
 * Local stand-ins for Firebase, for the tests of every workspace (the official emulators need
 * Java 21 and a download, which our machines do not have). Never imported by production code.
 */
export { startAuthEmulator, type AuthEmulator } from './auth-emulator.ts';
export { DATABASE_RULES, startRtdbServer, type RtdbServer } from './rtdb-server.ts';
export { KIND_SAMPLES, type KindSample } from './kind-samples.ts';
