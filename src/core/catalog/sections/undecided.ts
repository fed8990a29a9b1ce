/** Reasons the engine returns when it could not decide; generic matchers also fire for these. */
export const UNDECIDED = ['undefined', 'onhold'] as const;
