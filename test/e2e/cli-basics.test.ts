import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestProject } from '../helpers/project.js';
import { READING_ENV } from '../helpers/reading.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin/runtype-flows.mjs');
const run = (args: string[], cwd = REPO, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...READING_ENV, ...env },
    encoding: 'utf8',
  });

describe('the runtype-flows binary', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    );
  });

  it('--help lists every command and the exit codes', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'plan', 'sync', 'status', 'init', 'emulator'])
      expect(help.stdout).toContain(command);
    expect(help.stdout).toMatch(/Exit codes/);
  });

  it("validates this repository's own flows", () => {
    const result = run(['validate']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ \d+ flows OK/);
  });

  it('validate --json prints exactly one JSON document on stdout', () => {
    const result = run(['validate', '--json']);
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, status: 'ok', command: 'validate', ok: true });
    expect(doc.flows.length).toBeGreaterThanOrEqual(3);
  });

  it('an unknown command is an error with the list of commands', () => {
    const result = run(['deploy']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Unknown argument|Did you mean/);
  });

  it('a missing key for a real environment is an error naming the variable, never a fall-back', () => {
    const project = createTestProject({
      'flows/a.ts':
        "import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({ key: 'a', name: 'A', steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: 'hi' })] });\n",
    });
    try {
      const result = run(['plan'], project.root);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('RUNTYPE_API_KEY');
      expect(result.stderr).toContain('API_KEY_MISSING');
    } finally {
      project.cleanup();
    }
  });

  it('refuses to send a key over plain http to a non-loopback host', () => {
    const project = createTestProject({
      'flows/a.ts':
        "import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({ key: 'a', name: 'A', steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: 'hi' })] });\n",
    });
    try {
      const result = run(['plan'], project.root, {
        RUNTYPE_API_URL: 'http://api.example.com',
        RUNTYPE_API_KEY: 'rt_live_secret_value_123',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('INSECURE_URL');
      expect(result.stderr + result.stdout).not.toContain('rt_live_secret_value_123');
    } finally {
      project.cleanup();
    }
  });
});
