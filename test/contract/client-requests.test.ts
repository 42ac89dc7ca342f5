import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/index.js';
import { toDesiredFlows } from '../../src/app/project.js';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import { loadProject } from '../../src/load/project/load-project.js';
import { STEP_TYPES } from '../../src/emulator/index.js';
import type { FlowStep } from '../../src/model/index.js';
import { toFlowPayload, type FlowPayload } from '../../src/plan/index.js';
import {
  startCheckedEmulator,
  useResponseContract,
  type CheckedEmulator,
} from './checked-emulator.js';
import { matchOperation, validateRequestBody } from './openapi.js';

/**
 * Every request body the client can send is valid against the document's request schema:
 * each client method is called with payloads the tool really produces (the repository's
 * example flows, and a flow with one step of each of the 29 types, a `when`, ids with `:`
 * and `_`), and every body the emulator received is checked with the JSON-Schema validator.
 */
useResponseContract();

let emu: CheckedEmulator;
let client: ApiClient;
afterEach(async () => {
  await client.close();
  await emu.close();
});

async function start(): Promise<void> {
  emu = await startCheckedEmulator({ logBodies: true });
  client = createApiClient({ baseUrl: emu.url, apiKey: emu.key, userAgent: 'contract-test' });
}

function requestProblems(): string[] {
  return emu.requests.flatMap((request) => {
    const template = matchOperation(request.method, request.path);
    if (template === undefined)
      return [`${request.method} ${request.path}: not a documented operation`];
    return validateRequestBody(request.method, template, request.body).map(
      (p) => `${request.method} ${template}: ${p}`,
    );
  });
}

async function examplePayloads(): Promise<FlowPayload[]> {
  const root = new URL('../..', import.meta.url).pathname;
  const project = await loadProject({ cwd: root, importModule: createModuleImporter() });
  expect(project.flows.length).toBeGreaterThan(0);
  return toDesiredFlows(project.flows).map((flow) => flow.payload);
}

/**
 * One step of each documented type, as the model normalises them (ids, order, enabled filled in).
 */
function everyStepType(): FlowPayload {
  const steps = STEP_TYPES.map((type, index): FlowStep => ({
    id: index === 0 ? 'ns:first' : index === 1 ? '_init' : `step.${type}`,
    name: `Step ${index + 1}`,
    type,
    order: index + 1,
    enabled: index % 2 === 0,
    config:
      type === 'conditional'
        ? { condition: 'true', trueSteps: [], falseSteps: [] }
        : { note: `config of ${type}` },
    ...(index === 2 ? { when: 'input.ready === true' } : {}),
  }));
  return toFlowPayload({
    key: 'all',
    name: 'Every step type',
    description: 'all 29',
    inputs: [],
    steps,
  });
}

describe('request bodies the client sends', () => {
  it('create, update, publish, versions, flow-steps, validate, list: every body fits the document', async () => {
    await start();
    const payloads = [...(await examplePayloads()), everyStepType()];
    for (const payload of payloads) {
      const created = await client.createFlow(payload);
      await client.updateFlow(created.id, { ...payload, name: `${payload.name} (edited)` });
      await client.getFlowSteps(created.id);
      await client.validateFlow(payload);
      const published = await client.publishFlow(created.id);
      await client.updateFlow(created.id, payload);
      await client.publishFlow(created.id);
      await client.publishVersion(created.id, published.publishedVersionId ?? '');
      const versions = await client.listVersions(created.id);
      await client.getVersion(created.id, versions.versions[0]?.id ?? '');
      await client.getPublishedVersion(created.id);
      await client.getPublishState(created.id);
    }
    await client.listFlowsPage({ limit: 2, search: 'Every' });
    await client.listFlows();
    await client.findFlowsByName('Every step type');
    const last = (await client.listFlows()).at(-1);
    await client.deleteFlow(last?.id ?? '');

    expect(emu.requests.length).toBeGreaterThan(payloads.length * 10);
    expect(requestProblems()).toEqual([]);
  });

  it('a create sends `steps` (the documented example) and description; an update only name and flowSteps', async () => {
    await start();
    const payload = everyStepType();
    const created = await client.createFlow(payload);
    await client.updateFlow(created.id, payload);
    const [create, update] = emu.requests.filter((r) => r.method !== 'GET');
    expect(Object.keys(create?.body as object).sort()).toEqual(['description', 'name', 'steps']);
    expect(Object.keys(update?.body as object).sort()).toEqual(['flowSteps', 'name']);
    expect(requestProblems()).toEqual([]);
  });
});
