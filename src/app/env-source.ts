import type { Env } from './context.js';

/**
 * Which variables of an environment object were filled from the project's `.env` (not the
 * shell), so a message can say where a value came from (`RUNTYPE_API_URL in .env`). Kept beside
 * the object rather than in it: every function that takes an `Env` can ask, none has to pass it.
 */
const fromDotEnv = new WeakMap<Env, ReadonlySet<string>>();

/** Recorded once by whoever merged `.env` into `env` (the CLI). */
export function markDotEnv(env: Env, names: Iterable<string>): void {
  fromDotEnv.set(env, new Set(names));
}

/** `NAME`, or `NAME in .env` when `.env` supplied it. */
export function variableSource(env: Env, name: string): string {
  return fromDotEnv.get(env)?.has(name) === true ? `${name} in .env` : name;
}
