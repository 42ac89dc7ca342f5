/**
 * The 500-flow cases, on one project and one emulator (20 ms per request): validate, the first
 * sync (creates), no-op sync with a warm and a cold transpile cache, status.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Emulator } from '../../src/emulator/index.js';
import { jitiImportMs, naiveFetchMs, nodeStartMs, undiciClientMs } from './floors.js';
import type { BenchOptions } from './options.js';
import { createBody, BENCH_KEY, type BenchProject } from './project.js';
import { expectExit, runCli } from './process.js';
import { loadAverage, type Row } from './results.js';
import { sideBySide } from './sample.js';

const CONCURRENCY = 8;

export async function validateCase(o: BenchOptions, p: BenchProject): Promise<Row> {
  const validate = async () =>
    expectExit(await runCli(['validate'], { cwd: p.root, env: p.env() }), 0, 'validate').ms;
  const jiti = () => jitiImportMs(p.root, { env: p.env() });
  await validate(); // fills the transpile cache: the case is "warm"
  await jiti();
  const m = await sideBySide(o.runs, { node: nodeStartMs, jiti, validate });
  const floor = m.node! + m.jiti!;
  return {
    case: `validate ${p.count}, warm`,
    figure: m.validate!,
    unit: 'ms',
    floor: { name: 'node start + bare jiti import', value: floor },
    ratio: m.validate! / floor,
    target: '≤ ×2 floor',
    pass: m.validate! <= 2 * floor,
    load: loadAverage(),
    runs: o.runs,
    note: `node ${m.node!.toFixed(0)} ms + jiti ${m.jiti!.toFixed(0)} ms`,
  };
}

/** Forgets every create: an empty account and no lock state. */
function reset(emu: Emulator, p: BenchProject): void {
  emu.state.clear();
  emu.clearRequests();
  rmSync(path.join(p.root, '.runtype'), { recursive: true, force: true });
}

export async function createCases(o: BenchOptions, p: BenchProject, emu: Emulator): Promise<Row[]> {
  const bodiesDir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-bodies-'));
  const bodies = path.join(bodiesDir, 'all.ndjson');
  const naiveBodies = path.join(bodiesDir, 'naive.ndjson');
  const all = Array.from({ length: p.count }, (_, i) => createBody(i));
  writeFileSync(bodies, all.join('\n'));
  writeFileSync(naiveBodies, all.slice(0, o.naiveRequests).join('\n'));
  try {
    const sync = async () => {
      reset(emu, p);
      const run = expectExit(await runCli(['sync'], { cwd: p.root, env: p.env() }), 0, 'sync');
      if (emu.state.count() !== p.count) throw new Error(`sync created ${emu.state.count()} flows`);
      return run.ms;
    };
    const client = async () => {
      reset(emu, p);
      return undiciClientMs(emu.apiUrl, BENCH_KEY, bodies, CONCURRENCY);
    };
    const naive = async () => {
      reset(emu, p);
      // Scaled to all flows when the loop sent fewer (quick mode): it is linear by design.
      return ((await naiveFetchMs(emu.apiUrl, BENCH_KEY, naiveBodies)) * p.count) / o.naiveRequests;
    };
    const m = await sideBySide(o.runs, { client, naive, sync });
    // Leaves the account in sync for the cases that follow.
    await sync();
    const base = { unit: 'ms' as const, load: loadAverage(), runs: o.runs };
    return [
      {
        ...base,
        case: `create-${p.count} (sync)`,
        figure: m.sync!,
        floor: { name: `bare undici client, ${CONCURRENCY} in flight`, value: m.client! },
        ratio: m.sync! / m.client!,
        target: '≤ ×1.25 floor',
        pass: m.sync! <= 1.25 * m.client!,
        note: 'whole process, 20 ms per request',
      },
      {
        ...base,
        case: `create-${p.count} vs naive loop`,
        figure: m.sync!,
        floor: { name: 'naive sequential fetch', value: m.naive! },
        ratio: m.naive! / m.sync!,
        target: '≥ ×6 faster',
        pass: m.naive! >= 6 * m.sync!,
        note: `ratio = naive / sync${o.naiveRequests < p.count ? `; naive timed on ${o.naiveRequests} and scaled` : ''}`,
      },
    ];
  } finally {
    rmSync(bodiesDir, { recursive: true, force: true });
  }
}

/** No-op sync (warm and cold transpile cache) and status, on an account already in sync. */
export async function inSyncCases(o: BenchOptions, p: BenchProject, emu: Emulator): Promise<Row[]> {
  const cli = (args: string[], cacheDir?: string) => async () => {
    emu.clearRequests();
    return expectExit(await runCli(args, { cwd: p.root, env: p.env(cacheDir) }), 0, args.join(' '))
      .ms;
  };
  const cold = async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-cold-'));
    try {
      return await cli(['sync'], dir)();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const jiti = () => jitiImportMs(p.root, { env: p.env() });
  const m = await sideBySide(o.runs, {
    node: nodeStartMs,
    jiti,
    warm: cli(['sync']),
    cold,
    status: cli(['status']),
  });
  emu.clearRequests();
  await cli(['status'])();
  const statusRequests = emu.requests.length;
  const floor = { name: 'node start + bare jiti import', value: m.node! + m.jiti! };
  const base = { unit: 'ms' as const, floor, load: loadAverage(), runs: o.runs };
  return [
    {
      ...base,
      case: `noop-${p.count} sync, warm cache`,
      figure: m.warm!,
      ratio: m.warm! / floor.value,
      target: '≤ 400 ms',
      pass: m.warm! <= 400,
      note: '',
    },
    {
      ...base,
      case: `noop-${p.count} sync, cold cache`,
      figure: m.cold!,
      ratio: m.cold! / floor.value,
      target: '≤ 2500 ms',
      pass: m.cold! <= 2500,
      note: 'fresh jiti cache folder each run',
    },
    {
      ...base,
      case: `status ${p.count}`,
      figure: m.status!,
      ratio: m.status! / floor.value,
      target: '≤ 1000 ms',
      pass: m.status! <= 1000,
      note: `${statusRequests} requests`,
    },
  ];
}
