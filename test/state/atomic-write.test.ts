import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/state/atomic-write.js';
import { tempRoot } from './helpers.js';

const inode = async (file: string): Promise<number> => (await fsp.stat(file)).ino;

describe('writeFileAtomic', () => {
  it('leaves a file that already holds the content alone, unless skipUnchanged is false', async () => {
    const file = path.join(await tempRoot(), 'nested', 'data.json');
    expect(await writeFileAtomic(file, 'one\n')).toBe(true); // creates the folder too
    // An open handle pins the inode, so a replaced file cannot get the same number back.
    const held = await fsp.open(file, 'r');
    try {
      const first = await inode(file);
      expect(await writeFileAtomic(file, 'one\n')).toBe(false);
      expect(await inode(file)).toBe(first);
      expect(await writeFileAtomic(file, 'one\n', { skipUnchanged: false })).toBe(true);
      expect(await inode(file)).not.toBe(first); // replaced by rename, not rewritten in place
      expect(await fsp.readFile(file, 'utf8')).toBe('one\n');
      expect(await held.readFile('utf8')).toBe('one\n');
    } finally {
      await held.close();
    }
    expect((await fsp.readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual(
      [],
    );
  });
});
