import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import { createReporter } from '../../src/report/create-reporter.js';
import { outcome, samplePlan, syncResult } from './builders.js';

function streams() {
  const out = { text: '', write: (s: string) => (out.text += s) };
  const err = { text: '', write: (s: string) => (err.text += s) };
  return { out, err };
}

const failedSync = () =>
  syncResult([
    outcome('customer-outreach', 'applied', 'created', { remoteId: 'flow_20' }),
    outcome('faq-bot', 'failed', 'none', {
      error: { code: 'API_VALIDATION', message: 'bad model' },
    }),
  ]);

describe('createReporter on GitHub Actions', () => {
  it('in JSON mode keeps stdout to one JSON document and sends annotations to stderr', () => {
    const { out, err } = streams();
    const summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'rt-summary-')), 'summary.md');
    const reporter = createReporter({
      json: true,
      verbose: false,
      stdout: out,
      stderr: err,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
      root: '/proj',
    });
    reporter.result(failedSync());
    const doc = JSON.parse(out.text) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, status: 'error', command: 'sync' });
    expect(err.text).toContain('::error title=sync failed::faq-bot: bad model (API_VALIDATION)\n');
    expect(readFileSync(summary, 'utf8')).toContain(
      '| created | `customer-outreach` | flow_20 |  |',
    );
  });

  it('in human mode prints annotations on stdout after the result', () => {
    const { out, err } = streams();
    const reporter = createReporter({
      json: false,
      verbose: false,
      stdout: out,
      stderr: err,
      env: { GITHUB_ACTIONS: 'true' },
      root: '/proj',
    });
    reporter.result(samplePlan());
    expect(out.text).toMatch(/^Plan for environment "production"/);
    expect(out.text).toContain('\n::warning title=drift::support-triage');
    expect(err.text).toBe('');
  });

  it('prints no annotations outside GitHub Actions, and warns when the job summary cannot be written', () => {
    const plain = streams();
    createReporter({
      json: false,
      verbose: false,
      stdout: plain.out,
      stderr: plain.err,
      env: {},
    }).result(samplePlan());
    expect(plain.out.text).not.toContain('::');

    const { out, err } = streams();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-summary-'));
    createReporter({
      json: false,
      verbose: false,
      stdout: out,
      stderr: err,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: dir },
    }).result(samplePlan());
    expect(err.text).toMatch(/^warning: could not write the job summary: /);
  });

  it('annotates a top-level error and keeps the API key out of every stream', () => {
    const { out, err } = streams();
    const reporter = createReporter({
      json: true,
      verbose: false,
      stdout: out,
      stderr: err,
      env: { GITHUB_ACTIONS: 'true' },
    });
    reporter.addSecret('my-very-secret-key');
    reporter.error(new RuntypeError('API_UNAUTHORIZED', 'key my-very-secret-key was rejected'));
    expect(JSON.parse(out.text)).toMatchObject({
      status: 'error',
      error: { code: 'API_UNAUTHORIZED', message: 'key *** was rejected' },
    });
    expect(err.text).toContain(
      '::error title=runtype-flows API_UNAUTHORIZED::key *** was rejected',
    );
    expect(out.text + err.text).not.toContain('my-very-secret-key');
  });
});
