import { describe, expect, it } from 'vitest';
import { resolveVersion } from './flow-versions.js';

const hash = 'a'.repeat(64);
const list = {
  publishedVersionId: 'v3',
  versions: [
    { id: 'v1', versionNumber: 1, versionType: 'published' },
    { id: 'v2', versionNumber: 2, versionType: 'published' },
    { id: 'v3', versionNumber: 3, versionType: 'published' },
    { id: 'd4', versionNumber: 4, versionType: 'draft' },
  ],
};

describe('resolveVersion (rollback --to)', () => {
  it('previous: the lock record while the live version is the one it recorded', () => {
    const entry = { id: 'f', hash, name: 'F', publishedVersionId: 'v3', previousVersionId: 'v1' };
    expect(resolveVersion('previous', list, entry).id).toBe('v1');
  });

  it('previous: the next lower published version when the record is stale or missing', () => {
    const stale = { id: 'f', hash, name: 'F', publishedVersionId: 'v2', previousVersionId: 'v1' };
    expect(resolveVersion('previous', list, stale).id).toBe('v2');
    expect(resolveVersion('previous', list, { id: 'f', hash, name: 'F' }).id).toBe('v2');
  });

  it('previous with nothing earlier is an error', () => {
    const one = { publishedVersionId: 'v1', versions: [list.versions[0]!] };
    expect(() => resolveVersion('previous', one, { id: 'f', hash, name: 'F' })).toThrow(
      'no earlier published version',
    );
  });

  it('a number (3 or v3) or an id; anything else is an error naming the versions', () => {
    const entry = { id: 'f', hash, name: 'F' };
    expect(resolveVersion('2', list, entry).id).toBe('v2');
    expect(resolveVersion('v1', list, entry).id).toBe('v1');
    expect(resolveVersion('d4', list, entry).id).toBe('d4');
    expect(() => resolveVersion('7', list, entry)).toThrow('the flow has no version "7"');
  });
});
