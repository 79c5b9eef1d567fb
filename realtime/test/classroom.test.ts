import { openClassroom } from './support/classroom.ts';
import { sessionClientContract } from './support/session-client-contract.ts';

sessionClientContract('socket transport', {
  open: () => openClassroom('classroom'),
  transport: 'websocket',
  students: 30,
});
