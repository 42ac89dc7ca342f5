import { findProject } from '../../load/project/find-config.js';
import type { ResolvedConfig } from '../../model/config.js';
import { hasErrors } from '../../model/diagnostics.js';
import { connect, type ReadOnlyConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import { resolveTarget, type Target } from '../target.js';

/**
 * A read-only connection opened, and the account's listing started, while the flow modules
 * load in their worker: `plan` and `status` on a remote environment then wait for the slower of
 * the two, not for both one after the other (500 flows: 5 listing pages at the API's latency;
 * 5,000: 50).
 *
 * Only for reading commands: a sync lists under its writer lock, so that a run never plans from
 * a listing made before another run's writes. Nothing here reports anything: when the config does
 * not load, the target cannot be chosen or the connection fails, the command goes the usual way
 * and meets the same problem there, in its usual order (the flows' own errors first).
 */
export interface EarlyRead {
  /**
   * The connection, when it was opened for this project and target (else undefined: the caller
   * connects as usual). Its first listing is the one started early.
   */
  take(root: string, target: Target): Promise<ReadOnlyConnection | undefined>;
  /** Closes the connection unless it was taken (call it on every path). */
  discard(): Promise<void>;
}

interface Opened {
  root: string;
  target: Target;
  connection: ReadOnlyConnection;
}

export function startEarlyRead(ctx: AppContext, env: string | undefined): EarlyRead {
  const opened = open(ctx, env).catch(() => undefined);
  let taken = false;
  return {
    async take(root, target) {
      const early = await opened;
      if (early === undefined || taken) return undefined;
      if (early.root !== root || !sameTarget(early.target, target)) return undefined;
      taken = true;
      return early.connection;
    },
    async discard() {
      const early = await opened;
      if (early !== undefined && !taken) {
        taken = true;
        await early.connection.close().catch(() => undefined);
      }
    },
  };
}

// --- internal ---

async function open(ctx: AppContext, env: string | undefined): Promise<Opened | undefined> {
  const { root, configFile } = findProject(ctx.cwd, ctx.configPath);
  const config = await configOf(ctx, root, configFile);
  if (config === undefined) return undefined;
  const target = resolveTarget(config, ctx.env, env);
  // The embedded emulator answers at once: nothing to overlap, and one emulator per run is simpler.
  if (target.kind !== 'remote') return undefined;
  const connection = await connect(ctx, { root, config }, target, 'read-only');
  const listing = connection.api.listFlows();
  listing.catch(() => undefined); // awaited by the plan, which reports a failure as its own
  let first = true;
  const api: ReadOnlyConnection['api'] = Object.create(connection.api, {
    listFlows: {
      value: () => {
        if (!first) return connection.api.listFlows();
        first = false;
        return listing;
      },
    },
  }) as ReadOnlyConnection['api'];
  return { root, target, connection: { ...connection, api } };
}

/**
 * The config, from the load the CLI prefetched (its worker tells it before importing any flow),
 * else read on its own (a loader that does not prefetch: tests, running from source).
 */
async function configOf(
  ctx: AppContext,
  root: string,
  configFile: string | undefined,
): Promise<ResolvedConfig | undefined> {
  const request = { cwd: ctx.cwd, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) };
  const prefetched = await ctx.loader.prefetchedConfig?.(request);
  if (prefetched !== undefined) return prefetched ?? undefined;
  const { config, diagnostics } = await ctx.loader.loadConfig(configFile, root);
  return hasErrors(diagnostics) ? undefined : config;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== 'remote' || b.kind !== 'remote') return false;
  return (
    a.environment === b.environment &&
    a.apiUrl === b.apiUrl &&
    a.apiKey === b.apiKey &&
    a.lockSection === b.lockSection &&
    a.lockLocation === b.lockLocation
  );
}
