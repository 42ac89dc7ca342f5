import { describe, expect, it } from 'vitest';
import {
  ApiAbortedError,
  ApiAmbiguousWriteError,
  ApiNotFoundError,
  ApiValidationError,
} from '../../src/api/index.js';
import { publishFlowOnce } from '../../src/apply/publish-flow.js';
import { contentHash, readRemoteFlow, type FlowPayload } from '../../src/plan/index.js';

type State = { publishedVersionId: string | undefined; draftPending: boolean };
type Version = {
  id: string;
  versionNumber: number;
  versionType: string;
  content: FlowPayload;
  /** The flowConfig as the API answers it (default: the flow it froze, `{ name, flowSteps }`). */
  flowConfig?: unknown;
};

const code: FlowPayload = {
  name: 'F',
  steps: [{ id: 's1', name: 'Ask', type: 'prompt', order: 1, enabled: true, config: { a: 1 } }],
};
const codeContent = { payload: code, hash: contentHash(code) };
const other: FlowPayload = { ...code, steps: [{ ...code.steps[0]!, config: { a: 2 } }] };

/**
 * An API whose publish answers and versions checks are scripted, recording what was asked.
 * `versions`: the flow's published versions (content as the code would send it), `live` the one
 * live; undefined `versions` makes the versions list fail (a flow that is gone).
 */
function scriptedApi(
  publishes: (() => void)[],
  states: State[],
  versions?: { live?: string; list: Version[]; copies?: boolean },
) {
  const calls: string[] = [];
  const find = (versionId: string) => {
    const v = versions?.list.find((x) => x.id === versionId);
    if (!v) throw new ApiNotFoundError(`version ${versionId} not found`);
    const flowConfig =
      'flowConfig' in v
        ? v.flowConfig
        : {
            name: v.content.name,
            flowSteps: v.content.steps,
          };
    return { ...v, flowConfig };
  };
  /** GET /v1/flows/{id}: the newest version's content (api/guesses.ts, current-is-newest). */
  const current = () => {
    const newest = [...(versions?.list ?? [])].sort((a, b) => b.versionNumber - a.versionNumber)[0];
    if (!newest) throw new ApiNotFoundError('flow not found');
    return { id: 'f', name: newest.content.name, flowSteps: newest.content.steps };
  };
  return {
    calls,
    api: {
      publishFlow: (id: string) => {
        calls.push(`publish ${id}`);
        return Promise.resolve().then(() => {
          publishes.shift()?.();
          return { publishedVersionId: 'v-new' };
        });
      },
      getPublishState: (id: string) => {
        calls.push(`state ${id}`);
        const next = states.shift();
        return next ? Promise.resolve(next) : Promise.reject(new Error('no more states scripted'));
      },
      listVersions: (id: string) => {
        calls.push(`versions ${id}`);
        if (!versions) return Promise.reject(new ApiNotFoundError(`flow ${id} not found`));
        return Promise.resolve({ publishedVersionId: versions.live, versions: versions.list });
      },
      getVersion: (id: string, versionId: string) => {
        calls.push(`version ${id} ${versionId}`);
        return Promise.resolve().then(() => find(versionId));
      },
      publishVersion: (id: string, versionId: string) => {
        calls.push(`publish ${id} version ${versionId}`);
        return Promise.resolve({
          versionId: versions?.copies ? `copy-of-${versionId}` : versionId,
        });
      },
      getFlow: (id: string) => {
        calls.push(`flow ${id}`);
        return Promise.resolve().then(current);
      },
      getFlowSteps: (id: string) => {
        calls.push(`steps ${id}`);
        return Promise.resolve({ data: [] });
      },
    },
  };
}

const lost = () => {
  throw new ApiAmbiguousWriteError('POST /flows/f/publish may or may not have been applied');
};
/** The document's 404 on publish: "flow or draft version not found". */
const nothingToPublish = () => {
  throw new ApiNotFoundError('Not found: POST /flows/f/publish (404): no draft version to publish');
};

