import { describe, expect, it } from 'vitest';
import { matchSecretPattern } from '../../src/model/secret-patterns.js';
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
    // Every family validation flags (model/secret-patterns.ts) is masked too; each keeps what shows
    // where it went.
    ['gitlab glpat-abcdefghij0123456789 ok', 'gitlab *** ok'],
    ['NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'NPM_TOKEN=***'],
    ['hf hf_abcdefghijklmnopqrstuvwxyzABCDEF', 'hf ***'],
    ['SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', '***'],
    [
      'stripe sk_test_51HxYzAbCdEfGhIjKlMnOpQr and rk_live_51HxYzAbCdEfGhIjKlMnOpQr',
      'stripe *** and ***',
    ],
    ['whsec_abcdefghijklmnopqrstuvwx1234', '***'],
    [
      'post to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now',
      'post to https://hooks.slack.com/services/*** now',
    ],
    [
      'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
      'https://discord.com/api/webhooks/***',
    ],
    [
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U.',
      'jwt ***.',
    ],
    ['key=AIzaSyA1234567890abcdefghijklmnopqrstuv', 'key=***'],
    ['postgres://admin:hunter22@db.example.com/app', 'postgres://admin:***@db.example.com/app'],
    [
      'https://api.example.com/v1?city=Oslo&api_key=abcd1234efgh5678&units=metric',
      'https://api.example.com/v1?city=Oslo&api_key=***&units=metric',
    ],
    ['Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Authorization: Basic ***'],
    ['anthropic sk-ant-api03-abcdefghijklmnop', 'anthropic ***'],
    ['AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '***:***'],
    [
      'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nend',
      'key:\n***\nend',
    ],
    ['cut off: -----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEA', 'cut off: ***'],
    [
      'https://ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345:x-oauth-basic@github.com/o/r',
      'https://***:***@github.com/o/r',
    ],
  ])('hides the literal token in %j', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it('masks every literal the validator flags, one pattern list for both', () => {
    const leaks = [
      'rt_live_abcdefgh12345678',
      'sk-proj-abc123defghijklmnopqrstuvwx',
      'github_pat_11ABCDEFG0123456789_abcdefghij',
      'xoxa-2-abcdefghij1234',
      'xapp-1-A0123456789-abcdef',
      'glpat-abcdefghij0123456789',
      'npm_abcdefghijklmnopqrstuvwxyz0123456789',
      'hf_abcdefghijklmnopqrstuvwxyzABCDEF',
      'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      'sk_test_51HxYzAbCdEfGhIjKlMnOpQr',
      'whsec_abcdefghijklmnopqrstuvwx1234',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'AIzaSyA1234567890abcdefghijklmnopqrstuv',
      'bearer abc123def456ghi789',
      'mysql://root:s3cr3t-pw@10.0.0.5:3306/app',
      'https://api.example.com/v1?access_token=abcd1234efgh5678',
      'aws secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ];
    for (const leak of leaks) {
      const text = `before ${leak} after`;
      expect(matchSecretPattern(text), leak).toBeDefined();
      const shown = redactString(text);
      expect(shown, leak).toContain('***');
      // With the masks taken out, nothing the validator would flag is left (`***` itself passes for
      // a URL's password).
      expect(matchSecretPattern(shown.replaceAll('***', '')), `${leak} → ${shown}`).toBeUndefined();
    }
  });

  it.each([
    'Bearer {{secret:RUNTYPE_KEY}}',
    'Use {{secret:OPENAI}} for {{customer_name}}',
    'the bearer of good news',
    'sk-short',
    'Summarise in 200 tokens',
    'https://api.example.com/v1?api_key={{secret:WEATHER_KEY}}',
    'postgres://{{secret:DB_USER}}:{{secret:DB_PASSWORD}}@db.example.com/app',
    'https://user@example.com/path',
    'pk_live_51HxYzAbCdEfGhIjKlMnOpQr',
    'Basic understanding of English required',
    'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  ])('keeps %j', (input) => {
    expect(redactString(input)).toBe(input);
  });

  it('masks a secret far into a long text, where the per-pattern scans take over from the one combined test', () => {
    const text = `${'lorem ipsum dolor sit amet '.repeat(200)}glpat-abcdefghij0123456789 and {{secret:KEEP}}`;
    expect(text.length).toBeGreaterThan(1024);
    expect(redactString(text)).toBe(
      `${'lorem ipsum dolor sit amet '.repeat(200)}*** and {{secret:KEEP}}`,
    );
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
    expect(
      redactValue({ apiKey: '{{secret:OPENAI_KEY}}', authorization: 'Bearer {{secret:X}}' }),
    ).toEqual({ apiKey: '{{secret:OPENAI_KEY}}', authorization: 'Bearer {{secret:X}}' });
  });

  it('keeps numbers and booleans under secret-named fields (nothing to leak), hides strings', () => {
    expect(redactValue({ secretSettings: { rotate: true, days: 30, name: 'primary' } })).toEqual({
      secretSettings: { rotate: true, days: 30, name: '***' },
    });
  });

  it('treats a field path as secret when any segment is', () => {
    expect(redactValue('s3cr3t', 'config.http.headers.Cookie')).toBe('***');
    expect(redactValue('hello', 'config.userPrompt')).toBe('hello');
    expect(redactValue('p4ss', 'config.credentials.pass')).toBe('***');
  });

  it('hides literal tokens in ordinary fields', () => {
    expect(
      redactValue({ script: 'fetch(url, { headers: { auth: "Bearer abcdefgh1234" } })' }),
    ).toEqual({ script: 'fetch(url, { headers: { auth: "Bearer ***" } })' });
  });
});

describe('redactFlowDiff', () => {
  it('hides a literal of a newer family written in an ordinary field (a prompt, a URL)', () => {
    const before = flow('F', [step('p', 'P', { model: 'gpt-4', userPrompt: 'hi' })]);
    const after = flow('F', [
      step('p', 'P', {
        model: 'gpt-4',
        userPrompt: 'use glpat-abcdefghij0123456789 and {{secret:KEEP}}',
        url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      }),
    ]);
    const text = JSON.stringify(redactFlowDiff(diffFlows(before, after)));
    expect(text).not.toContain('glpat-abcdefghij');
    expect(text).not.toContain('XXXXXXXXXXXXXXXX');
    expect(text).toContain('use *** and {{secret:KEEP}}');
    expect(text).toContain('https://hooks.slack.com/services/***');
  });

  it('redacts changed values by their field path and added steps by their config keys', () => {
    const before = flow('F', [
      step('call', 'Call', { url: 'https://x', password: 'old-pass' }, 'api-call'),
    ]);
    const after = flow('F', [
      step('call', 'Call', { url: 'https://x', password: 'new-pass' }, 'api-call'),
      step('p', 'P', { model: 'gpt-4', token: 'tok-literal' }),
    ]);
    const text = JSON.stringify(redactFlowDiff(diffFlows(before, after)));
    expect(text).not.toContain('old-pass');
    expect(text).not.toContain('new-pass');
    expect(text).not.toContain('tok-literal');
    expect(text).toContain('"path":"config.password","before":"***","after":"***"');
  });
});
