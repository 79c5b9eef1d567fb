import { cn, type ResultsClasses } from './classes.ts';
import { useResultsText } from './results-text.ts';

export interface BarItem {
  key: string;
  label: string;
  count: number;
  share: number;
  /** "correct" and "other" once the answer is revealed; colour is backed up by `badge` text. */
  tone: 'plain' | 'correct' | 'other';
  badge?: string | undefined;
  /** A small picture before the label (image choice); decorative, the label says what it shows. */
  thumbUrl?: string | undefined;
}

export interface BarChartProps {
  items: readonly BarItem[];
  ariaLabel: string;
  classes: ResultsClasses;
}

/**
 * Horizontal bars, one per item, labelled above so long option texts wrap instead of squeezing the
 * bar. Bar length is the share of respondents, so it matches the printed percentage. Geometry is
 * in SVG attributes rather than inline styles, which a strict style-src CSP would block.
 */
export function BarChart({ items, ariaLabel, classes }: BarChartProps) {
  const { f } = useResultsText();
  return (
    <div role="img" aria-label={ariaLabel} className={classes.barChart}>
      {items.map((item) => {
        // A sliver for any non-zero count, so "1 of 300" is still visibly there.
        const width = item.count > 0 ? Math.max(item.share * 100, 0.75) : 0;
        return (
          <div key={item.key} className={classes.barRow}>
            <div className={classes.barLabel}>
              {item.thumbUrl ? (
                <span className={classes.thumbLabel}>
                  <img src={item.thumbUrl} alt="" className={classes.choiceThumb} />
                  <span className={classes.barLabelText} dir="auto">
                    {item.label}
                  </span>
                </span>
              ) : (
                <span className={classes.barLabelText} dir="auto">
                  {item.label}
                </span>
              )}
              {item.badge ? (
                <span className={classes.correctBadge}>
                  <span aria-hidden="true">✓</span> {item.badge}
                </span>
              ) : null}
            </div>
            <svg className={classes.barTrack} aria-hidden="true" focusable="false">
              <rect className={classes.trackFill} width="100%" height="100%" rx="6" />
              {width > 0 ? (
                <rect
                  className={cn(
                    classes.barFill,
                    item.tone === 'correct' && classes.toneCorrect,
                    item.tone === 'other' && classes.toneOther,
                  )}
                  width={`${width}%`}
                  height="100%"
                  rx="6"
                />
              ) : null}
            </svg>
            <span className={classes.barValue}>
              <span className={classes.barCount}>{f.number(item.count)}</span>{' '}
              <span className={classes.barPercent}>{f.percent(item.share)}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
