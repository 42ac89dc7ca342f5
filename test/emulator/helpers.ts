/**
 * Talks to an emulator over real HTTP on 127.0.0.1 (undici); shared test fixtures. Importing
 * this file turns the response contract on for the test file: every emulator started through
 * `startEmulator` below checks each answer against the OpenAPI document, `call` checks the
 * answers of any other emulator (another process), and a test that saw a violation fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import type { z } from 'zod';
import type { Emulator, EmulatorOptions, FlowDto } from '../../src/emulator/index.js';
import {
  checkResponse,
  reportViolations,
  startCheckedEmulator,
  useResponseContract,
} from '../contract/checked-emulator.js';
import type { CheckedEmulator } from '../contract/checked-emulator.js';

useResponseContract();

/** A well-formed flow id (a TypeID) that no emulator ever hands out: "unknown", not malformed. */
export const UNKNOWN_FLOW_ID = 'flow_00000000000000000000000000';

/** An emulator whose every answer is checked against the document (see the file comment). */
export function startEmulator(options: EmulatorOptions = {}): Promise<CheckedEmulator> {
  return startCheckedEmulator(options);
}

export interface CallOptions {
  body?: unknown;
  /**
   * Raw body (sent as is, e.g. malformed JSON; a Readable is sent chunked, without Content-Length).
   */
  raw?: string | Buffer | Readable;
  /** Authorization header value; null sends none. Default `Bearer <emu.key>`. */
  auth?: string | null;
  dispatcher?: Dispatcher;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed body; loosely typed on purpose (contract checks use the zod schemas). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function call(
  emu: Emulator,
  method: Dispatcher.HttpMethod,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = options.auth === undefined ? `Bearer ${emu.key}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await request(`${emu.url}${path}`, {
    method,
    headers,
    body,
    dispatcher: options.dispatcher,
  });
  const text = await res.body.text();
  const json: unknown = text.length > 0 ? JSON.parse(text) : undefined;
  // A checked emulator has already checked this answer on its side.
  if (!('violations' in emu))
    reportViolations(
      checkResponse({ method, path: path.split('?')[0]!, status: res.statusCode, body: json }),
    );
  return { status: res.statusCode, headers: res.headers, json };
}

/** Parses with a zod schema, failing with the zod message (so a contract break is readable). */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Error(
      `contract violation: ${result.error.message}\n${JSON.stringify(value, null, 2)}`,
    );
  return result.data;
}

export function step(
  name: string,
  type = 'prompt',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, type, config: { model: 'gpt-4', userPrompt: `Say ${name}` }, ...extra };
}

export async function createFlow(emu: Emulator, body: Record<string, unknown>): Promise<FlowDto> {
  const res = await call(emu, 'POST', '/v1/flows', { body });
  if (res.status !== 201)
    throw new Error(`create failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as FlowDto;
}

/** A fresh temp folder per test (created before each, removed after each); call at file level. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
