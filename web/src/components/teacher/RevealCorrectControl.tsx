'use client';

import {
  hasCorrectAnswer,
  type Question,
  type SlideRuntime,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import { correctText } from '../../lib/grading.ts';
import styles from './dashboard.module.css';

const CONTROL_ID = 'reveal-correct';

/**
 * What revealing the correct answer shows on each screen, given how the slide's results are
 * shown: the teacher picks knowing what the class will see (with results hidden the reveal still
 * shows the answer, on the students' own answers and the projector, not the class's results).
 * `inWords`: the kind can write its correct answer out (`correctText`); a place on a picture
 * cannot, so with results hidden the projector has nothing to show for it.
 */
export function revealEffects(
  reveal: SlideRuntime['reveal'],
  inWords: boolean,
): Array<[screen: string, what: string]> {
  const dashboard: [string, string] = [
    'This dashboard',
    'percent correct and each student’s result',
  ];
  if (reveal === 'hidden')
    return [
      [
        'Students’ devices',
        inWords
          ? 'whether their own answer is correct, their points and the correct answer'
          : 'whether their own answer is correct, and their points',
      ],
      [
        'Projector',
        inWords
          ? 'the correct answer (results stay hidden)'
          : 'nothing new while results are hidden: show results to students to mark the answer there',
      ],
      dashboard,
    ];
  return [
    [
      'Students’ devices',
      'whether their own answer is correct, their points, the correct answer marked in the results',
    ],
    ['Projector', 'the correct answer, marked in the results'],
    dashboard,
  ];
}

/**
 * "Reveal correct answer": the engine locks the slide when it is revealed (unlocking reopens it),
 * so the control says so; a question without a correct answer cannot be revealed, and the control
 * says why instead of vanishing.
 */
export function RevealCorrectControl({
  slideId,
  question,
  runtime,
  ended,
  send,
}: {
  slideId: string;
  question: Question;
  runtime: SlideRuntime;
  ended: boolean;
  send: (command: TeacherCommand) => void;
}) {
  const gradable = hasCorrectAnswer(question);
  const inWords = correctText(question) !== null;
  const describedBy = `${CONTROL_ID}-effect`;
  return (
    <div className={styles.reveal}>
      <label className={styles.inlineField}>
        <input
          id={CONTROL_ID}
          type="checkbox"
          checked={runtime.correctRevealed}
          disabled={ended || !gradable}
          aria-describedby={describedBy}
          onChange={(e) => send({ type: 'revealCorrect', slideId, revealed: e.target.checked })}
        />
        Reveal correct answer (locks answers)
      </label>
      <div id={describedBy} className={styles.revealEffect}>
        {!gradable ? (
          <p>This question has no correct answer. Add one in the editor.</p>
        ) : runtime.correctRevealed ? (
          <>
            <p>
              Correct answer revealed. Answers are locked
              {runtime.locked ? '' : ' (you unlocked them: students can change their answers)'}.
            </p>
            <EffectList reveal={runtime.reveal} inWords={inWords} heading="Showing now" />
          </>
        ) : (
          <EffectList reveal={runtime.reveal} inWords={inWords} heading="Revealing shows" />
        )}
      </div>
    </div>
  );
}

function EffectList({
  reveal,
  inWords,
  heading,
}: {
  reveal: SlideRuntime['reveal'];
  inWords: boolean;
  heading: string;
}) {
  return (
    <>
      <p>{heading}:</p>
      <ul className={styles.effectList}>
        {revealEffects(reveal, inWords).map(([screen, what]) => (
          <li key={screen}>
            <strong>{screen}:</strong> {what}
          </li>
        ))}
      </ul>
    </>
  );
}
