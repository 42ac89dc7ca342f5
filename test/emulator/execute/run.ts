/** Runs flows through `executeFlow` with a fixed clock and one shared sandbox per test file. */
import { afterAll } from 'vitest';
import { ScriptSandbox, executeFlow } from '../../../src/emulator/execute/index.js';
import type {
  DispatchStep,
  ExecuteOptions,
  FlowEvent,
  StepCompleteEvent,
} from '../../../src/emulator/execute/index.js';

export const NOW = 1_780_000_000_000;

/** Call at file level: the sandbox every `run` of the file shares, closed after it. */
export function useRunner(limits: ExecuteOptions['limits'] = {}) {
  const sandbox = new ScriptSandbox();
  afterAll(() => sandbox.close());
  return async (
    steps: DispatchStep[],
    extra: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<FlowEvent[]> => {
    const events: FlowEvent[] = [];
    const request = { flow: { name: 'Test flow', steps }, ...extra };
    for await (const event of executeFlow(request, { now: () => NOW, sandbox, limits, ...options }))
      events.push(event);
    return events;
  };
}

/** The step_complete event of a step. */
export function completed(events: FlowEvent[], id: string): StepCompleteEvent {
  const found = events.find((e) => e.type === 'step_complete' && e.id === id);
  if (found === undefined) throw new Error(`step ${id} did not complete: ${types(events)}`);
  return found as StepCompleteEvent;
}

export function types(events: FlowEvent[]): string {
  return events
    .map((e) => {
      const id = (e as { id?: unknown }).id;
      return typeof id === 'string' ? `${e.type}:${id}` : e.type;
    })
    .join(' ');
}

/** A step named after its id, its output in the variable of the same name. */
export function step(id: string, type: string, config: Record<string, unknown> = {}) {
  return { id, name: id, type, config: { outputVariable: id, ...config } };
}

export function prompt(id: string, userPrompt: string, config: Record<string, unknown> = {}) {
  return step(id, 'prompt', { model: 'gpt-4', userPrompt, ...config });
}

/** The user prompt a mock model step resolved. */
export function userPromptOf(events: FlowEvent[], id: string): string {
  return (completed(events, id).result as { prompt: { user: string } }).prompt.user;
}
