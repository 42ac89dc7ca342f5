import { normalizeBaseUrl } from '../api/base-url.js';
import path from 'node:path';
import { RuntypeError } from '../errors.js';
import type { ResolvedConfig } from '../model/config.js';
import { lockPaths, type LockAddress } from '../state/index.js';
import type { AppContext, Env } from './context.js';
import type { TargetInfo } from './results.js';
import { targetLabel } from './target-label.js';

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
  /** Which variables of `env` the project's `.env` filled (for messages: `X in .env`). */
  fromDotEnv?: ReadonlySet<string>;
}

/**
 * The environment a command works against, by name: --env, else RUNTYPE_ENV, else the config's
 * default; `from` says which, for a message about an unknown name.
 */
export function environmentName(
  config: Pick<ResolvedConfig, 'defaultEnvironment'>,
  env: Env,
  requested: string | undefined,
  fromDotEnv?: ReadonlySet<string>,
): { name: string; from: string } {
  if (requested !== undefined) return { name: requested, from: '--env' };
  const variable = env.RUNTYPE_ENV;
  if (variable !== undefined) {
    return { name: variable, from: variableSource('RUNTYPE_ENV', fromDotEnv) };
  }
  return { name: config.defaultEnvironment, from: 'defaultEnvironment in the config' };
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
  envName: string | undefined,
  options: ResolveTargetOptions = {},
): Target {
  const { name, from } = environmentName(config, env, envName, options.fromDotEnv);
  const environment = config.environments[name];
  if (!environment) {
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
    ? variableSource('RUNTYPE_API_URL', options.fromDotEnv)
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

/** resolveTarget with the context's variables (and where they came from); says nothing. */
export function targetFor(
  ctx: Pick<AppContext, 'env' | 'fromDotEnv'>,
  config: ResolvedConfig,
  envName: string | undefined,
  options: Pick<ResolveTargetOptions, 'keyOptional'> = {},
): Target {
  const fromDotEnv = ctx.fromDotEnv ? { fromDotEnv: ctx.fromDotEnv } : {};
  return resolveTarget(config, ctx.env, envName, { ...options, ...fromDotEnv });
}

/**
 * The target a command (or a watch session, once) works against, warning when the key is not the
 * environment's own.
 */
export function chooseTarget(
  ctx: Pick<AppContext, 'env' | 'fromDotEnv' | 'reporter'>,
  config: ResolvedConfig,
  envName: string | undefined,
  options: Pick<ResolveTargetOptions, 'keyOptional'> = {},
): Target {
  const target = targetFor(ctx, config, envName, options);
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
export function lockAddress(root: string, target: Target): LockAddress {
  return {
    root,
    section: target.lockSection,
    apiUrl: target.kind === 'emulator' ? EMULATOR_LOCK_URL : target.apiUrl,
    location: target.lockLocation,
  };
}

/**
 * Whether two targets are the same account, reached the same way, keeping its lock state in the
 * same place: what a connection opened for one may serve the other for (the listing read ahead,
 * a watch session after a config edit). The key counts: a connection is authenticated with it,
 * and another key may be another account behind the same URL. `publish` does not: it is read
 * from the target each run.
 */
export function sameTarget(a: Target, b: Target): boolean {
  const identity = (t: Target) => {
    const remote = t.kind === 'remote' ? [t.apiUrl, t.apiKey] : [];
    return JSON.stringify([t.kind, t.environment, t.lockSection, t.lockLocation, ...remote]);
  };
  return identity(a) === identity(b);
}

/** `"production" (https://api.runtype.com/v1)`, or the embedded emulator's label: for messages. */
export function describeTarget(target: Target): string {
  return `"${target.environment}" (${targetLabel(target)})`;
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

// --- internal ---

/** `NAME`, or `NAME in .env` when the project's `.env` supplied it. */
function variableSource(name: string, fromDotEnv: ReadonlySet<string> | undefined): string {
  return fromDotEnv?.has(name) === true ? `${name} in .env` : name;
}
