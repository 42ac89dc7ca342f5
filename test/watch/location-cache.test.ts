import { afterEach, describe, expect, it } from 'vitest';
import { locateDiagnostics, LocationCache } from '../../src/load/locate/locate-diagnostics.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';

/**
 * Watch mode loads the same project every cycle: an unchanged file's warnings are placed without
 * parsing it again.
 */
let project: TestProject;
afterEach(() => project.cleanup());

const warningIn = (file: string): Diagnostic => ({
  severity: 'warning',
  code: 'STEP_CONFIG_FIELD_UNKNOWN',
  message: 'unknown field',
  file,
  flowKey: 'a',
  path: ['steps', 0, 'config', 'model'],
});

describe('LocationCache', () => {
  it('parses a file once per content, and places its diagnostics as the uncached locator does', async () => {
    project = createTestProject();
    const file = project.write('flows/a.ts', flowSource('a', 'A'));
    const line =
      flowSource('a', 'A')
        .split('\n')
        .findIndex((l) => l.includes('model:')) + 1;
    const cache = new LocationCache();

    const [first] = await locateDiagnostics([warningIn(file)], cache);
    const [again] = await locateDiagnostics([warningIn(file)], cache);
    expect(first).toMatchObject({ line });
    expect(again).toEqual(first);
    expect(await locateDiagnostics([warningIn(file)])).toEqual([first]);
    expect(cache.parsed).toBe(1);

    // A changed file is parsed again, and its diagnostics move with the code.
    project.write('flows/a.ts', `// a comment on top\n${flowSource('a', 'A')}`);
    const [moved] = await locateDiagnostics([warningIn(file)], cache);
    expect(moved).toMatchObject({ line: line + 1 });
    expect(cache.parsed).toBe(2);
  });
});
