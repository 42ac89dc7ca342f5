import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/index.js';
import { aFlow, onlyDiagnostic, summarise } from './builders.js';

const HEADER_PATH = ['steps', 0, 'config', 'http', 'headers', 'X-Key'];
const withHeader = (value: string, allowSecrets?: string[]) =>
  aFlow({
    ...(allowSecrets ? { allowSecrets } : {}),
    steps: [
      {
        id: 'a',
        name: 'A',
        type: 'fetch-url',
        config: { http: { url: 'https://x.example', headers: { 'X-Key': value } } },
      },
    ],
  });

describe('secret-looking literals', () => {
  const leaks: [string, string][] = [
    ['a Runtype live key', 'rt_live_abcdefgh12345678'],
    ['a Runtype test key', 'rt_test_abcdefgh12345678'],
    ['an OpenAI key', 'sk-proj-abc123defghijklmnopqrstuvwx'],
    ['an Anthropic key', 'sk-ant-api03-abcdefghijklmnop'],
    ['a GitHub token', 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345'],
    ['a fine-grained GitHub token', 'github_pat_11ABCDEFG0123456789_abcdefghij'],
    ['an AWS key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a Slack bot token', 'xoxb-1234567890-abcdefghij'],
    ['a Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    ['a literal bearer token', 'Bearer abc123def456ghi789'],
    ['a lower-case bearer token', 'bearer abc123def456ghi789'],
    ['literal basic auth', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
    ],
    ['a password in a URL', 'postgres://admin:hunter22@db.example.com/app'],
    ['a key in a query string', 'https://api.example.com/v1?api_key=abcd1234efgh5678'],
    [
      'a JWT',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['a Stripe test secret key', 'sk_test_51HxYzAbCdEfGhIjKlMnOpQr'],
    ['a Stripe live secret key', 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
    ['a Stripe restricted key', 'rk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
    ['a Stripe webhook secret', 'whsec_abcdefghijklmnopqrstuvwx1234'],
    ['a Slack user token', 'xoxp-1234567890-abcdefghij'],
    ['a Slack app token', 'xoxa-2-abcdefghij1234'],
    ['a Slack legacy token', 'xoxs-1234567890-abcdef'],
    ['a Slack app-level token', 'xapp-1-A0123456789-abcdef'],
    [
      'a Slack webhook URL',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    [
      'a Discord webhook URL',
      'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
    ],
    ['a GitLab token', 'glpat-abcdefghij0123456789'],
    ['an npm token', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a Hugging Face token', 'hf_abcdefghijklmnopqrstuvwxyzABCDEF'],
    ['a SendGrid key', 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'],
    [
      'an AWS secret next to its key id',
      'AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['an AWS secret named as one', 'aws secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ];

  it.each(leaks)(
    '%s is a SECRET_LITERAL error at its path, with the way out in the hint',
    (_label, value) => {
      const d = onlyDiagnostic(withHeader(value));
      expect(d).toMatchObject({ severity: 'error', code: 'SECRET_LITERAL', path: HEADER_PATH });
      expect(d.hint).toContain('{{secret:NAME}}');
      expect(d.hint).toContain('allowSecrets');
      expect(d.hint).toContain('"steps[0].config.http.headers.X-Key"');
      // The message never repeats the secret itself (diagnostics end up in CI logs).
      expect(d.message).not.toContain(value);
    },
  );

  const fine: [string, string][] = [
    ['a managed secret', 'Bearer {{secret:API_TOKEN}}'],
    ['a per-dispatch secret', 'Bearer {{secrets.token}}'],
    ['prose about bearer auth', 'Use Bearer authentication with the API'],
    ['prose about basic auth', 'Basic understanding of English required'],
    ['a templated query key', 'https://api.example.com/v1?api_key={{secret:WEATHER_KEY}}'],
    ['a URL with a user but no password', 'https://user@example.com/path'],
    ['a short sk- word', 'sk-learn'],
    ['a long sk- name without digits', 'sk-learn-random-forest-classifier'],
    ['an email in a query string', 'https://api.example.com:8443/x?notify=ops@example.com'],
    ['a Stripe publishable key', 'pk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
    [
      'a 40-character hash with no AWS context',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and b64 wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['a Slack page URL', 'https://hooks.slack.com/'],
  ];

  it.each(fine)('%s is fine', (_label, value) => {
    expect(summarise(withHeader(value))).toEqual([]);
  });

  it('is checked anywhere in the flow, not only in headers', () => {
    expect(summarise(aFlow({ description: 'key: rt_live_abcdefgh12345678' }))).toEqual([
      'error SECRET_LITERAL description',
    ]);
    const inBranch = aFlow({
      steps: [
        {
          id: 'c',
          name: 'C',
          type: 'conditional',
          config: {
            condition: 'true',
            trueSteps: [
              {
                id: 's',
                name: 'S',
                type: 'set-variable',
                config: { variableName: 'k', value: ['AKIAIOSFODNN7EXAMPLE'] },
              },
            ],
          },
        },
      ],
    });
    expect(summarise(inBranch)).toEqual([
      'error SECRET_LITERAL steps[0].config.trueSteps[0].config.value[0]',
    ]);
  });
});

describe('the audit reproduction (one step each)', () => {
  it('names what each leak looks like', () => {
    const labels = (step: unknown) =>
      parseFlow(aFlow({ steps: [step] })).diagnostics.map((d) => d.message.replace(/;.*/, ''));
    const fetch = (http: unknown) => ({ id: 'f', name: 'F', type: 'fetch-url', config: { http } });
    expect(
      labels(
        fetch({
          url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        }),
      ),
    ).toEqual(['this looks like a Slack webhook URL']);
    expect(
      labels(
        fetch({
          url: 'https://x.example',
          headers: { 'Stripe-Key': 'sk_test_51HxYzAbCdEfGhIjKlMnOpQr' },
        }),
      ),
    ).toEqual(['this looks like a Stripe secret key']);
    expect(
      labels(
        fetch({
          url: 'https://x.example',
          headers: { Authorization: 'Bearer sk_test_51HxYzAbCdEfGhIjKlMnOpQr' },
        }),
      ),
    ).toEqual(['this looks like a Stripe secret key']);
    expect(
      labels({
        id: 'p',
        name: 'P',
        type: 'prompt',
        config: {
          model: 'm',
          userPrompt:
            'use key AKIAIOSFODNN7EXAMPLE and secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        },
      }),
    ).toEqual(['this looks like an AWS secret access key']);
  });
});

describe('allowSecrets', () => {
  it('works for the newer patterns too, by path or by value', () => {
    const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(summarise(withHeader(hook, [hook]))).toEqual([]);
    expect(
      summarise(
        withHeader('sk_test_51HxYzAbCdEfGhIjKlMnOpQr', ['steps[0].config.http.headers.X-Key']),
      ),
    ).toEqual([]);
  });

  it('allows a false positive by its field path or by its exact value', () => {
    expect(
      summarise(withHeader('rt_live_abcdefgh12345678', ['steps[0].config.http.headers.X-Key'])),
    ).toEqual([]);
    expect(summarise(withHeader('rt_live_abcdefgh12345678', ['rt_live_abcdefgh12345678']))).toEqual(
      [],
    );
  });

  it('allows only what it names: another path or another value is still an error (and the entry is unused)', () => {
    expect(
      summarise(withHeader('rt_live_abcdefgh12345678', ['steps[1].config.http.headers.X-Key'])),
    ).toEqual([
      'error SECRET_LITERAL steps[0].config.http.headers.X-Key',
      'warning SECRET_ALLOW_UNUSED allowSecrets[0]',
    ]);
    expect(summarise(withHeader('rt_live_abcdefgh12345678', ['rt_live_abcdefgh']))).toEqual([
      'error SECRET_LITERAL steps[0].config.http.headers.X-Key',
      'warning SECRET_ALLOW_UNUSED allowSecrets[0]',
    ]);
  });

  it('an entry that allows nothing is a warning, so stale paths do not linger', () => {
    const { flow, diagnostics } = parseFlow(
      withHeader('plain-value', ['steps[0].config.http.url']),
    );
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.path?.join('.')}`)).toEqual([
      'warning SECRET_ALLOW_UNUSED allowSecrets.0',
    ]);
    expect(flow).toBeDefined();
  });

  it('belongs to its flow: the same literal in a flow without the entry is an error', () => {
    expect(
      parseFlow(withHeader('rt_live_abcdefgh12345678', ['rt_live_abcdefgh12345678'])).flow
        ?.allowSecrets,
    ).toEqual(['rt_live_abcdefgh12345678']);
    expect(summarise(withHeader('rt_live_abcdefgh12345678'))).toEqual([
      'error SECRET_LITERAL steps[0].config.http.headers.X-Key',
    ]);
  });
});
