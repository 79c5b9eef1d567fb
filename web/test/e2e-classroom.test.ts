import { classroomFlow } from './support/classroom-flow.ts';
import { startStack } from './support/stack.ts';

classroomFlow({
  name: 'socket transport',
  startStack: () => startStack(),
  artifactPrefix: '',
  studentsIndependentOfOurServers: false,
});
