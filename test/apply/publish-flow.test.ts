import { describe, expect, it } from 'vitest';
import {
  ApiAmbiguousWriteError,
  ApiNotFoundError,
  ApiValidationError,
} from '../../src/api/index.js';
import { publishFlowOnce } from '../../src/apply/publish-flow.js';

type State = { publishedVersionId: string | undefined; draftPending: boolean };

/** A two-call API whose answers are scripted, recording what was asked. */
function scriptedApi(publishes: (() => void)[], states: State[]) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      publishFlow: (id: string) => {
        calls.push(`publish ${id}`);
        return Promise.resolve().then(() => {
          publishes.shift()?.();
          return {};
        });
      },
      getPublishState: (id: string) => {
        calls.push(`state ${id}`);
        const next = states.shift();
        return next ? Promise.resolve(next) : Promise.reject(new Error('no more states scripted'));
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
    await publishFlowOnce(api, 'f');
    expect(calls).toEqual(['publish f']);
  });

  it('a lost answer whose publish landed is settled by the versions list, without a second publish', async () => {
    const { api, calls } = scriptedApi([lost], [{ publishedVersionId: 'v1', draftPending: false }]);
    await publishFlowOnce(api, 'f');
    expect(calls).toEqual(['publish f', 'state f']);
  });

  it('a lost answer whose publish did not land is published again', async () => {
    const { api, calls } = scriptedApi(
      [lost, () => undefined],
      [{ publishedVersionId: undefined, draftPending: true }],
    );
    await publishFlowOnce(api, 'f');
    expect(calls).toEqual(['publish f', 'state f', 'publish f']);
  });

  it('a 404 (nothing to publish) with the content live is success', async () => {
    const { api, calls } = scriptedApi(
      [nothingToPublish],
      [{ publishedVersionId: 'v3', draftPending: false }],
    );
    await expect(publishFlowOnce(api, 'f')).resolves.toBeUndefined();
    expect(calls).toEqual(['publish f', 'state f']);
  });

  it('a 404 with a draft waiting is a real failure, and is not re-sent', async () => {
    const { api, calls } = scriptedApi(
      [nothingToPublish],
      [{ publishedVersionId: 'v1', draftPending: true }],
    );
    await expect(publishFlowOnce(api, 'f')).rejects.toMatchObject({ code: 'API_NOT_FOUND' });
    expect(calls).toEqual(['publish f', 'state f']);
  });

  it('a 404 of a flow never published is a real failure', async () => {
    const { api } = scriptedApi(
      [nothingToPublish],
      [{ publishedVersionId: undefined, draftPending: false }],
    );
    await expect(publishFlowOnce(api, 'f')).rejects.toMatchObject({ code: 'API_NOT_FOUND' });
  });

  it('a 404 of a flow that is gone fails, with the versions check as its cause', async () => {
    const { api, calls } = scriptedApi([nothingToPublish], []);
    await expect(publishFlowOnce(api, 'f')).rejects.toMatchObject({ code: 'API_NOT_FOUND' });
    expect(calls).toEqual(['publish f', 'state f']);
  });

  it('a 400 (invalid flow id) is a real failure, without a versions check', async () => {
    const invalid = () => {
      throw new ApiValidationError(
        'Runtype API refused POST /flows/f/publish (400): invalid flow id',
      );
    };
    const { api, calls } = scriptedApi([invalid], []);
    await expect(publishFlowOnce(api, 'f')).rejects.toMatchObject({ code: 'API_VALIDATION' });
    expect(calls).toEqual(['publish f']);
  });

  it('gives up after a bounded number of lost answers', async () => {
    const waiting = { publishedVersionId: undefined, draftPending: true };
    const { api, calls } = scriptedApi(
      [lost, lost, lost, lost, lost],
      [waiting, waiting, waiting, waiting, waiting],
    );
    await expect(publishFlowOnce(api, 'f')).rejects.toMatchObject({ code: 'API_AMBIGUOUS_WRITE' });
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
    await expect(publishFlowOnce(api, 'f')).rejects.toThrow('boom');
    expect(calls).toEqual(['publish f']);
  });

  it('a failed versions check after a lost answer reports the publish failure, with the check as its cause', async () => {
    const { api } = scriptedApi([lost], []);
    const error = (await publishFlowOnce(api, 'f').catch((caught: unknown) => caught)) as Error & {
      code?: string;
    };
    expect(error.code).toBe('API_AMBIGUOUS_WRITE');
    expect(error.message).toContain(
      "checking the flow's versions failed too: no more states scripted",
    );
    expect(error.cause).toBeInstanceOf(Error);
  });
});
