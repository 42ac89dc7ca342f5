import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlowSet, isFlowDefinition, parseFlow, type Flow } from '../../src/model/index.js';

/** The example flows in flows/ double as the sample project: each must validate cleanly. */
const FLOWS = path.resolve(import.meta.dirname, '../../flows');

async function loadExamples(): Promise<{ file: string; exports: Record<string, unknown> }[]> {
  const files = readdirSync(FLOWS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(path.join(FLOWS, file))) as Record<string, unknown>,
    })),
  );
}

describe('example flows', () => {
  it('every example flow validates with no errors and no warnings, and keys and names are unique', async () => {
    const flows: { flow: Flow; file: string }[] = [];
    for (const { file, exports } of await loadExamples()) {
      for (const [exportName, value] of Object.entries(exports)) {
        if (!isFlowDefinition(value)) continue;
        const { flow, diagnostics } = parseFlow(value, { file, exportName });
        expect(diagnostics, file).toEqual([]);
        flows.push({ flow: flow!, file });
      }
    }
    expect(flows.length).toBeGreaterThanOrEqual(3);
    expect(checkFlowSet(flows)).toEqual([]);
  });

  it('the shared module exports prompt fragments and no flow', async () => {
    const shared = (await loadExamples()).find((e) => e.file === path.join('shared', 'prompts.ts'));
    expect(shared).toBeDefined();
    expect(Object.values(shared!.exports).some(isFlowDefinition)).toBe(false);
  });

  it("the first example is the seed page's flow, exactly", async () => {
    const { default: value } = (await import(path.join(FLOWS, 'customer-outreach.ts'))) as {
      default: unknown;
    };
    expect(parseFlow(value).flow).toEqual({
      key: 'customer-outreach',
      name: 'Customer Outreach Flow',
      description: 'Automated customer communication workflow',
      inputs: ['customer_name', 'company_name'],
      steps: [
        {
          id: 'greeting',
          name: 'Generate Greeting',
          type: 'prompt',
          order: 1,
          enabled: true,
          config: {
            model: 'gpt-4',
            userPrompt:
              'Generate a personalized greeting for {{customer_name}} from {{company_name}}',
            outputVariable: 'greeting',
          },
        },
      ],
    });
  });

  it('the examples together cover the main step kinds, a nested conditional and a managed secret', async () => {
    const types = new Set<string>();
    let text = '';
    for (const { exports } of await loadExamples()) {
      for (const value of Object.values(exports)) {
        const flow = isFlowDefinition(value) ? parseFlow(value).flow : undefined;
        if (!flow) continue;
        text += JSON.stringify(flow);
        const visit = (steps: readonly { type: string; config: Record<string, unknown> }[]) => {
          for (const s of steps) {
            types.add(s.type);
            for (const branch of [s.config.trueSteps, s.config.falseSteps])
              if (Array.isArray(branch)) visit(branch);
          }
        };
        visit(flow.steps);
      }
    }
    for (const type of [
      'prompt',
      'transform-data',
      'conditional',
      'fetch-url',
      'api-call',
      'retrieve-record',
      'update-record',
      'upsert-record',
      'send-email',
      'set-variable',
      'wait-until',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(text).toContain('{{secret:');
  });
});
