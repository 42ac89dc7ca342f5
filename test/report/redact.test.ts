import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../src/plan/index.js';
import { redactFlowDiff, redactString, redactValue } from '../../src/report/redact.js';
import { flow, step } from './builders.js';

describe('redactString', () => {
  it.each([
    ['Authorization: Bearer abc123.def456', 'Authorization: Bearer ***'],
    ['key rt_live_AbCdEf123456 here', 'key *** here'],
    ['rt_test_abcdef12', '***'],
    ['OPENAI=sk-proj-abcdefghijklmnop1234', 'OPENAI=***'],
    ['token ghp_abcdefghijklmnopqrstuv', 'token ***'],
    ['AWS AKIAABCDEFGHIJKLMNOP!', 'AWS ***!'],
    ['slack xoxb-1234567890-abcdef', 'slack ***'],
  ])('hides the literal token in %j', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it.each(['Bearer {{secret:RUNTYPE_KEY}}', 'Use {{secret:OPENAI}} for {{customer_name}}', 'the bearer of good news', 'sk-short', 'Summarise in 200 tokens'])('keeps %j', (input) => {
    expect(redactString(input)).toBe(input);
  });
});

describe('redactValue', () => {
  it('hides values of secret-named fields, at any depth and in arrays', () => {
    expect(
      redactValue({
        api_key: 'plain-value',
        headers: { Authorization: 'Basic dXNlcjpwYXNz', 'X-Trace': 'abc' },
        password: 'hunter2',
        apiKeys: ['one', 'two'],
        model: 'gpt-4',
        maxTokens: 1000,
        max_tokens: '500',
        auth: 'user:pass',
        author: 'Ada',
        credentials: { user: 'u', pass: 'p' },
      }),
    ).toEqual({
      api_key: '***',
      headers: { Authorization: '***', 'X-Trace': 'abc' },
      password: '***',
      apiKeys: ['***', '***'],
      model: 'gpt-4',
      maxTokens: 1000,
      max_tokens: '500',
      auth: '***',
      author: 'Ada',
      credentials: { user: '***', pass: '***' },
    });
  });

  it('keeps template references in secret-named fields', () => {
    expect(redactValue({ apiKey: '{{secret:OPENAI_KEY}}', authorization: 'Bearer {{secret:X}}' })).toEqual({ apiKey: '{{secret:OPENAI_KEY}}', authorization: 'Bearer {{secret:X}}' });
  });

  it('keeps numbers and booleans under secret-named fields (nothing to leak), hides strings', () => {
    expect(redactValue({ secretSettings: { rotate: true, days: 30, name: 'primary' } })).toEqual({ secretSettings: { rotate: true, days: 30, name: '***' } });
  });

  it('treats a field path as secret when any segment is', () => {
    expect(redactValue('s3cr3t', 'config.http.headers.Cookie')).toBe('***');
    expect(redactValue('hello', 'config.userPrompt')).toBe('hello');
    expect(redactValue('p4ss', 'config.credentials.pass')).toBe('***');
  });

  it('hides literal tokens in ordinary fields', () => {
    expect(redactValue({ script: 'fetch(url, { headers: { auth: "Bearer abcdefgh1234" } })' })).toEqual({ script: 'fetch(url, { headers: { auth: "Bearer ***" } })' });
  });
});

describe('redactFlowDiff', () => {
  it('redacts changed values by their field path and added steps by their config keys', () => {
    const before = flow('F', [step('call', 'Call', { url: 'https://x', password: 'old-pass' }, 'api-call')]);
    const after = flow('F', [step('call', 'Call', { url: 'https://x', password: 'new-pass' }, 'api-call'), step('p', 'P', { model: 'gpt-4', token: 'tok-literal' })]);
    const text = JSON.stringify(redactFlowDiff(diffFlows(before, after)));
    expect(text).not.toContain('old-pass');
    expect(text).not.toContain('new-pass');
    expect(text).not.toContain('tok-literal');
    expect(text).toContain('"path":"config.password","before":"***","after":"***"');
  });
});
