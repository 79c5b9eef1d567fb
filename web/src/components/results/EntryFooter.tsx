import type { ResultsClasses } from './classes.ts';
import { ModerationButton } from './ModerationButton.tsx';
import { useResultsText } from './results-text.ts';

export interface EntryFooterProps {
  name?: string | undefined;
  studentId?: string | undefined;
  hidden: boolean;
  /** 1-based place in the list; names the answer when the student's name is not shown. */
  position: number;
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/** Whose answer it is, whether it is hidden, and (for the teacher) the Hide / Show button. */
export function EntryFooter({
  name,
  studentId,
  hidden,
  position,
  onToggleHidden,
  classes,
}: EntryFooterProps) {
  const { t } = useResultsText();
  const canModerate = onToggleHidden !== undefined && studentId !== undefined;
  if (!name && !hidden && !canModerate) return null;
  return (
    <div className={classes.entryFooter}>
      {name ? <span className={classes.author}>{name}</span> : null}
      {hidden ? <span className={classes.hiddenBadge}>{t('hidden')}</span> : null}
      {canModerate ? (
        <ModerationButton
          studentId={studentId}
          hidden={hidden}
          action={hidden ? t('show') : t('hide')}
          label={
            name
              ? t(hidden ? 'showAnswerFrom' : 'hideAnswerFrom', { name })
              : t(hidden ? 'showAnswerNumber' : 'hideAnswerNumber', { position })
          }
          onToggleHidden={onToggleHidden}
          className={classes.moderationButton}
        />
      ) : null}
    </div>
  );
}
