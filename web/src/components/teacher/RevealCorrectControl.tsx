'use client';

import {
  hasCorrectAnswer,
  type Question,
  type SlideRuntime,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { correctText } from '../../lib/grading.ts';
import styles from './dashboard.module.css';

const CONTROL_ID = 'reveal-correct';

type RevealKey = Parameters<ReturnType<typeof useTranslations<'dashboard.reveal'>>>[0];

/**
 * What revealing the correct answer shows on each screen, given how the slide's results are
 * shown: the teacher picks knowing what the class will see (with results hidden the reveal still
 * shows the answer, on the students' own answers and the projector, not the class's results).
 * `inWords`: the kind can write its correct answer out (`correctText`); a place on a picture
 * cannot, so with results hidden the projector has nothing to show for it. Catalog keys
 * (`dashboard.reveal`), screen and what it shows.
 */
export function revealEffects(
  reveal: SlideRuntime['reveal'],
  inWords: boolean,
): Array<[screen: RevealKey, what: RevealKey]> {
  const dashboard: [RevealKey, RevealKey] = ['thisDashboard', 'dashboardShows'];
  if (reveal === 'hidden')
    return [
      ['studentDevices', inWords ? 'devicesHiddenInWords' : 'devicesHidden'],
      ['projector', inWords ? 'projectorHiddenInWords' : 'projectorHidden'],
      dashboard,
    ];
  return [['studentDevices', 'devicesShown'], ['projector', 'projectorShown'], dashboard];
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
  const t = useTranslations('dashboard.reveal');
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
        {t('control')}
      </label>
      <div id={describedBy} className={styles.revealEffect}>
        {!gradable ? (
          <p>{t('noCorrect')}</p>
        ) : runtime.correctRevealed ? (
          <>
            <p>{runtime.locked ? t('revealed') : t('revealedUnlocked')}</p>
            <EffectList reveal={runtime.reveal} inWords={inWords} heading={t('showingNow')} />
          </>
        ) : (
          <EffectList reveal={runtime.reveal} inWords={inWords} heading={t('revealingShows')} />
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
  const t = useTranslations('dashboard.reveal');
  return (
    <>
      <p>{t('heading', { heading })}</p>
      <ul className={styles.effectList}>
        {revealEffects(reveal, inWords).map(([screen, what]) => (
          <li key={screen}>
            {t.rich('effect', {
              screen: t(screen),
              what: t(what),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
