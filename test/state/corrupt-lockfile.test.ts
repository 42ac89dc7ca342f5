import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import {
  migrateLockfile,
  openLockStore,
  parseLockfile,
  serializeLockfile,
} from '../../src/state/index.js';
import { aLock, anEntry, exists, PROD, snapshotFile, tempRoot } from './helpers.js';

const valid = serializeLockfile(
  aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a'), b: anEntry('b') } } }),
);

const cases: { name: string; text: string; code: string; message: RegExp }[] = [
  {
    name: 'bad JSON',
    text: '{\n  "lockfileVersion": 1,\n  "environments": {,\n}\n',
    code: 'LOCKFILE_CORRUPT',
    message: /runtype\.lock\.json:3: invalid JSON/,
  },
  {
    name: 'git conflict markers',
    text: valid.replace(
      '      "flows": {\n',
      '      "flows": {\n<<<<<<< HEAD\n        "x": {},\n=======\n        "y": {},\n>>>>>>> feature\n',
    ),
    code: 'LOCKFILE_CORRUPT',
    message: /runtype\.lock\.json:6: unresolved git merge conflict/,
  },
  {
    name: 'a newer version',
    text: '{ "lockfileVersion": 2, "environments": {} }\n',
    code: 'LOCKFILE_VERSION',
    message: /written by a newer runtype-flows/,
  },
  {
    name: 'an unknown version',
    text: '{ "lockfileVersion": "1", "environments": {} }\n',
    code: 'LOCKFILE_VERSION',
    message: /unknown lockfileVersion "1"/,
  },
  {
    name: 'a schema violation',
    text: valid.replace(/"hash": "[0-9a-f]+"/, '"hash": "nope"'),
    code: 'LOCKFILE_CORRUPT',
    message: /not a valid lockfile: environments\.production\.flows\.a\.hash: a sha256 hex digest/,
  },
  {
    name: 'a missing version',
    text: '{ "environments": {} }\n',
    code: 'LOCKFILE_CORRUPT',
    message: /lockfileVersion: /,
  },
  { name: 'an array', text: '[]\n', code: 'LOCKFILE_CORRUPT', message: /expected a JSON object/ },
];

describe('a corrupt lockfile', () => {
  it.each(cases)(
    '$name → $code, naming the file, and the file is left untouched',
    async ({ text, code, message }) => {
      const root = await tempRoot();
      const file = path.join(root, 'runtype.lock.json');
      await fsp.writeFile(file, text);
      const before = await snapshotFile(file);

      const error = await openLockStore({
        root,
        section: 'production',
        apiUrl: PROD,
        location: 'shared',
      }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RuntypeError);
      expect((error as RuntypeError).code).toBe(code);
      expect((error as RuntypeError).message).toMatch(message);
      expect((error as RuntypeError).message).toContain(file);
      expect(await snapshotFile(file)).toEqual(before);
      // The failed open let go of the writer lock.
      expect(await exists(path.join(root, '.runtype', 'sync.pid'))).toBe(false);
    },
  );

  it('hints at how to get out of a merge conflict', () => {
    const text = `${valid.slice(0, 20)}\n=======\n`;
    expect(() => parseLockfile(text, 'runtype.lock.json')).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/re-run sync.*re-adopted by name/) }),
    );
  });

  it('lists every schema problem with its path', () => {
    const text = JSON.stringify({
      lockfileVersion: 1,
      environments: {
        'bad name': { apiUrl: 'x', flows: {} },
        dev: { apiUrl: '', flows: { a: { id: 'x', hash: 'y', name: 'z', extra: 1 } } },
      },
    });
    let caught: unknown;
    try {
      parseLockfile(text, 'lock.json');
    } catch (error) {
      caught = error;
    }
    expect((caught as RuntypeError).meta?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^environments\.bad name: /),
        expect.stringMatching(/^environments\.dev\.apiUrl: /),
        expect.stringMatching(/^environments\.dev\.flows\.a\.hash: /),
        expect.stringMatching(/^environments\.dev\.flows\.a: .*extra/),
      ]),
    );
  });
});

describe('migrateLockfile', () => {
  it('passes version 1 through unchanged', () => {
    const doc = { lockfileVersion: 1, environments: {} };
    expect(migrateLockfile(doc, 'f')).toBe(doc);
  });

  it('refuses a version from the future with an upgrade hint', () => {
    expect(() => migrateLockfile({ lockfileVersion: 7 }, 'f')).toThrow(
      expect.objectContaining({
        code: 'LOCKFILE_VERSION',
        hint: expect.stringContaining('Upgrade'),
      }),
    );
  });
});
