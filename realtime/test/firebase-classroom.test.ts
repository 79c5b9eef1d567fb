import { openFirebaseClassroom } from './support/firebase-classroom.ts';
import { sessionClientContract } from './support/session-client-contract.ts';

sessionClientContract('Firebase transport', {
  open: () => openFirebaseClassroom('firebase-classroom'),
  transport: 'firebase',
  students: 10,
});
