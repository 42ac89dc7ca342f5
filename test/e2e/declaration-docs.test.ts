import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The editor docs reach users: they are in the built .d.ts files the package ships. */
const DIST = path.resolve(import.meta.dirname, '../../dist/model');
const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');

describe('docs in the emitted declarations', () => {
  it('defineFlow, defineConfig and the flow fields', () => {
    expect(read('define.d.ts')).toMatch(/\/\*\*\n \* Declares a flow:/);
    expect(read('define.d.ts')).toMatch(/\/\*\*\n \* Declares the project config/);
    expect(read('flow.d.ts')).toMatch(/Stable identity: a slug[\s\S]*\n {4}key: string;/);
  });

  it('every step helper', () => {
    const helpers = read('step-helpers.d.ts');
    const exported = [...helpers.matchAll(/export declare const (\w+)/g)].map((m) => m[1]);
    expect(exported).toHaveLength(29);
    const documented = [...helpers.matchAll(/\*\/\nexport declare const (\w+)/g)].map((m) => m[1]);
    expect(documented).toEqual(exported);
  });

  it('config fields, with units and defaults', () => {
    expect(read('step-config-types.d.ts')).toMatch(
      /Sampling temperature, 0–2[^\n]*\n {4}temperature\?: number;/,
    );
    expect(read('step-config-types-data.d.ts')).toMatch(
      /milliseconds[^\n]*\n {4}timeoutMs\?: number;/,
    );
    expect(read('config-input-types.d.ts')).toMatch(/Default 8\. \*\/\n {4}concurrency\?: number;/);
  });
});
