import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { cn, type AnswerClasses } from '../../components/answer/classes.ts';
import { PEN_COLOURS, PEN_SIZES } from './drawing-tools.ts';

interface DrawingToolbarProps {
  color: string;
  onColor: (hex: string) => void;
  size: number;
  onSize: (width: number) => void;
  canUndo: boolean;
  onUndo: () => void;
  canClear: boolean;
  onClear: () => void;
  disabled: boolean;
  classes: AnswerClasses;
}

/** A swatch drawn with SVG attributes, not inline styles, which a strict CSP would block. */
function Dot({ fill, radius }: { fill: string; radius: number }) {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <circle cx="14" cy="14" r={radius} fill={fill} />
    </svg>
  );
}

/** Colour and size as radio groups (arrow keys move within each), then Undo and Clear. */
export function DrawingToolbar(props: DrawingToolbarProps) {
  const { color, onColor, size, onSize, disabled, classes } = props;
  const t = useTranslations('kinds.drawing');
  const id = useId();
  const toolInput = cn('visually-hidden', classes.toolInput);

  return (
    <div className={classes.toolbar}>
      <fieldset className={classes.toolGroup}>
        <legend className={classes.toolLegend}>{t('colour')}</legend>
        <div className={classes.tools}>
          {PEN_COLOURS.map((pen) => (
            <label key={pen.hex} className={classes.tool}>
              <input
                type="radio"
                name={`${id}-colour`}
                value={pen.hex}
                checked={color === pen.hex}
                onChange={() => onColor(pen.hex)}
                disabled={disabled}
                className={toolInput}
              />
              <span className={classes.toolFace}>
                <Dot fill={pen.hex} radius={11} />
                <span className="visually-hidden">{t(`colours.${pen.name}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={classes.toolGroup}>
        <legend className={classes.toolLegend}>{t('size')}</legend>
        <div className={classes.tools}>
          {PEN_SIZES.map((pen) => (
            <label key={pen.width} className={classes.tool}>
              <input
                type="radio"
                name={`${id}-size`}
                value={pen.width}
                checked={size === pen.width}
                onChange={() => onSize(pen.width)}
                disabled={disabled}
                className={toolInput}
              />
              <span className={classes.toolFace}>
                <Dot fill={color} radius={Math.max(2.5, pen.width * 0.75)} />
                <span className="visually-hidden">{t(`sizes.${pen.name}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={classes.tools}>
        <button
          type="button"
          className="button button-secondary"
          onClick={props.onUndo}
          disabled={disabled || !props.canUndo}
        >
          {t('undo')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={props.onClear}
          disabled={disabled || !props.canClear}
        >
          {t('clear')}
        </button>
      </div>
    </div>
  );
}
