import { normalizeBaseUrl } from '../api/base-url.js';
import path from 'node:path';
import { RuntypeError } from '../errors.js';
import type { ResolvedConfig } from '../model/config.js';
import { lockPaths, type LockStoreOptions } from '../state/index.js';
import type { AppContext, Env } from './context.js';
import { variableSource } from './env-source.js';
import type { TargetInfo } from './results.js';

/**
 * The environment a run works against, resolved: which API (or the embedded emulator), which
 * key, and where its lock state lives. A `Connection` (connect.ts) is what a run holds while it
 * talks to it.
 */
export type Target =
  | {
      environment: string;
      kind: 'emulator';
      lockSection: string;
      lockLocation: 'local';
      publish: boolean;
    }
  | {
      environment: string;
      kind: 'remote';
      /** Normalised, with /v1. */
      apiUrl: string;
      apiKey: string;
      /** Which variable the key came from, for hints (never the key). */
      apiKeyEnv: string;
      /**
       * The environment's own key variable, set too but overridden by RUNTYPE_API_KEY (worth a
       * warning).
       */
      overriddenKeyEnv?: string;
      lockSection: string;
      lockLocation: 'shared' | 'local';
      publish: boolean;
    };

export interface ResolveTargetOptions {
  /**
   * A missing key is not an error: the target has an empty key (and no
   * Authorization header is sent). Only for what works without one
   * (POST /v1/public/flows/validate).
   */
  keyOptional?: boolean;
}

/**
 * Picks the environment (--env, else RUNTYPE_ENV, else the config default)
 * and where its key comes from. RUNTYPE_API_URL / RUNTYPE_API_KEY override a
 * remote environment but never an emulator one, and a missing key is an
 * error — never a silent fall-back to the emulator.
 */
export function resolveTarget(
  config: ResolvedConfig,
  env: Env,
  requested: string | undefined,
  options: ResolveTargetOptions = {},
): Target {
  const name = requested ?? env.RUNTYPE_ENV ?? config.defaultEnvironment;
  const environment = config.environments[name];
  if (!environment) {
    const from =
      requested !== undefined
        ? '--env'
        : env.RUNTYPE_ENV !== undefined
          ? variableSource(env, 'RUNTYPE_ENV')
          : 'defaultEnvironment in the config';
    throw new RuntypeError('UNKNOWN_ENVIRONMENT', `Unknown environment "${name}" (from ${from})`, {
      hint:
        `Known environments: ${Object.keys(config.environments).join(', ')}. ` +
        'Define it under "environments" in runtype.config.ts.',
      meta: { environment: name },
    });
  }
  if (environment.kind === 'emulator') {
    return {
      environment: name,
      kind: 'emulator',
      lockSection: name,
      lockLocation: 'local',
      publish: environment.publish,
    };
  }
  const urlSource = env.RUNTYPE_API_URL
    ? variableSource(env, 'RUNTYPE_API_URL')
    : `environments.${name}.url`;
  const apiUrl = normalizeBaseUrl(env.RUNTYPE_API_URL || environment.url, urlSource).href;
  const keyVar = env.RUNTYPE_API_KEY ? 'RUNTYPE_API_KEY' : environment.apiKeyEnv;
  const apiKey = env[keyVar] ?? '';
  if (apiKey === '' && options.keyOptional !== true) {
    const which =
      environment.apiKeyEnv === 'RUNTYPE_API_KEY'
        ? 'it'
        : `${environment.apiKeyEnv} (or RUNTYPE_API_KEY)`;
    throw new RuntypeError(
      'API_KEY_MISSING',
      `No API key for environment "${name}": ${environment.apiKeyEnv} is not set`,
      {
        hint:
          `Set ${which} in the environment or in a .env file in the project root. ` +
          'The local emulator is only used when the config or --env names it.',
        meta: { environment: name, apiKeyEnv: environment.apiKeyEnv },
      },
    );
  }
  return {
    environment: name,
    kind: 'remote',
    apiUrl,
    apiKey,
    apiKeyEnv: keyVar,
    ...(keyVar !== environment.apiKeyEnv && env[environment.apiKeyEnv]
      ? { overriddenKeyEnv: environment.apiKeyEnv }
      : {}),
    lockSection: environment.lockSection,
    lockLocation: environment.personal ? 'local' : 'shared',
    publish: environment.publish,
  };
}

/**
 * The target a command (or a watch session, once) works against, warning when the key is not the
 * environment's own.
 */
export function chooseTarget(
  ctx: Pick<AppContext, 'env' | 'reporter'>,
  config: ResolvedConfig,
  requested: string | undefined,
  options: ResolveTargetOptions = {},
): Target {
  const target = resolveTarget(config, ctx.env, requested, options);
  if (target.kind === 'remote' && target.overriddenKeyEnv) {
    // By contract RUNTYPE_API_KEY wins; in a CI job holding several keys that may be the wrong
    // account's.
    ctx.reporter.warn(
      `RUNTYPE_API_KEY is set and overrides ${target.overriddenKeyEnv} ` +
        `for environment "${target.environment}"`,
    );
  }
  return target;
}

/** The fixed identity of the embedded emulator in lock sections (its port changes per run). */
const EMULATOR_LOCK_URL = 'emulator://local/v1';

/** Where a target's lock state lives and which URL its section is bound to. */
export function lockStoreOptions(
  root: string,
  target: Target,
): Omit<LockStoreOptions, 'writerLock'> {
  return {
    root,
    section: target.lockSection,
    apiUrl: target.kind === 'emulator' ? EMULATOR_LOCK_URL : target.apiUrl,
    location: target.lockLocation,
  };
}

/**
 * Which account a run talks to, as results show it; `apiUrl` is the connected one when there is
 * one.
 */
export function targetInfo(root: string, target: Target, apiUrl: string | undefined): TargetInfo {
  const lockFile = lockPaths(root, target.lockLocation, target.lockSection).lockfile;
  return {
    environment: target.environment,
    kind: target.kind,
    apiUrl: apiUrl ?? (target.kind === 'remote' ? target.apiUrl : 'emulator'),
    lockFile: path.relative(root, lockFile) || lockFile,
    lockSection: target.lockSection,
  };
}
