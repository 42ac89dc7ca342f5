import type { ResolvedConfig } from '../../model/config.js';
import { hasErrors } from '../../model/diagnostics.js';
import { connect, type ReadOnlyConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import { locateProject, readProjectConfig } from '../project.js';
import { sameTarget, targetFor, type Target } from '../target.js';

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
export interface ListingAhead {
  /**
   * The connection, when it was opened for this project and target (else undefined: the caller
   * connects as usual). Its first listing is the one started ahead.
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

export function startListingAhead(ctx: AppContext, envName: string | undefined): ListingAhead {
  const opened = open(ctx, envName).catch(() => undefined);
  let taken = false;
  return {
    async take(root, target) {
      const ahead = await opened;
      if (ahead === undefined || taken) return undefined;
      if (ahead.root !== root || !sameTarget(ahead.target, target)) return undefined;
      taken = true;
      return ahead.connection;
    },
    async discard() {
      const ahead = await opened;
      if (ahead !== undefined && !taken) {
        taken = true;
        await ahead.connection.close().catch(() => undefined);
      }
    },
  };
}

// --- internal ---

async function open(ctx: AppContext, envName: string | undefined): Promise<Opened | undefined> {
  const { root } = locateProject(ctx);
  const config = await configOf(ctx);
  if (config === undefined) return undefined;
  const target = targetFor(ctx, config, envName);
  // The embedded emulator answers at once: nothing to overlap, and one emulator per run is simpler.
  if (target.kind !== 'remote') return undefined;
  const options = { listAhead: true };
  const connection = await connect(ctx, { root, config }, target, 'read-only', options);
  return { root, target, connection };
}

/**
 * The config, from the load the CLI prefetched (its worker tells it before importing any flow),
 * else read on its own (a loader that does not prefetch: tests, running from source).
 */
async function configOf(ctx: AppContext): Promise<ResolvedConfig | undefined> {
  const request = { cwd: ctx.cwd, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) };
  const prefetched = await ctx.loader.prefetchedConfig?.(request);
  if (prefetched !== undefined) return prefetched ?? undefined;
  const { config, diagnostics } = await readProjectConfig(ctx);
  return hasErrors(diagnostics) ? undefined : config;
}
