import { describe, expect, it } from 'vitest';
import {
  ApiAmbiguousWriteError,
  ApiNotFoundError,
  ApiValidationError,
} from '../../src/api/index.js';
import { publishFlowOnce } from '../../src/apply/publish-flow.js';
import { contentHash, type FlowPayload } from '../../src/plan/index.js';

type State = { publishedVersionId: string | undefined; draftPending: boolean };
type Version = { id: string; versionNumber: number; versionType: string; content: FlowPayload };

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
  versions?: { live?: string; list: Version[] },
) {
  const calls: string[] = [];
  const find = (versionId: string) => {
    const v = versions?.list.find((x) => x.id === versionId);
    if (!v) throw new ApiNotFoundError(`version ${versionId} not found`);
    return { ...v, flowConfig: { name: v.content.name, flowSteps: v.content.steps } };
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
        return Promise.resolve({ versionId });
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

  it('a 404 (nothing to publish) with the code live is success, naming the live version', async () => {
    const list = [{ id: 'v3', versionNumber: 3, versionType: 'published', content: code }];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v3', list });
    await expect(publishFlowOnce(api, 'f', codeContent)).resolves.toEqual({ versionId: 'v3' });
    expect(calls).toEqual(['publish f', 'versions f', 'version f v3']);
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
      'version f v3',
      'version f v2',
      'publish f version v2',
    ]);
  });

  it('a 404 with no version holding the code is a real failure, and publishes nothing', async () => {
    const list = [{ id: 'v1', versionNumber: 1, versionType: 'published', content: other }];
    const { api, calls } = scriptedApi([nothingToPublish], [], { live: 'v1', list });
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toMatchObject({
      code: 'API_NOT_FOUND',
    });
    expect(calls.some((c) => c.includes(' version v'))).toBe(false);
  });

  it('a 404 of a flow never published is a real failure', async () => {
    const { api } = scriptedApi([nothingToPublish], [], { list: [] });
    await expect(publishFlowOnce(api, 'f', codeContent)).rejects.toMatchObject({
      code: 'API_NOT_FOUND',
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
