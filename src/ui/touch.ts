import { makeStyles } from '@fluentui/react-components';

/**
 * Touch-size targets (docs/ARCHITECTURE.md, "Touch"): when the primary pointer is a finger (Outlook
 * on iOS and Android, a tablet), every control is at least 44 × 44 px, WCAG 2.5.5's size and Apple's
 * 44 pt. With a mouse the pane keeps Fluent's compact sizes, which a 320 px desktop pane needs for its
 * first screen.
 */
export const TOUCH = '@media (pointer: coarse)';
export const TOUCH_TARGET = '44px';

export const useTouchStyles = makeStyles({
  /** A Fluent Button: it centres its content, so a minimum height is enough (its minimum width is ≥ 64 px). */
  button: { [TOUCH]: { minHeight: TOUCH_TARGET } },
  /** A link standing on its own (not inside a sentence): a full-height line, however short its text. */
  link: {
    [TOUCH]: {
      display: 'inline-flex',
      alignItems: 'center',
      minHeight: TOUCH_TARGET,
      minWidth: TOUCH_TARGET,
    },
  },
  /** The inner element of a Fluent Select or Input (the `select` or `input` slot), where Fluent sets the height. */
  field: { [TOUCH]: { height: 'auto', minHeight: TOUCH_TARGET } },
  /** A <summary>: taller by padding, so it keeps its disclosure triangle (display: list-item). */
  summary: {
    [TOUCH]: {
      boxSizing: 'border-box',
      minHeight: TOUCH_TARGET,
      paddingTop: '12px',
      paddingBottom: '12px',
    },
  },
});
