/**
 * `@classpulse/realtime/firebase-admin`: what a server outside this tier (the web app) needs in
 * Firebase mode, without pulling in the socket.io tier.
 */
export { openFirebaseAdmin, type FirebaseAdmin } from './admin-app.ts';
export { probeIdentity, studentIdentity, teacherIdentity } from './claims.ts';
export { signInFirebaseStudent, type FirebaseSignIn } from './student-sign-in.ts';
