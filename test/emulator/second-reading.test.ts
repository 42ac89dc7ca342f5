/**
 * The emulator's two readings: every open point the second one flips (assumptions.ts,
 * OPEN_POINTS) is observed under both, and each reading's answer is stated beside the other —
 * so a test shows they differ. Every answer is also checked against the document (helpers.ts).
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator, EmulatorOptions, Reading } from '../../src/emulator/index.js';
import { OPEN_POINTS } from '../../src/emulator/index.js';
import { call, createFlow, startEmulator, step, useTempDir } from './helpers.js';

const tempDir = useTempDir('runtype-second-reading-');
const emulators = {} as Record<Reading, Emulator>;
beforeAll(async () => {
  emulators.first = await startEmulator();
  emulators.second = await startEmulator({ reading: 'second' });
});
afterAll(async () => {
  await emulators.first.close();
  await emulators.second.close();
});
beforeEach(() => {
  emulators.first.state.clear();
  emulators.second.state.clear();
});

/** Runs `observe` under each reading and expects each reading's own answer. */
async function expectAnswers<T>(
  answers: Record<Reading, T>,
  observe: (reading: Reading, emu: Emulator) => Promise<T>,
): Promise<void> {
  for (const reading of ['first', 'second'] as const) {
    expect({ reading, answer: await observe(reading, emulators[reading]) }).toEqual({
      reading,
      answer: answers[reading],
    });
  }
}

/** An emulator of its own (a clock, a state file), closed after `use`. */
async function withEmulator<T>(
  options: EmulatorOptions,
  use: (emu: Emulator) => Promise<T>,
): Promise<T> {
  const emu = await startEmulator(options);
  try {
    return await use(emu);
  } finally {
    await emu.close();
  }
}

