/**
 * Writes flow events as a Server-Sent Events stream (framing: assumptions.ts, SSE_CONTENT_TYPE):
 * `event: <type>` and `data: <JSON>` per event, a blank line after each, honouring
 * backpressure. When the client goes away the run is aborted (its script terminated) and
 * nothing more is written.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FlowEvent } from '../execute/flow-events.js';
import { SSE_CONTENT_TYPE } from './assumptions.js';

export async function writeEventStream(
  res: ServerResponse,
  run: (signal: AbortSignal) => AsyncGenerator<FlowEvent, void, void>,
  collect: boolean,
): Promise<FlowEvent[]> {
  const sent: FlowEvent[] = [];
  const gone = new AbortController();
  const onClose = (): void => gone.abort(new Error('the client closed the stream'));
  res.once('close', onClose);
  res.writeHead(200, {
    'content-type': SSE_CONTENT_TYPE,
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  try {
    for await (const event of run(gone.signal)) {
      if (collect) sent.push(event);
      const fits = res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (!fits) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (gone.signal.aborted) break;
    }
  } catch (error) {
    if (!gone.signal.aborted) throw error;
  } finally {
    res.off('close', onClose);
  }
  if (!res.destroyed) res.end();
  return sent;
}
