import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, isClearTypo } from '../../src/model/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('prompt', 'prompt')).toBe(0);
    expect(editDistance('promt', 'prompt')).toBe(1);
    expect(editDistance('prompts', 'prompt')).toBe(1);
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('create', 'update')).toBe(3);
  });
});

describe('closestMatch', () => {
  const fields = [
    'model',
    'userPrompt',
    'systemPrompt',
    'outputVariable',
    'maxTokens',
    'timeoutMs',
    'recordId',
    'sessionId',
  ];

  it('allows one edit up to 6 letters and two above', () => {
    expect(closestMatch('modle', fields)).toBe('model');
    expect(closestMatch('mdl', fields)).toBeUndefined();
    expect(closestMatch('outptVarable', fields)).toBe('outputVariable');
    expect(closestMatch('otptVarable', fields)).toBeUndefined();
  });

  it('ignores case and separators', () => {
    expect(closestMatch('user_prompt', fields)).toBe('userPrompt');
    expect(closestMatch('SESSIONID', fields)).toBe('sessionId');
    expect(closestMatch('max_tokens', fields)).toBe('maxTokens');
  });

  it('never suggests a different word, however few letters apart', () => {
    // camelCase humps are words too: a word replaced or left out is not a typo.
    expect(closestMatch('recordName', fields)).toBeUndefined();
    expect(closestMatch('record', fields)).toBeUndefined();
    expect(closestMatch('timeout', fields)).toBeUndefined();
    expect(closestMatch('get-variable', ['set-variable'])).toBeUndefined();
    expect(closestMatch('ai-call', ['api-call'])).toBeUndefined();
    // ...but two swapped letters or a doubled one leave a short word the same word.
    expect(closestMatch('fetch-ulr', ['fetch-url'])).toBe('fetch-url');
    expect(closestMatch('urll', ['url'])).toBe('url');
    expect(closestMatch('apiKeyEnvv', ['apiKeyEnv'])).toBe('apiKeyEnv');
    expect(closestMatch('flow-00', ['flow-000', 'flow-001'])).toBe('flow-000');
    expect(closestMatch('flow-003', ['flow-000', 'flow-001'])).toBeUndefined();
  });

  it('treats short words the same whichever side is short: a slip or a plural is a typo, another letter is another word', () => {
    const types = ['fetch-url', 'api-call', 'send-email', 'send-text'];
    // A letter left out of a short word: another word, whether the typed or the known word is the
    // short one.
    expect(closestMatch('fetch-ur', types)).toBeUndefined();
    expect(closestMatch('fetch-uri', types)).toBeUndefined();
    // `cal` is `call` with its doubled letter typed once, as `urll` is `url` typed twice.
    expect(closestMatch('api-cal', types)).toBe('api-call');
    expect(closestMatch('api-calll', types)).toBe('api-call');
    // A plural is the same word at any length.
    expect(closestMatch('fetch-urls', types)).toBe('fetch-url');
    expect(closestMatch('send-emails', types)).toBe('send-email');
    expect(closestMatch('send-texts', types)).toBe('send-text');
  });

  it('picks the nearest acceptable candidate, and never the word itself', () => {
    expect(closestMatch('inputs', ['inputs', 'input'])).toBe('input');
    expect(closestMatch('steps', ['step', 'stepz', 'steps'])).toBe('step');
  });
});

describe('isClearTypo (what may block a deploy as STEP_CONFIG_FIELD_TYPO)', () => {
  // Each name is one closestMatch suggests the field for: the question is only whether it may be an
  // error.
  it.each([
    // Misspellings no one writes on purpose.
    ['user_prompt', 'userPrompt', true],
    ['SYSTEMPROMPT', 'systemPrompt', true],
    ['modle', 'model', true],
    ['modell', 'model', true],
    ['bodyy', 'body', true],
    ['userPrmpt', 'userPrompt', true],
    ['userPromt', 'userPrompt', true],
    ['outputVarible', 'outputVariable', true],
    ['outputVaruable', 'outputVariable', true],
    ['sytemPrompt', 'systemPrompt', true],
    ['temprature', 'temperature', true],
    ['tempreature', 'temperature', true],
    // A lone word one letter from the field, a plural, two words misspelt at once: maybe meant.
    ['mode', 'model', false],
    ['modal', 'model', false],
    ['context', 'content', false],
    ['formal', 'format', false],
    ['models', 'model', false],
    ['header', 'headers', false],
    ['maxToken', 'maxTokens', false],
    ['recordIds', 'recordId', false],
    ['methd', 'method', false],
    ['outptVarable', 'outputVariable', false],
    ['outputvarible', 'outputVariable', false],
  ] as const)('%s for %s: %s', (typed, known, clear) => {
    expect(closestMatch(typed, [known])).toBe(known);
    expect(isClearTypo(typed, known)).toBe(clear);
  });
});
