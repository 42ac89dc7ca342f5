import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseLockfile,
  readLockfile,
  serializeLockfile,
  writeLockfile,
} from '../../src/state/index.js';
import { stableStringify } from '../../src/state/serialize-lockfile.js';
import {
  aLock,
  anEntry,
  backdate,
  hashOf,
  PROD,
  snapshotFile,
  STAGING,
  tempRoot,
} from './helpers.js';

describe('serializeLockfile', () => {
  it('sorts keys at every level, whatever the insertion order', () => {
    const a = aLock({
      staging: { apiUrl: STAGING, flows: { zeta: anEntry('z'), alpha: anEntry('a') } },
      production: { flows: { beta: anEntry('b') }, apiUrl: PROD },
    });
    const b = aLock({
      production: {
        apiUrl: PROD,
        flows: { beta: { name: 'Flow b', hash: hashOf('b'), id: 'flow_b' } },
      },
      staging: { flows: { alpha: anEntry('a'), zeta: anEntry('z') }, apiUrl: STAGING },
    });
    expect(serializeLockfile(a)).toBe(serializeLockfile(b));
    const text = serializeLockfile(a);
    expect(text.indexOf('"production"')).toBeLessThan(text.indexOf('"staging"'));
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
  });

  it('writes 2-space JSON with one line per field and a final newline', () => {
    const text = serializeLockfile(
      aLock({ production: { apiUrl: PROD, flows: { 'customer-outreach': anEntry('c') } } }),
    );
    expect(text).toMatchInlineSnapshot(`
      "{
        "environments": {
          "production": {
            "apiUrl": "https://api.runtype.com/v1",
            "flows": {
              "customer-outreach": {
                "hash": "2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6",
                "id": "flow_c",
                "name": "Flow c"
              }
            }
          }
        },
        "lockfileVersion": 1
      }
      "
    `);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('round-trips through parseLockfile', () => {
    const lock = aLock({
      production: { apiUrl: PROD, flows: { a: anEntry('a'), b: anEntry('b') } },
      empty: { apiUrl: STAGING, flows: {} },
    });
    const text = serializeLockfile(lock);
    expect(parseLockfile(text, 'runtype.lock.json')).toEqual(lock);
    expect(serializeLockfile(parseLockfile(text, 'runtype.lock.json'))).toBe(text);
  });

  it('stableStringify matches JSON.stringify of sorted data and keeps "__proto__" an ordinary key', () => {
    expect(stableStringify({ b: [1, { d: null, c: 'x' }], a: {}, e: [] })).toBe(
      JSON.stringify({ a: {}, b: [1, { c: 'x', d: null }], e: [] }, null, 2),
    );
    const odd = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(stableStringify(odd)).toBe('{\n  "__proto__": {\n    "x": 1\n  }\n}');
  });
});

describe('readLockfile / writeLockfile', () => {
  it('reads a missing file as an empty lock', async () => {
    const root = await tempRoot();
    await expect(readLockfile(path.join(root, 'runtype.lock.json'))).resolves.toEqual(aLock());
  });

  it('writes byte-identical output and does not touch a file that already holds it', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    const lock = aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } });
    await expect(writeLockfile(file, lock)).resolves.toBe(true);
    await backdate(file);
    const before = await snapshotFile(file);
    await expect(writeLockfile(file, structuredClone(lock))).resolves.toBe(false);
    expect(await snapshotFile(file)).toEqual(before);
    expect(before.text).toBe(serializeLockfile(lock));
    await expect(readLockfile(file)).resolves.toEqual(lock);
  });

  it('leaves no temp files behind', async () => {
    const root = await tempRoot();
    await writeLockfile(
      path.join(root, 'runtype.lock.json'),
      aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }),
    );
    await writeLockfile(path.join(root, 'runtype.lock.json'), aLock());
    expect(await fsp.readdir(root)).toEqual(['runtype.lock.json']);
  });
});
