/**
 * The answer to a dispatch with `options.streamResponse: false`: the run to its end, then one
 * JSON body. The document says dispatch "supports streaming via SSE or synchronous JSON
 * responses" but gives the JSON no schema; its shape is a guess (assumptions.ts, JSON_ANSWER):
 * the outcome summarised, plus every event the stream would have carried.
 */
import type { ServerResponse } from 'node:http';
import type { FlowErrorDetail, FlowEvent } from '../execute/flow-events.js';
import { sendJson } from '../http-util.js';

export interface JsonAnswer {
  success: boolean;
  executionId: string;
  flowId: string;
  finalOutput?: string;
  output?: unknown;
  error?: FlowErrorDetail | string;
  totalTokensUsed?: number;
  duration?: number;
  events: FlowEvent[];
}

export async function writeJsonAnswer(
  res: ServerResponse,
  run: (signal: AbortSignal) => AsyncGenerator<FlowEvent, void, void>,
): Promise<JsonAnswer | undefined> {
  const gone = new AbortController();
  const onClose = (): void => gone.abort(new Error('the client went away'));
  res.once('close', onClose);
  const events: FlowEvent[] = [];
  try {
    for await (const event of run(gone.signal)) events.push(event);
  } catch (error) {
    if (gone.signal.aborted) return undefined;
    throw error;
  } finally {
    res.off('close', onClose);
  }
  const body = summarise(events);
  sendJson(res, 200, body);
  return body;
}

// --- internal ---

function summarise(events: FlowEvent[]): JsonAnswer {
  const first = events[0]?.type === 'flow_start' ? events[0] : undefined;
  const last = events.at(-1);
  const answer: JsonAnswer = {
    success: last?.type === 'flow_complete',
    executionId: first?.executionId ?? '',
    flowId: first?.flowId ?? '',
    events,
  };
  if (last?.type === 'flow_complete') {
    if (last.finalOutput !== undefined) answer.finalOutput = last.finalOutput;
    if ('output' in last) answer.output = last.output;
    if (last.totalTokensUsed !== undefined) answer.totalTokensUsed = last.totalTokensUsed;
    if (last.duration !== undefined) answer.duration = last.duration;
  } else if (last?.type === 'flow_error') {
    answer.error = last.error;
    if (last.executionTime !== undefined) answer.duration = last.executionTime;
  }
  return answer;
}
