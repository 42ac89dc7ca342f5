import { describe, expect, it } from 'vitest';
import type { VersionsResult } from '../../src/app/results.js';
import { formatVersions } from '../../src/report/format-versions.js';

const target: VersionsResult['target'] = {
  environment: 'production',
  kind: 'remote',
  apiUrl: 'https://api.runtype.com/v1',
  lockFile: 'runtype.lock.json',
  lockSection: 'production',
};
const version = (
  number: number,
  extra: Partial<VersionsResult['versions'][number]>,
): VersionsResult['versions'][number] => ({
  id: `flowver_${number}`,
  number,
  type: 'published',
  createdAt: `2026-06-0${number}T00:00:00.000Z`,
  label: `v${number}`,
  live: false,
  matchesCode: false,
  ...extra,
});
const result = (versions: VersionsResult['versions']): VersionsResult => ({
  command: 'versions',
  ok: true,
  target,
  key: 'faq',
  name: 'FAQ',
  remoteId: 'flow_1',
  liveVersionId: versions.find((v) => v.live)?.id ?? null,
  inCode: true,
  versions,
});

describe('formatVersions', () => {
  it('marks the live version holding the code', () => {
    const text = formatVersions(
      result([version(2, { live: true, matchesCode: true }), version(1, {})]),
    );
    expect(text).toContain('flowver_2  live, code');
    expect(text.split('\n').at(-1)).toBe('Live: v2, which is the code.');
  });

  it('says "unknown" where a version\'s content cannot be read, never "behind the code"', () => {
    const text = formatVersions(
      result([
        version(3, { type: 'draft', matchesCode: true }),
        version(2, { live: true, contentUnknown: true }),
        version(1, { contentUnknown: true }),
      ]),
    );
    expect(text).toContain('flowver_2  live, code?');
    expect(text).toContain('flowver_1  code?');
    expect(text.split('\n').at(-1)).toMatch(/^Live: v2; whether it is the code is unknown/);
    expect(text).not.toContain('behind the code');
  });
});
