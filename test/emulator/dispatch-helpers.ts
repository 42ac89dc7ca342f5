/**
 * POST /v1/dispatch against an emulator over real HTTP: the answer's status, headers and either
 * its JSON body or its SSE events. The framing is checked here, strictly, as the emulator
 * promises it (dispatch/assumptions.ts): `event: <type>`, `data: <one JSON line>`, a blank line.
 */
import { request } from 'undici';
import type { Emulator } from '../../src/emulator/index.js';
import type { FlowEvent } from '../../src/emulator/execute/index.js';

export interface DispatchAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The events of a 200 stream (empty otherwise). */
  events: FlowEvent[];
  /** The raw text of the answer. */
  text: string;
  /** The JSON body of a non-stream answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function dispatch(
  emu: Emulator,
  body: unknown,
  options: { path?: string; auth?: string | null; signal?: AbortSignal } = {},
): Promise<DispatchAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = options.auth === undefined ? `Bearer ${emu.key}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  const res = await request(`${emu.url}${options.path ?? '/v1/dispatch'}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const text = await res.body.text();
  const stream = String(res.headers['content-type']).startsWith('text/event-stream');
  return {
    status: res.statusCode,
    headers: res.headers,
    events: stream ? parseFrames(text) : [],
    text,
    json: !stream && text.length > 0 ? JSON.parse(text) : undefined,
  };
}

/** The events of an SSE text, each frame checked: event line, data line, type agreeing. */
export function parseFrames(text: string): FlowEvent[] {
  if (text === '') return [];
  if (!text.endsWith('\n\n')) throw new Error(`stream does not end with a blank line: ${text}`);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      const match = /^event: ([a-z_]+)\ndata: (.+)$/.exec(frame);
      if (match === null) throw new Error(`malformed SSE frame: ${JSON.stringify(frame)}`);
      const event = JSON.parse(match[2]!) as FlowEvent;
      if (event.type !== match[1]) throw new Error(`event line ${match[1]} but data ${event.type}`);
      return event;
    });
}

/** A virtual dispatch of an inline flow, as `run` sends it. */
export function virtual(
  steps: unknown[],
  extra: Record<string, unknown> = {},
  name = 'Test flow',
): Record<string, unknown> {
  return {
    flow: { name, steps },
    options: { flowMode: 'virtual', recordMode: 'virtual', streamResponse: true },
    ...extra,
  };
}
