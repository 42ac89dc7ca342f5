import { describe, expect, it } from 'vitest';
import { isCredentialField, mentionsCredential } from '../../src/model/credential-fields.js';
import { parseFlow } from '../../src/model/index.js';
import { aFlow, onlyDiagnostic, summarise } from './builders.js';

const fetchWith = (http: Record<string, unknown>, allowSecrets?: string[]) =>
  aFlow({
    ...(allowSecrets ? { allowSecrets } : {}),
    inputs: ['api_token'],
    steps: [
      {
        id: 'a',
        name: 'A',
        type: 'fetch-url',
        config: { http: { url: 'https://x.example', ...http } },
      },
    ],
  });
const header = (name: string, value: string) => fetchWith({ headers: { [name]: value } });
const apiCallAuth = (auth: unknown) =>
  aFlow({
    inputs: ['token'],
    steps: [
      {
        id: 'a',
        name: 'A',
        type: 'api-call',
        config: { http: { url: 'https://x.example' }, auth },
      },
    ],
  });

describe('a literal under a credential-named field', () => {
  const leaks: [string, unknown, string][] = [
    [
      'an X-Api-Key header of hex',
      header('X-Api-Key', 'a8f5f167f44f4964e6c998dee827110c'),
      'steps[0].config.http.headers.X-Api-Key',
    ],
    [
      'an Authorization header with the Token scheme',
      header('Authorization', 'Token 9f8e7d6c5b4a39281706f5e4d3c2b1a0'),
      'steps[0].config.http.headers.Authorization',
    ],
    [
      'a lower-case x-auth-token header',
      header('x-auth-token', 'Zx81kLmQ2pR7vT4wY9bN3cF6hJ0gD5sA'),
      'steps[0].config.http.headers.x-auth-token',
    ],
    [
      'a Cookie header',
      header('Cookie', 'session=3f9a1c77e2'),
      'steps[0].config.http.headers.Cookie',
    ],
    [
      'api-call auth.token',
      apiCallAuth({ type: 'bearer', token: 'Zx81kLmQ2pR7vT4wY9bN3cF6hJ0gD5sA' }),
      'steps[0].config.auth.token',
    ],
    [
      'api-call auth.password, however plain',
      apiCallAuth({ username: 'bob', password: 'hunter2hunter2' }),
      'steps[0].config.auth.password',
    ],
    [
      'a random value under a bare auth',
      apiCallAuth('Zx81kLmQ2pR7vT4wY9bN3cF6'),
      'steps[0].config.auth',
    ],
    [
      'client_secret in a body',
      fetchWith({ body: { client_id: 'app', client_secret: 'q8Wn2-Lz0vXy' } }),
      'steps[0].config.http.body.client_secret',
    ],
    [
      'an AWS secret under its own name',
      fetchWith({ body: { aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } }),
      'steps[0].config.http.body.aws_secret_access_key',
    ],
    [
      'a list of apiKeys',
      fetchWith({ body: { apiKeys: ['first-key-value'] } }),
      'steps[0].config.http.body.apiKeys[0]',
    ],
    [
      'a name/value header pair',
      fetchWith({ body: [{ name: 'Authorization', value: 'Token abcdef0123Q7xk' }] }),
      'steps[0].config.http.body[0].value',
    ],
    [
      'set-variable naming its variable api_key',
      aFlow({
        steps: [
          {
            id: 's',
            name: 'S',
            type: 'set-variable',
            config: { variableName: 'api_key', value: 'k-83jd9a0q7Xw2' },
          },
        ],
      }),
      'steps[0].config.value',
    ],
    [
      'a random value under credential',
      fetchWith({ body: { credential: 'c8Jq2LmZ0vXw4Rt7' } }),
      'steps[0].config.http.body.credential',
    ],
    [
      'a random value in a list of credentials',
      fetchWith({ body: { credentials: ['u5er:Pa55w0rd-2024'] } }),
      'steps[0].config.http.body.credentials[0]',
    ],
    [
      'a real-looking password starting with my_',
      apiCallAuth({ username: 'bob', password: 'my_db_pass_2024' }),
      'steps[0].config.auth.password',
    ],
    [
      'a real-looking password starting with the-',
      apiCallAuth({ username: 'bob', password: 'the-horse-battery' }),
      'steps[0].config.auth.password',
    ],
    [
      'a token starting with my-',
      header('X-Api-Key', 'my-team-key'),
      'steps[0].config.http.headers.X-Api-Key',
    ],
  ];

  it.each(leaks)(
    '%s is a SECRET_LITERAL error naming the field, never the value',
    (_label, flow, at) => {
      const d = onlyDiagnostic(flow);
      expect(d).toMatchObject({ severity: 'error', code: 'SECRET_LITERAL' });
      expect(d.message).toMatch(/^this looks like a literal credential under "/);
      expect(d.hint).toContain('{{secret:NAME}}');
      expect(d.hint).toContain(`"${at}"`);
      expect(JSON.stringify(d)).not.toMatch(
        /a8f5f167|9f8e7d6c|Zx81kLmQ|3f9a1c77|q8Wn2|wJalrXUtn|first-key|abcdef0123|k-83jd9|c8Jq2|u5er|my_db|the-horse|my-team/,
      );
    },
  );

  const fine: [string, unknown][] = [
    ['a managed secret', header('X-Api-Key', '{{secret:WEATHER_KEY}}')],
    ['a scheme and a template', header('Authorization', 'Bearer {{api_token}}')],
    ['an input as the token', apiCallAuth({ type: 'bearer', token: '{{token}}' })],
    ['an empty value', header('X-Api-Key', '')],
    ['xxx', header('X-Api-Key', 'xxxxxxxx')],
    ['<your-key>', header('X-Api-Key', '<your-key>')],
    ['your-api-key-here', header('X-Api-Key', 'your-api-key-here')],
    ['your_token', header('X-Api-Key', 'your_token')],
    ['my-api-key-here', header('X-Api-Key', 'my-api-key-here')],
    ['<my key>', header('X-Api-Key', '<my key>')],
    ['enter_your_key', header('X-Api-Key', 'enter_your_key')],
    ['insert-the-token', header('X-Api-Key', 'insert-the-token')],
    ['changeme', apiCallAuth({ password: 'changeme' })],
    ['an environment reference', header('X-Api-Key', '${WEATHER_API_KEY}')],
    ['the name of a secret', header('X-Api-Key', 'WEATHER_API_KEY')],
    ['an abbreviated docs key', header('Authorization', 'Bearer sk-...')],
    ['the scheme alone', apiCallAuth({ type: 'bearer', token: 'Bearer' })],
    ['an auth mode', apiCallAuth('oauth2')],
    ['an auth object with no credential in it', apiCallAuth({ type: 'bearer', in: 'header' })],
  ];

  it.each(fine)('%s is fine', (_label, flow) => {
    expect(summarise(flow)).toEqual([]);
  });

  it('ordinary config and prose that mention tokens, keys or passwords are not flagged', () => {
    const flow = aFlow({
      key: 'release-2024-summary',
      description:
        'Reset the password with the token we emailed; the API key lives in the dashboard.',
      inputs: ['token', 'api_key'],
      steps: [
        {
          id: 'p',
          name: 'Count tokens',
          type: 'prompt',
          config: {
            model: 'm',
            userPrompt: 'Use {{token}} and {{api_key}}',
            maxTokens: 500,
            outputVariable: 'token',
          },
        },
        {
          id: 'n',
          name: 'Next page',
          type: 'api-call',
          config: {
            http: {
              url: 'https://x.example',
              body: {
                tokenizer: 'cl100k',
                pageToken: 'CAEQAhgB9xY',
                tokenType: 'bearer',
                secretName: 'OPENAI_KEY',
                passwordHint: 'your pet',
                key: 'order-2024-07-19',
                tokenUrl: 'https://auth.example/token',
              },
            },
          },
        },
        {
          id: 's',
          name: 'S',
          type: 'set-variable',
          config: { variableName: 'token_count', value: '1024 tokens' },
        },
      ],
    });
    expect(summarise(flow)).toEqual([]);
  });

  it('allowSecrets lets a field-named literal through by its path or its exact value', () => {
    const path = 'steps[0].config.http.headers.X-Api-Key';
    expect(
      summarise(fetchWith({ headers: { 'X-Api-Key': 'public-demo-key-42' } }, [path])),
    ).toEqual([]);
    expect(
      summarise(
        fetchWith({ headers: { 'X-Api-Key': 'public-demo-key-42' } }, ['public-demo-key-42']),
      ),
    ).toEqual([]);
    expect(
      summarise(fetchWith({ headers: { 'X-Api-Key': 'another-key-43' } }, ['public-demo-key-42'])),
    ).toEqual([`error SECRET_LITERAL ${path}`, 'warning SECRET_ALLOW_UNUSED allowSecrets[0]']);
    expect(
      parseFlow(fetchWith({ headers: { 'X-Api-Key': 'public-demo-key-42' } }, [path])).flow,
    ).toBeDefined();
  });
});

describe('credential field names', () => {
  it('a field is a credential when its name ends in a credential term, in any casing or separator style', () => {
    for (const name of [
      'apiKey',
      'X-Api-Key',
      'x-api-key',
      'api_key',
      'OPENAI_API_KEY',
      'APIKey',
      'token',
      'accessToken',
      'auth-token',
      'x-auth-token',
      'secret',
      'clientSecret',
      'client_secret',
      'password',
      'db_passwd',
      'Authorization',
      'Proxy-Authorization',
      'privateKey',
      'private_key',
      'aws_secret_access_key',
      'secretAccessKey',
      'Ocp-Apim-Subscription-Key',
      'Cookie',
      'refreshToken',
      'botToken',
      'userToken',
      'id_token',
      'resetToken',
    ]) {
      expect(isCredentialField(name), name).toBe(true);
    }
    for (const name of [
      'maxTokens',
      'max_tokens',
      'tokenizer',
      'tokenType',
      'tokenUrl',
      'pageToken',
      'nextPageToken',
      'secretName',
      'passwordHint',
      'key',
      'recordKey',
      'accessKeyId',
      'publicKey',
      'apiKeyEnv',
      'outputVariable',
      'author',
      'auth',
      'credential',
      'credentials',
    ]) {
      expect(isCredentialField(name), name).toBe(false);
    }
  });

  it('display redaction hides any field that mentions a credential (the broad list report/redact.ts needs)', () => {
    for (const name of [
      'api_key',
      'Authorization',
      'password',
      'apiKeys',
      'auth',
      'credentials',
      'secretSettings',
      'Cookie',
      'db_password',
      'token',
      'tokenUrl',
    ]) {
      expect(mentionsCredential(name), name).toBe(true);
    }
    for (const name of [
      'X-Trace',
      'model',
      'maxTokens',
      'max_tokens',
      'tokenizer',
      'author',
      'userPrompt',
      'outputVariable',
    ]) {
      expect(mentionsCredential(name), name).toBe(false);
    }
  });
});

describe('names that say token or password but hold no credential (the review reproduction)', () => {
  const body = (fields: Record<string, unknown>) => fetchWith({ body: fields });

  it('special-token settings are marker strings, not credentials', () => {
    const names = [
      'stopToken',
      'eosToken',
      'eos_token',
      'bosToken',
      'startToken',
      'endToken',
      'padToken',
      'sepToken',
      'delimiterToken',
      'specialToken',
      'unkToken',
      'maskToken',
      'clsToken',
      'outputToken',
      'eotToken',
      'im_start_token',
    ];
    for (const name of names) expect(isCredentialField(name), name).toBe(false);
    expect(summarise(body(Object.fromEntries(names.map((name) => [name, 'END']))))).toEqual([]);
    expect(
      summarise(body({ stopToken: '</s>', separator: { eos_token: '<|endoftext|>' } })),
    ).toEqual([]);
  });

  it('a real key under a special-token name is still caught by its shape', () => {
    expect(summarise(body({ stopToken: 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345' }))).toEqual([
      'error SECRET_LITERAL steps[0].config.http.body.stopToken',
    ]);
  });

  it('credential(s) naming a stored credential is fine; a random value there is not', () => {
    expect(
      summarise(
        body({
          credential: 'slack-prod',
          credentials: ['openai', 'stripe-live'],
          db_credentials: 'warehouse',
        }),
      ),
    ).toEqual([]);
    expect(summarise(body({ credential: 'c8Jq2LmZ0vXw4Rt7' }))).toEqual([
      'error SECRET_LITERAL steps[0].config.http.body.credential',
    ]);
  });

  it('a { name, value } option list is not a credential list; a random value paired with a credential name still is', () => {
    const options = [
      { name: 'Forgot password', value: 'forgot' },
      { name: 'Token', value: 'tok' },
      { name: 'API key', value: 'api-key' },
      { name: 'Reset password', value: 'reset_password' },
    ];
    expect(summarise(body({ options }))).toEqual([]);
    expect(
      summarise(
        body({ headers: [{ name: 'X-Api-Key', value: 'a8f5f167f44f4964e6c998dee827110c' }] }),
      ),
    ).toEqual(['error SECRET_LITERAL steps[0].config.http.body.headers[0].value']);
    expect(summarise(body({ headers: [{ key: 'password', value: 'hunter2hunter2' }] }))).toEqual([
      'error SECRET_LITERAL steps[0].config.http.body.headers[0].value',
    ]);
  });

  it('the whole reproduction flow is valid', () => {
    const flow = aFlow({
      steps: [
        {
          id: 'c',
          name: 'Call',
          type: 'api-call',
          config: {
            http: {
              url: 'https://x.example',
              method: 'POST',
              body: {
                stopToken: 'END',
                credential: 'slack-prod',
                options: [{ name: 'Forgot password', value: 'forgot' }],
              },
            },
          },
        },
      ],
    });
    expect(summarise(flow)).toEqual([]);
  });
});
