/**
 * template: `config.template` rendered as Liquid (liquidjs) over the run's variables plus
 * `config.inputs` (templates resolved), with `config.partials` as the only templates
 * `{% render %}` / `{% include %}` can reach (no file system). Rendering is bounded in time
 * (transformTimeoutMs) and in the memory Liquid counts (transformMemoryMb). `outputFormat`
 * pdf is not emulated; the other formats render the same text.
 */
import { Liquid } from 'liquidjs';
import { resolveConfig, unresolvedField } from '../resolve-config.js';
import type { RunContext, StepRun } from '../run-context.js';
import { StepFailure } from '../step-failure.js';
import type { RunStep } from '../run-flow-input.js';
import { notEmulated } from './not-emulated.js';

export async function* runTemplateStep(step: RunStep, ctx: RunContext): StepRun {
  const format = typeof step.config.outputFormat === 'string' ? step.config.outputFormat : 'text';
  if (format === 'pdf') throw notEmulated(step, 'rendering a PDF is not emulated');
  const template = step.config.template;
  if (typeof template !== 'string')
    throw new StepFailure('step_failed', `template "${step.name}" has no config.template`);
  const { config } = resolveConfig(step.config, ctx.variables.lookup, ['template', 'partials']);
  const inputs = isRecord(config.inputs) ? config.inputs : {};
  const scope = { ...ctx.variables.snapshot(), ...inputs };
  const engine = new Liquid({
    templates: stringsOf(step.config.partials),
    ownPropertyOnly: true,
    renderLimit: ctx.limits.transformTimeoutMs,
    memoryLimit: ctx.limits.transformMemoryMb * 1024 * 1024,
    parseLimit: 1024 * 1024,
  });
  let rendered: string;
  let unresolved: string[];
  try {
    rendered = (await engine.parseAndRender(template, scope)) as string;
    unresolved = missing(await engine.globalFullVariables(template), scope);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /render limit/i.test(message)
      ? 'timeout'
      : /memory alloc limit/i.test(message)
        ? 'memory_limit'
        : 'step_failed';
    throw new StepFailure(code, `template "${step.name}" failed: ${message}`);
  }
  return {
    output: rendered,
    result: { response: rendered, outputFormat: format, ...unresolvedField(unresolved) },
  };
}

// --- internal ---

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** The variables the template reads whose first path segment the scope lacks. */
function missing(paths: string[], scope: Record<string, unknown>): string[] {
  const roots = paths.filter((path) => {
    const root = /^[^.[]+/.exec(path)?.[0] ?? path;
    return !Object.hasOwn(scope, root);
  });
  return [...new Set(roots)];
}
