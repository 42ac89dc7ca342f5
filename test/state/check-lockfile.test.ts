import { describe, expect, it } from 'vitest';
import { matchesLockfileSchema } from '../../src/state/check-lockfile.js';
import { LockfileSchema } from '../../src/state/lockfile-schema.js';

const h = (c: string) => c.repeat(64);
const valid = () => ({
  lockfileVersion: 1,
  environments: {
    production: {
      apiUrl: 'https://api.runtype.com/v1',
      flows: {
        report: { id: 'f_1', hash: h('a'), name: 'Report' },
        digest: {
          id: 'f_2',
          hash: h('b'),
          name: '',
          remoteHash: h('c'),
          published: h('b'),
          descriptionHash: h('d'),
          updatedAt: '2026-01-01T00:00:00.000Z',
          attempted: [h('e')],
        },
      },
    },
    dev_2: { apiUrl: 'http://127.0.0.1:1/v1', flows: {} },
  },
});

/** Each turns the valid document into one the schema refuses. */
const breakages: Record<string, (doc: ReturnType<typeof valid>) => void> = {
  'extra top-level key': (d) => Object.assign(d, { extra: 1 }),
  'wrong version': (d) => Object.assign(d, { lockfileVersion: 2 }),
  'bad section name': (d) => Object.assign(d.environments, { 'bad name': d.environments.dev_2 }),
  'empty apiUrl': (d) => Object.assign(d.environments.dev_2, { apiUrl: '' }),
  'extra section key': (d) => Object.assign(d.environments.dev_2, { x: 1 }),
  'flows an array': (d) => Object.assign(d.environments.dev_2, { flows: [] }),
  'empty flow key': (d) =>
    Object.assign(d.environments.dev_2.flows, { '': d.environments.production.flows.report }),
  'empty id': (d) => Object.assign(d.environments.production.flows.report, { id: '' }),
  'upper-case hash': (d) => Object.assign(d.environments.production.flows.report, { hash: h('A') }),
  'short remoteHash': (d) =>
    Object.assign(d.environments.production.flows.digest, { remoteHash: 'abc' }),
  'null published': (d) =>
    Object.assign(d.environments.production.flows.digest, { published: null }),
  'numeric name': (d) => Object.assign(d.environments.production.flows.report, { name: 1 }),
  'empty updatedAt': (d) =>
    Object.assign(d.environments.production.flows.digest, { updatedAt: '' }),
  'attempted not hashes': (d) =>
    Object.assign(d.environments.production.flows.digest, { attempted: ['x'] }),
  'extra entry key': (d) => Object.assign(d.environments.production.flows.report, { typo: true }),
  'entry null': (d) => Object.assign(d.environments.production.flows, { report: null }),
};

describe('matchesLockfileSchema (the fast check before zod)', () => {
  it('accepts a valid lockfile, as the schema does', () => {
    expect(LockfileSchema.safeParse(valid()).success).toBe(true);
    expect(matchesLockfileSchema(valid())).toBe(true);
  });

  it.each(Object.entries(breakages))('says no where the schema does: %s', (_, breakIt) => {
    const doc = valid();
    breakIt(doc);
    expect(LockfileSchema.safeParse(doc).success).toBe(false);
    expect(matchesLockfileSchema(doc)).toBe(false);
  });

  it('leaves a "__proto__" key to zod', () => {
    const doc = JSON.parse(
      `{"lockfileVersion":1,"environments":{"a":{"apiUrl":"u","flows":{"__proto__":{"id":"i","hash":"${h('a')}","name":"n"}}}}}`,
    ) as unknown;
    expect(matchesLockfileSchema(doc)).toBe(false);
  });
});
