/** Config keys that are not `{{…}}` templates, by step type (code, conditions, Liquid, steps). */
export const KEEP_UNRESOLVED: Readonly<Record<string, readonly string[]>> = {
  // Runtime tools carry their own parameter placeholders (`?q={{city}}`).
  prompt: ['tools'],
  conditional: ['condition', 'trueSteps', 'falseSteps'],
  'transform-data': ['script'],
  template: ['template', 'partials'],
  'wait-until': ['condition'],
};
