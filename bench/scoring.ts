/**
 * npm run bench:scoring — what quiz mode costs the engine in a lecture hall, beside the same
 * session without it, measured in the same run.
 *
 * A session of BENCH_QUIZ_STUDENTS students (default 10,000) and BENCH_QUIZ_SLIDES graded
 * multiple-choice slides (default 20), student-paced so every slide takes answers:
 *   1. baseline: every student answers every slide, quiz off; time per accepted answer;
 *   2. quiz: the same answers with quiz mode, a leaderboard on the projector and the first slide
 *      revealed (answers to other slides must not recompute standings);
 *   3. a reveal: the teacher reveals one more slide; the engine applies it, ranks the class, builds
 *      every student's own standing (the socket tier's fan-out) and the Firebase multi-path
 *      update (standings of every student), printed in answers' worth of baseline time.
 */
import { performance } from 'node:perf_hooks';
import {
  apply,
  ownStanding,
  publicSessionView,
  standings,
  type Envelope,
} from '../realtime/src/engine/index.ts';
import { updatesFor } from '../realtime/src/firebase/layout.ts';
import type { DeckInput, SessionState } from '../realtime/src/protocol/index.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const STUDENTS = numberFromEnv('BENCH_QUIZ_STUDENTS', 10_000);
const SLIDES = numberFromEnv('BENCH_QUIZ_SLIDES', 20);
const T0 = 1_700_000_000_000;
const teacher = { role: 'teacher', teacherId: 'teacher-1' } as const;

const deck: DeckInput = {
  title: 'Bench quiz',
  slides: Array.from({ length: SLIDES }, (_, i) => ({
    id: `q${i}`,
    question: {
      kind: 'multiple-choice' as const,
      prompt: `Question ${i + 1}`,
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() })),
      correctOptionIds: ['a'],
    },
  })),
};

function must(state: SessionState | null, envelope: Envelope, now: number): SessionState {
  const result = apply(state, envelope, now);
  if (!result.ok) throw new Error(`${envelope.command.type}: ${result.code} ${result.message}`);
  return result.state;
}

function session(quiz: boolean): SessionState {
  let state = must(
    null,
    {
      actor: teacher,
      command: {
        type: 'createSession',
        sessionId: 'bench',
        joinCode: 'BENCH2',
        deck: deck as never,
        settings: {
          pacing: 'student',
          latePolicy: 'allow',
          classSize: STUDENTS,
          ...(quiz ? { quiz: { speedBonus: false, leaderboard: true } } : {}),
        },
      },
    },
    T0,
  );
  for (let i = 0; i < STUDENTS; i++)
    state = must(
      state,
      { actor: { role: 'student', studentId: `s${i}` }, command: { type: 'join', name: `S ${i}` } },
      T0 + 1,
    );
  if (quiz) {
    state = must(
      state,
      { actor: teacher, command: { type: 'showLeaderboard', shown: true } },
      T0 + 2,
    );
    state = must(
      state,
      { actor: teacher, command: { type: 'revealCorrect', slideId: 'q0', revealed: true } },
      T0 + 2,
    );
  }
  return state;
}

/** Every student answers every slide (but a revealed, locked one); ms per answer. */
function answerAll(state: SessionState): { state: SessionState; msPerAnswer: number } {
  let count = 0;
  const started = performance.now();
  for (let slide = 0; slide < SLIDES; slide++) {
    if (state.slides[`q${slide}`]?.locked) continue;
    for (let i = 0; i < STUDENTS; i++) {
      state = must(
        state,
        {
          actor: { role: 'student', studentId: `s${i}` },
          command: {
            type: 'submitAnswer',
            slideId: `q${slide}`,
            answerId: `answer-${slide}-${i}-xxxx`,
            answer: {
              kind: 'multiple-choice',
              optionIds: [['a', 'b', 'c', 'd'][(i + slide) % 4]!],
            },
            clientCreatedAt: undefined,
          },
        },
        T0 + 10,
      );
      count++;
    }
  }
  return { state, msPerAnswer: (performance.now() - started) / count };
}

// Baseline before and after the quiz run, the faster counting: the first run also warms the JIT.
const firstBaseline = answerAll(session(false));
const quiz = answerAll(session(true));
const secondBaseline = answerAll(session(false));
const baseline =
  firstBaseline.msPerAnswer < secondBaseline.msPerAnswer ? firstBaseline : secondBaseline;

const started = performance.now();
const reveal = apply(
  quiz.state,
  { actor: teacher, command: { type: 'revealCorrect', slideId: 'q1', revealed: true } },
  T0 + 20,
);
if (!reveal.ok) throw new Error('reveal refused');
const applied = performance.now();
standings(reveal.state);
const ranked = performance.now();
for (let i = 0; i < STUDENTS; i++) ownStanding(reveal.state, `s${i}`);
publicSessionView(reveal.state);
const fannedOut = performance.now();
const updates = updatesFor(reveal.state, reveal.events);
const firebase = performance.now();

const ratio = (ms: number) => `${(ms / baseline.msPerAnswer).toFixed(1)} answers`;
console.log(`bench:scoring — ${STUDENTS} students × ${SLIDES} graded slides (student-paced)`);
console.log(`  baseline answer (quiz off):        ${(baseline.msPerAnswer * 1000).toFixed(1)} µs`);
console.log(
  `  answer with quiz + leaderboard:    ${(quiz.msPerAnswer * 1000).toFixed(1)} µs  (×${(quiz.msPerAnswer / baseline.msPerAnswer).toFixed(2)} of baseline)`,
);
console.log(`  a reveal, in baseline answers' time:`);
console.log(`    apply (lock + reveal):           ${ratio(applied - started)}`);
console.log(
  `    rank the class:                  ${ratio(ranked - applied)}  (${(ranked - applied).toFixed(1)} ms)`,
);
console.log(
  `    every student's own standing:    ${ratio(fannedOut - ranked)}  (${(fannedOut - ranked).toFixed(1)} ms)`,
);
console.log(
  `    Firebase update (${Object.keys(updates).length} paths):     ${ratio(firebase - fannedOut)}  (${(firebase - fannedOut).toFixed(1)} ms)`,
);
