export * from './answers-stream.ts';
export * from './commands.ts';
export * from './deck.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './extended-time.ts';
export * from './health.ts';
export * from './ids.ts';
export * from './limits.ts';
// LIMITS as clients see it: the general bounds and every kind's own (shadows the general one).
export { LIMITS } from './all-limits.ts';
export * from './messages.ts';
export * from './parsed-answers.ts';
export * from './questions.ts';
export * from './student-name.ts';
export * from './state.ts';
export * from './version.ts';
export * from './views.ts';
export * from './student-export.ts';
