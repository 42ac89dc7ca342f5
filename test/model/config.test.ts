import { describe, expect, it } from 'vitest';
import { ConfigInputSchema, resolveConfig } from '../../src/model/config.js';
import { zodIssuesToDiagnostics } from '../../src/model/zod-diagnostics.js';

/**
 * What `validate` prints for a runtype.config.ts default export: the loader's own path (safeParse,
 * then zodIssuesToDiagnostics).
 */
function configDiagnostics(config: unknown) {
  const parsed = ConfigInputSchema.safeParse(config, { reportInput: true });
  return parsed.success
    ? []
    : zodIssuesToDiagnostics(parsed.error.issues, { code: 'CONFIG_INVALID' }).map(
        ({ path, message, hint }) => ({ path: path?.join('.'), message, hint }),
      );
}

describe('config messages', () => {
  it('emulator: false says what emulator takes and how a remote environment is written', () => {
    const [d, ...rest] = configDiagnostics({ environments: { local: { emulator: false } } });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      path: 'environments.local',
      message: 'emulator must be true, not boolean false',
    });
    expect(d?.hint).toContain("{ url: 'https://api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' }");
    expect(d?.message).not.toContain('JSON value');
  });

  it('an emulator environment with remote fields, and a value that is no environment at all, say so', () => {
    expect(
      configDiagnostics({ environments: { e: { emulator: true, url: 'https://a.example' } } }),
    ).toEqual([
      expect.objectContaining({
        path: 'environments.e',
        message: 'an emulator environment takes only emulator and description, not "url"',
      }),
    ]);
    expect(configDiagnostics({ environments: { e: 'https://a.example' } })).toEqual([
      expect.objectContaining({
        message:
          'must be an environment, { emulator: true } or { url, apiKeyEnv }, not the string "https://a.example"',
      }),
    ]);
  });

  it('a remote environment without url names the missing field and its form', () => {
    expect(configDiagnostics({ environments: { p: { apiKeyEnv: 'RUNTYPE_API_KEY' } } })).toEqual([
      expect.objectContaining({
        path: 'environments.p',
        message:
          'not a valid remote environment: url is required (an https:// base URL such as https://api.runtype.com)',
      }),
    ]);
    expect(
      configDiagnostics({ environments: { p: { urll: 'https://a.example' } } })[0]?.message,
    ).toContain('unknown environment field "urll" (did you mean "url"?)');
  });

  it('a URL without its scheme says what is expected and offers the https:// form', () => {
    expect(
      configDiagnostics({
        environments: { p: { url: 'api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' } },
      }),
    ).toEqual([
      {
        path: 'environments.p.url',
        message:
          'must be an https:// base URL such as https://api.runtype.com (with or without /v1), not the string "api.runtype.com"',
        hint: 'did you mean "https://api.runtype.com"?',
      },
    ]);
    expect(
      configDiagnostics({ environments: { p: { url: 'ftp://files.example' } } })[0],
    ).toMatchObject({ path: 'environments.p.url', hint: undefined });
  });

  it('unknown keys get "did you mean", at the key itself, as flow fields do', () => {
    expect(configDiagnostics({ concurency: 4 })).toEqual([
      {
        path: 'concurency',
        message: 'unknown config field "concurency"',
        hint: 'did you mean "concurrency"?',
      },
    ]);
    expect(
      configDiagnostics({
        environments: { prod: { url: 'https://api.runtype.com', apiKeyEnvv: 'RUNTYPE_API_KEY' } },
      }),
    ).toEqual([
      {
        path: 'environments.prod.apiKeyEnvv',
        message: 'unknown environment field "apiKeyEnvv"',
        hint: 'did you mean "apiKeyEnv"?',
      },
    ]);
    expect(configDiagnostics({ owner: 'me' })[0]?.hint).toBe(
      'defineConfig takes flows, environments, defaultEnvironment, concurrency, publish, extraStepTypes, preflight, requestTimeoutMs, maxRetryAfterMs, loadTimeoutMs',
    );
    expect(configDiagnostics({ bogus: 1, concurency: 4 })).toEqual([
      {
        path: '',
        message: 'unknown config fields "bogus", "concurency"',
        hint: 'did you mean "concurrency" for "concurency"? defineConfig takes flows, environments, defaultEnvironment, concurrency, publish, extraStepTypes, preflight, requestTimeoutMs, maxRetryAfterMs, loadTimeoutMs',
      },
    ]);
  });

  it('an API key written where its variable name belongs is not echoed back', () => {
    const [d] = configDiagnostics({
      environments: {
        p: { url: 'https://api.runtype.com', apiKeyEnv: 'rt_live_abcdefghijk12345' },
      },
    });
    expect(d).toMatchObject({
      path: 'environments.p.apiKeyEnv',
      message:
        'must be the name of the environment variable that holds the API key, such as RUNTYPE_API_KEY',
    });
    expect(JSON.stringify(d)).not.toContain('rt_live_');
  });

  it('flows must be globs', () => {
    expect(configDiagnostics({ flows: 5 })).toEqual([
      expect.objectContaining({
        path: 'flows',
        message: 'must be a glob or a list of globs, e.g. "flows/**/*.ts"',
      }),
    ]);
  });

  it('extraStepTypes is a list of type strings, [] when not given', () => {
    expect(configDiagnostics({ extraStepTypes: ['create-record'] })).toEqual([]);
    expect(configDiagnostics({ extraStepTypes: 'create-record' })).toEqual([
      expect.objectContaining({ path: 'extraStepTypes' }),
    ]);
    expect(configDiagnostics({ extraStepTypes: ['two words'] })[0]?.message).toContain(
      'step type string',
    );
    expect(resolveConfig({ extraStepTypes: ['create-record'] }).extraStepTypes).toEqual([
      'create-record',
    ]);
    expect(resolveConfig(undefined).extraStepTypes).toEqual([]);
  });

  it('a valid config has no diagnostics', () => {
    expect(
      configDiagnostics({
        flows: ['flows/**/*.ts'],
        environments: {
          local: { emulator: true },
          production: { url: 'https://api.runtype.com/v1', apiKeyEnv: 'RUNTYPE_API_KEY' },
        },
        concurrency: 4,
      }),
    ).toEqual([]);
  });
});