const json = async (emu: Emulator, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  (await call(emu, method, path, body === undefined ? {} : { body })).json;
const versionsOf = async (emu: Emulator, id: string) =>
  (await json(emu, 'GET', `/v1/flow-versions/${id}`)) as {
    publishedVersionId: string | null;
    versions: { id: string; versionNumber: number; versionType: string }[];
  };
/** A published version under both readings (the first leaves a draft after a create). */
const createPublished = async (emu: Emulator, name: string, steps: unknown[]) => {
  const flow = await createFlow(emu, { name, steps });
  if (emu.reading === 'first') await json(emu, 'POST', `/v1/flows/${flow.id}/publish`);
  return flow;
};
const ticking = () => {
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  return () => (clock += 1000);
};

describe('the two readings', () => {
  it('each emulator names its reading', () => {
    expect([emulators.first.reading, emulators.second.reading]).toEqual(['first', 'second']);
  });

  it('a create leaves a draft, or publishes v1 at once', async () => {
    await expectAnswers(
      {
        first: { live: false, types: ['draft'], publish: 200 },
        second: { live: true, types: ['published'], publish: 404 },
      },
      async (_reading, emu) => {
        const flow = await createFlow(emu, { name: 'New', steps: [step('a')] });
        const list = await versionsOf(emu, flow.id);
        const publish = await call(emu, 'POST', `/v1/flows/${flow.id}/publish`);
        return {
          live: list.publishedVersionId !== null,
          types: list.versions.map((v) => v.versionType),
          publish: publish.status,
        };
      },
    );
  });

  it("a version's flowConfig is the flow it froze, or { steps } without a name (null for a draft)", async () => {
    const { config } = step('a');
    const sent = { id: 'a', name: 'a', type: 'prompt', order: 1, enabled: true, config };
    await expectAnswers(
      {
        first: [
          { type: 'draft', flowConfig: { name: 'Shaped', flowSteps: [{ ...sent, when: 'x' }] } },
          {
            type: 'published',
            flowConfig: { name: 'Shaped', flowSteps: [{ ...sent, when: 'x' }] },
          },
        ],
        second: [
          { type: 'draft', flowConfig: null },
          { type: 'published', flowConfig: { steps: [sent] } },
        ],
      },
      async (_reading, emu) => {
        const steps = [step('a', 'prompt', { id: 'a', when: 'x' })];
        const flow = await createPublished(emu, 'Shaped', steps);
        await json(emu, 'PUT', `/v1/flows/${flow.id}`, { flowSteps: steps });
        const list = await versionsOf(emu, flow.id);
        const shapes = await Promise.all(
          list.versions.map(async (v) => ({
            type: v.versionType,
            flowConfig: (await json(emu, 'GET', `/v1/flow-versions/${flow.id}/${v.id}`))
              .flowConfig as unknown,
          })),
        );
        return shapes.sort((a, b) => a.type.localeCompare(b.type));
      },
    );
  });

  it('a page holds what limit asks up to 100, or at most 25', async () => {
    await expectAnswers(
      {
        first: { size: 30, limit: 100, hasMore: false },
        second: { size: 25, limit: 25, hasMore: true },
      },
      async (_reading, emu) => {
        for (let i = 0; i < 30; i += 1) emu.state.create({ name: `Flow ${i}` });
        const page = await json(emu, 'GET', '/v1/flows?limit=100');
        const { limit, hasMore } = page.pagination as { limit: number; hasMore: boolean };
        return { size: (page.data as unknown[]).length, limit, hasMore };
      },
    );
  });

  it('flows are listed oldest or newest first (every page, each once), versions the other way', async () => {
    await expectAnswers(
      {
        first: { listed: ['A', 'B', 'C'], paged: ['A', 'B', 'C'], versions: [2, 1] },
        second: { listed: ['C', 'B', 'A'], paged: ['C', 'B', 'A'], versions: [1, 2] },
      },
      (reading) =>
        withEmulator({ reading, now: ticking() }, async (emu) => {
          for (const name of ['A', 'B', 'C']) emu.state.create({ name, steps: [step('a')] });
          const names = (data: unknown) => (data as { name: string }[]).map((f) => f.name);
          const listed = names((await json(emu, 'GET', '/v1/flows')).data);
          const paged: string[] = [];
          for (let cursor: string | null = ''; cursor !== null;) {
            const page = await json(emu, 'GET', `/v1/flows?limit=1&cursor=${cursor}`);
            paged.push(...names(page.data));
            cursor = page.pagination.nextCursor as string | null;
          }
          const id = emu.state.flows()[0]!.id;
          if (reading === 'first') await json(emu, 'POST', `/v1/flows/${id}/publish`);
          await json(emu, 'PUT', `/v1/flows/${id}`, { name: 'A2' });
          await json(emu, 'POST', `/v1/flows/${id}/publish`);
          const versions = (await versionsOf(emu, id)).versions.map((v) => v.versionNumber);
          return { listed, paged, versions };
        }),
    );
  });

  it('search matches a name substring, or is ignored', async () => {
    await expectAnswers({ first: ['Alpha'], second: ['Alpha', 'Beta'] }, async (_reading, emu) => {
      for (const name of ['Alpha', 'Beta']) emu.state.create({ name });
      const page = await json(emu, 'GET', '/v1/flows?search=alp');
      return (page.data as { name: string }[]).map((f) => f.name).sort();
    });
  });

  it('a PUT step without `when` loses it, or keeps the one its id had', async () => {
    await expectAnswers(
      {
        first: [
          ['a', null],
          ['b', 'y'],
        ],
        second: [
          ['a', 'x'],
          ['b', 'y'],
        ],
      },
      async (_reading, emu) => {
        const flow = await createFlow(emu, {
          name: 'When',
          steps: [step('a', 'prompt', { id: 'a', when: 'x' }), step('b', 'prompt', { id: 'b' })],
        });
        await json(emu, 'PUT', `/v1/flows/${flow.id}`, {
          flowSteps: [
            step('a', 'prompt', { id: 'a' }),
            step('b', 'prompt', { id: 'b', when: 'y' }),
          ],
        });
        const steps = (await json(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`)).data as {
          id: string;
          when?: string;
        }[];
        return steps.map((s) => [s.id, s.when ?? null]);
      },
    );
  });

  it('an edit through the flow-steps endpoints moves updatedAt, or leaves it (a PUT moves it)', async () => {
    await expectAnswers(
      { first: { stepsEdit: true, put: true }, second: { stepsEdit: false, put: true } },
      (reading) =>
        withEmulator({ reading, now: ticking() }, async (emu) => {
          const flow = emu.state.create({ name: 'S', steps: [step('a', 'prompt', { id: 'a' })] });
          const steps = [step('a', 'prompt', { id: 'a', when: 'x' })];
          const edited = emu.state.editSteps(flow.id, steps);
          const put = await json(emu, 'PUT', `/v1/flows/${flow.id}`, { name: 'S2' });
          return {
            stepsEdit: edited.updatedAt !== flow.updatedAt,
            put: (put.updatedAt as string) > edited.updatedAt,
          };
        }),
    );
  });

  it('a published version no longer live keeps versionType published, or is archived', async () => {
    await expectAnswers(
      { first: ['published', 'published'], second: ['archived', 'published'] },
      async (_reading, emu) => {
        const flow = await createPublished(emu, 'Archive', [step('a')]);
        await json(emu, 'PUT', `/v1/flows/${flow.id}`, { flowSteps: [step('b')] });
        await json(emu, 'POST', `/v1/flows/${flow.id}/publish`);
        const list = await versionsOf(emu, flow.id);
        return [...list.versions]
          .sort((a, b) => a.versionNumber - b.versionNumber)
          .map((v) => v.versionType);
      },
    );
  });

  it('GET …/published with nothing live is 404, or 200 with the newest version and no flowConfig', async () => {
    // The second reading publishes on create: a flow with nothing live comes from a state file
    // the first reading wrote.
    const statePath = path.join(tempDir(), 'state.json');
    const { id, draftId } = await withEmulator({ statePath }, (emu) => {
      const flow = emu.state.create({ name: 'Never published', steps: [step('a')] });
      return Promise.resolve({ id: flow.id, draftId: emu.state.versions(flow.id)[0]!.id });
    });
    await expectAnswers(
      {
        first: {
          listed: null,
          status: 404,
          body: expect.objectContaining({ error: expect.any(String) }),
        },
        second: {
          listed: null,
          status: 200,
          body: expect.objectContaining({ id: draftId, versionType: 'draft', flowConfig: null }),
        },
      },
      (reading) =>
        withEmulator({ reading, statePath, readOnly: true }, async (emu) => {
          const res = await call(emu, 'GET', `/v1/flow-versions/${id}/published`);
          const listed = (await versionsOf(emu, id)).publishedVersionId;
          return { listed, status: res.status, body: res.json as unknown };
        }),
    );
  });

  it('publishing a specific version moves the pointer, or publishes a copy as the next version', async () => {
    await expectAnswers(
      {
        first: { sameId: true, versions: 2, types: ['published', 'published'], steps: ['two'] },
        second: {
          sameId: false,
          versions: 3,
          types: ['archived', 'archived', 'published'],
          steps: ['one'],
        },
      },
      async (_reading, emu) => {
        const flow = await createPublished(emu, 'Roll', [step('one')]);
        const v1 = (await versionsOf(emu, flow.id)).publishedVersionId!;
        await json(emu, 'PUT', `/v1/flows/${flow.id}`, { flowSteps: [step('two')] });
        await json(emu, 'POST', `/v1/flows/${flow.id}/publish`);
        const body = { versionId: v1 };
        const answer = await json(emu, 'POST', `/v1/flow-versions/${flow.id}/publish`, body);
        const list = await versionsOf(emu, flow.id);
        const current = await json(emu, 'GET', `/v1/flows/${flow.id}`);
        expect(list.publishedVersionId).toBe(answer.versionId); // the answer names what is live
        return {
          sameId: answer.versionId === v1,
          versions: list.versions.length,
          types: [...list.versions]
            .sort((a, b) => a.versionNumber - b.versionNumber)
            .map((v) => v.versionType),
          steps: (current.flowSteps as { name: string }[]).map((s) => s.name),
        };
      },
    );
  });
});

describe('the open points', () => {
  it('lists every point with both answers; the flipped ones differ', () => {
    expect(OPEN_POINTS.length).toBeGreaterThanOrEqual(10);
    const problems = OPEN_POINTS.filter(
      (p) => p.first === '' || p.second === '' || (p.flipped && p.first === p.second),
    );
    expect(problems).toEqual([]);
  });
});
