import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a user's editor shows for the usual slips, asserted on tsc's own output for
 * test/fixtures/type-errors/typos.ts: each error sits at the misspelled property (not
 * at the start of the object) and suggests the right name.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');
const FIXTURE = path.join(REPO, 'test/fixtures/type-errors');

describe('editor messages for typos', () => {
  const run = spawnSync(process.execPath, [TSC, '-p', FIXTURE, '--pretty', 'false'], {
    encoding: 'utf8',
  });
  /** tsc's errors by `line,column`, each with its message and the lines elaborating it. */
  const errors = new Map<string, string>();
  for (const block of run.stdout.split(/\n(?=\S)/)) {
    const at = /^typos\.ts\((\d+,\d+)\): error (TS\d+): ([\s\S]*)$/.exec(path.basename(block));
    if (at) errors.set(at[1]!, `${at[2]} ${at[3]}`);
  }

  it('reports exactly the four typos of the fixture', () => {
    expect(run.status).not.toBe(0);
    expect([...errors.keys()]).toEqual(['7,3', '9,27', '10,69', '11,46']);
  });

  it('type: "promt" in a plain object: at `type`, Did you mean "prompt"', () => {
    expect(errors.get('9,27')).toMatch(/^TS2820 Type '"promt"' is not assignable/);
    expect(errors.get('9,27')).toContain(`Did you mean '"prompt"'?`);
    expect(errors.get('9,27')).not.toContain('CUSTOM_STEP_BRAND');
  });

  it('a misspelled config field in a plain object step: at the field, Did you mean', () => {
    expect(errors.get('10,69')).toContain("Did you mean to write 'userPrompt'?");
  });

  it('a misspelled config field in a helper: at the field, Did you mean', () => {
    expect(errors.get('11,46')).toContain("Did you mean to write 'userPrompt'?");
  });

  it('a misspelled flow field is reported beside the step errors, with a suggestion', () => {
    expect(errors.get('7,3')).toContain(
      "'descripton' is not a flow field: did you mean 'description'?",
    );
  });
});
