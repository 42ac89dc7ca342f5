import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../model/config.js';
import { normalizeApiUrl } from '../state/api-url.js';
import { resolveTarget } from './target.js';

const config = resolveConfig({
  environments: { prod: { url: 'https://api.runtype.com' }, local: { emulator: true } },
  defaultEnvironment: 'prod',
});
const key = { RUNTYPE_API_KEY: 'rt_live_k' };

describe('resolveTarget', () => {
  it('RUNTYPE_API_URL and RUNTYPE_API_KEY override a remote environment, with or without /v1', () => {
    const target = resolveTarget(
      config,
      { RUNTYPE_API_URL: 'https://api.runtype-staging.com/', RUNTYPE_API_KEY: 'k' },
      undefined,
    );
    expect(target).toMatchObject({
      environment: 'prod',
      kind: 'remote',
      apiUrl: 'https://api.runtype-staging.com/v1',
      apiKey: 'k',
    });
    expect(normalizeApiUrl('https://x.example/v1/')).toBe('https://x.example/v1');
  });

  it('an emulator environment ignores them', () => {
    expect(
      resolveTarget(config, { ...key, RUNTYPE_API_URL: 'https://api.runtype.com' }, 'local'),
    ).toMatchObject({ kind: 'emulator' });
  });

  it('RUNTYPE_ENV selects, --env wins', () => {
    expect(resolveTarget(config, { ...key, RUNTYPE_ENV: 'local' }, undefined).environment).toBe(
      'local',
    );
    expect(resolveTarget(config, { ...key, RUNTYPE_ENV: 'local' }, 'prod').environment).toBe(
      'prod',
    );
  });

  it.each(['http://127.0.0.1:8790', 'http://localhost:8790', 'http://[::1]:8790'])(
    'allows plain http to loopback %s',
    (url) => {
      expect(resolveTarget(config, { ...key, RUNTYPE_API_URL: url }, undefined).kind).toBe(
        'remote',
      );
    },
  );

  it.each(['http://api.example.com', 'http://127.0.0.1.nip.io', 'http://127.evil.example'])(
    'refuses plain http to %s',
    (url) => {
      expect(() => resolveTarget(config, { ...key, RUNTYPE_API_URL: url }, undefined)).toThrow(
        /plain http/,
      );
    },
  );

  it('a missing key is an error naming the variable', () => {
    expect(() => resolveTarget(config, {}, undefined)).toThrow(/RUNTYPE_API_KEY is not set/);
  });

  it.each(['rt_live_PASTED_KEY_0123456789', 'ftp://rt_live_PASTED_KEY_0123456789@host'])(
    'an invalid RUNTYPE_API_URL is named, never echoed (%s)',
    (url) => {
      const error = (() => {
        try {
          resolveTarget(config, { ...key, RUNTYPE_API_URL: url }, undefined);
        } catch (caught) {
          return caught as { code: string; message: string; hint?: string; meta?: unknown };
        }
        throw new Error('expected an error');
      })();
      expect(error).toMatchObject({
        code: 'API_INVALID_URL',
        message: expect.stringContaining('RUNTYPE_API_URL') as unknown,
      });
      expect(
        JSON.stringify({ message: error.message, hint: error.hint, meta: error.meta }),
      ).not.toContain('PASTED_KEY');
    },
  );

  it("says when RUNTYPE_API_KEY overrides the environment's own key variable", () => {
    const staging = resolveConfig({
      environments: {
        staging: { url: 'https://api.runtype-staging.com', apiKeyEnv: 'STAGING_KEY' },
      },
    });
    expect(
      resolveTarget(staging, { RUNTYPE_API_KEY: 'a', STAGING_KEY: 'b' }, undefined),
    ).toMatchObject({ apiKey: 'a', apiKeyEnv: 'RUNTYPE_API_KEY', overriddenKeyEnv: 'STAGING_KEY' });
    expect(resolveTarget(staging, { STAGING_KEY: 'b' }, undefined)).not.toHaveProperty(
      'overriddenKeyEnv',
    );
    expect(resolveTarget(config, key, undefined)).not.toHaveProperty('overriddenKeyEnv');
  });
});
