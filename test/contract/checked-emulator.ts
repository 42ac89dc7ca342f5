/**
 * An emulator whose every answer is checked against the OpenAPI document (strictly: exactly
 * the documented fields). Violations are collected, not thrown (a throw inside the server
 * would only turn into a 500): a test asserts `violations()` is empty, or calls
 * `useResponseContract()` once per file to fail every test that saw one.
 */
import { afterEach, expect } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator, EmulatorOptions, ResponseInfo } from '../../src/emulator/index.js';
import { matchDispatchPath, validateDispatchAnswer } from './dispatch-openapi.js';
import { matchOperation, validateErrorBody, validateResponse } from './openapi.js';

export interface CheckedEmulator extends Emulator {
  /** Every contract violation seen so far (readable, one per problem). */
  violations(): string[];
  clearViolations(): void;
}

/** Emulators started in this test file and not yet closed (what `useResponseContract` checks). */
const live = new Set<CheckedEmulator>();

export async function startCheckedEmulator(
  options: EmulatorOptions = {},
): Promise<CheckedEmulator> {
  const seen: string[] = [];
  const onResponse = (info: ResponseInfo): void => {
    seen.push(...checkResponse(info));
    options.onResponse?.(info);
  };
  const emu = await startEmulator({ ...options, onResponse });
  const close = emu.close.bind(emu);
  const checked: CheckedEmulator = Object.assign(Object.create(emu) as Emulator, {
    violations: () => seen.slice(),
    clearViolations: () => void seen.splice(0),
    close: async () => {
      if (live.delete(checked)) reportViolations(seen);
      await close();
    },
  });
  // Object.create, not a spread: getters (`requests`) must stay live, reached through the
  // prototype.
  live.add(checked);
  return checked;
}

/** The contract problems of one answer (an empty list when it follows the document). */
export function checkResponse(info: ResponseInfo): string[] {
  const dispatchPath = matchDispatchPath(info.method, info.path);
  if (dispatchPath !== undefined)
    return validateDispatchAnswer(dispatchPath, info.status, info.body, info.items);
  const template = matchOperation(info.method, info.path);
  if (template !== undefined)
    return validateResponse(info.method, template, info.status, info.body, { strict: true });
  // A route the API does not have (404), or a method it does not take (405): the emulator
  // must still answer an error with the documented body.
  const where = `${info.method} ${info.path} -> ${info.status}`;
  if (info.status < 400) return [`${where}: success for an undocumented operation`];
  return validateErrorBody(info.body, { strict: true }).map((problem) => `${where}: ${problem}`);
}

/**
 * Registers an afterEach (call at file level) that fails a test when any checked emulator still
 * open, or closed during the test, saw a response that breaks the document.
 */
export function useResponseContract(): void {
  afterEach(() => {
    const problems = [...pending.splice(0), ...[...live].flatMap((emu) => emu.violations())];
    for (const emu of live) emu.clearViolations();
    expect(problems, 'responses that break openapi/ (flows, dispatch)').toEqual([]);
  });
}

/**
 * Adds violations found elsewhere (a client checking the answers of an emulator in another
 * process) to what `useResponseContract` fails the current test with.
 */
export function reportViolations(violations: readonly string[]): void {
  pending.push(...violations);
}

// --- internal ---

/** Violations of emulators closed during the test, or reported by clients. */
const pending: string[] = [];