describe('publishFlowOnce', () => {
  it('publishes once when the answer arrives', async () => {
    const { api, calls } = scriptedApi([() => undefined], []);
    await publishFlowOnce(api, 'f', codeContent);
    expect(calls).toEqual(['publish f']);
  });

  it('a lost answer whose publish landed is settled by the versions list, without a second publish', async () => {
    const { api, calls } = scriptedApi([lost], [{ publishedVersionId: 'v1', draftPending: false }]);
    await publishFlowOnce(api, 'f', codeContent);
    expect(calls).toEqual(['publish f', 'state f']);
  });

  it('a lost answer whose publish did not land is published again', async () => {
    const { api, calls } = scriptedApi(
      [lost, () => undefined],
      [{ publishedVersionId: undefined, draftPending: true }],
    );
    await publishFlowOnce(api, 'f', codeContent);
    expect(calls).toEqual(['publish f', 'state f', 'publish f']);
  });

  it('a 404 (nothing to publish) with the code live is success, decided by the flow itself', async () => {
    // The live version is the newest: the flow's content is the live content. Its flowConfig is
    // not even read (null here, as an API may answer it).
    const list = [
      { id: 'v3', versionNumber: 3, versionType: 'published', content: code, flowConfig: null },
    ];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v3', list });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({ versionId: 'v3' });
    expect(calls).toEqual(['publish f', 'versions f', 'flow f']);
  });

  it('a flow whose content a server rewrote is live when it is in the state its write was answered with', async () => {
    const rewritten: FlowPayload = { ...code, steps: [{ ...code.steps[0]!, order: 0 }] };
    const list = [{ id: 'v1', versionNumber: 1, versionType: 'published', content: rewritten }];
    const remoteState = readRemoteFlow({ name: 'F', flowSteps: rewritten.steps }).stateHash;
    const { api } = scriptedApi([nothingToPublish], [], { live: 'v1', list });
    await expect(publishFlowOnce(api, 'f', { ...codeContent, remoteState })).resolves.toEqual({
      versionId: 'v1',
    });
  });

  it('a live version older than the newest is judged by its flowConfig, in any shape', async () => {
    // `{ steps }` as a flow response has them, no name: still readable.
    const responseShaped = { steps: code.steps.map(({ when: _when, ...step }) => step) };
    const list = [
      {
        id: 'v1',
        versionNumber: 1,
        versionType: 'archived',
        content: code,
        flowConfig: responseShaped,
      },
      { id: 'v2', versionNumber: 2, versionType: 'draft', content: other, flowConfig: null },
    ];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v1', list });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({ versionId: 'v1' });
    expect(calls).toEqual(['publish f', 'versions f', 'version f v1']);
  });

  it('a live version older than the newest whose flowConfig says nothing: live version unknown, no failure', async () => {
    const list = [
      { id: 'v1', versionNumber: 1, versionType: 'published', content: code, flowConfig: null },
      { id: 'v2', versionNumber: 2, versionType: 'draft', content: other, flowConfig: null },
    ];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v1', list });
    const result = await publishFlowOnce(api, 'f', codeContent);
    expect(result.unknown).toMatch(/a version newer than the live one \(v1\) exists/);
    expect(calls.some((c) => c.includes(' version v'))).toBe(false); // nothing published
  });

  it('a 404 with another version live publishes the version holding the code, by id', async () => {
    const list = [
      { id: 'v1', versionNumber: 1, versionType: 'published', content: other },
      { id: 'v2', versionNumber: 2, versionType: 'published', content: code },
      { id: 'v3', versionNumber: 3, versionType: 'published', content: other },
    ];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v3', list });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({ versionId: 'v2' });
    expect(calls).toEqual([
      'publish f',
      'versions f',
      'flow f',
      'version f v2',
      'publish f version v2',
    ]);
  });

  it('the version made live is the one the answer names (an API may publish a copy)', async () => {
    const list = [
      { id: 'v1', versionNumber: 1, versionType: 'archived', content: code },
      { id: 'v2', versionNumber: 2, versionType: 'published', content: other },
    ];
    const { api } = scriptedApi([nothingToPublish], [], { live: 'v2', list, copies: true });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({
      versionId: 'copy-of-v1',
    });
  });

  it('a 404 with the live content known not to be the code, and no version holding it: edited outside', async () => {
    const list = [{ id: 'v1', versionNumber: 1, versionType: 'published', content: other }];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v1', list });
    const error = (await publishFlowOnce(api, 'f', codeContent).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'LIVE_NOT_CODE' });
    expect(error.message).toContain('edited outside runtype-flows');
    expect((error as { hint?: string }).hint).toContain('sync --refresh --force');
    expect(calls.some((c) => c.includes(' version v'))).toBe(false);
  });

  it('a 404 of a flow with nothing live: unknown, not a failure repeated on every run', async () => {
    const { api } = scriptedApi([nothingToPublish], [], { list: [] });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({
      unknown: 'nothing is live, yet the API found nothing to publish',
    });
  });

  it('a 404 of a flow that is gone fails, with the versions check as its cause', async () => {
    const { api, calls } = scriptedApi([nothingToPublish], []);
    const error = (await publishFlowOnce(api, 'f', codeContent).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'API_NOT_FOUND' });
    expect(error.message).toContain("checking the flow's versions failed too");
    expect(calls).toEqual(['publish f', 'versions f']);
  });

  it('a 400 (invalid flow id) is a real failure, without a versions check', async () => {
    const invalid = () => {
      throw new ApiValidationError(
        'Runtype API refused POST /flows/f/publish (400): invalid flow id',
      );
    };
    const { api, calls } = scriptedApi([invalid], []);
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toMatchObject({
      code: 'API_VALIDATION',
    });
    expect(calls).toEqual(['publish f']);
  });

  it('gives up after a bounded number of lost answers', async () => {
    const waiting = { publishedVersionId: undefined, draftPending: true };
    const { api, calls } = scriptedApi(
      [lost, lost, lost, lost, lost],
      [waiting, waiting, waiting, waiting, waiting],
    );
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toMatchObject({
      code: 'API_AMBIGUOUS_WRITE',
    });
    expect(calls.filter((c) => c.startsWith('publish'))).toHaveLength(4);
  });

  it('other errors are not settled', async () => {
    const { api, calls } = scriptedApi(
      [
        () => {
          throw new Error('boom');
        },
      ],
      [],
    );
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toThrow('boom');
    expect(calls).toEqual(['publish f']);
  });

  it('Ctrl-C during the check of a 404 is the interruption, not a failure of the flow', async () => {
    const { api } = scriptedApi([nothingToPublish], []);
    api.listVersions = () =>
      Promise.reject(
        new ApiAbortedError('GET /flow-versions/f was cancelled', { ambiguous: false }),
      );
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toMatchObject({
      code: 'API_ABORTED',
    });
  });

  it('a failed versions check after a lost answer reports the publish failure, with the check as its cause', async () => {
    const { api } = scriptedApi([lost], []);
    const error = (await publishFlowOnce(api, 'f', codeContent).catch(
      (caught: unknown) => caught,
    )) as Error & {
      code?: string;
    };
    expect(error.code).toBe('API_AMBIGUOUS_WRITE');
    expect(error.message).toContain(
      "checking the flow's versions failed too: no more states scripted",
    );
    expect(error.cause).toBeInstanceOf(Error);
  });
});
