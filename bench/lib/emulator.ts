/** The API the CLI cases talk to: the project's emulator on 127.0.0.1, 20 ms per request. */
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { BENCH_KEY } from './project.js';

/** Latency per request of a real API (the figures assume it). */
export const LATENCY_MS = 20;

export function startBenchEmulator(): Promise<Emulator> {
  return startEmulator({
    key: BENCH_KEY,
    requestLogLimit: 100_000,
    logBodies: false,
    faults: { latencyMs: LATENCY_MS },
  });
}

/** Runs `setup` without latency (filling an account is preparation, not a figure). */
export async function withoutLatency<T>(emu: Emulator, setup: () => Promise<T>): Promise<T> {
  emu.setFaults({ latencyMs: 0 });
  try {
    return await setup();
  } finally {
    emu.setFaults({ latencyMs: LATENCY_MS });
  }
}

/** The writes the emulator saw (method and path), e.g. to count an update's PUTs. */
export function writesOf(emu: Emulator): { method: string; path: string }[] {
  return emu.requests
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ method: r.method, path: r.path }));
}
