import { appendFileSync } from 'node:fs';
import type { CommandResult } from '../app/results.js';
import { createColors } from './color.js';
import { errorToJson, formatError } from './format-error.js';
import { formatDiagnostics } from './format-diagnostics.js';
import { formatEmulatorLines } from './format-emulator.js';
import { formatPlan } from './format-plan.js';
import { terminalSafe } from './terminal-safe.js';
import { formatResult } from './format-result.js';
import { formatWatchEvent } from './format-watch.js';
import { formatErrorAnnotations, formatErrorSummary } from './github-errors.js';
import { formatAnnotations, formatJobSummary } from './github.js';
import { withRelativePaths } from './json-paths.js';
import { formatEmulatorEvent } from './json-emulator.js';
import { toJsonDocument } from './json-result.js';
import { toWatchJson } from './json-watch.js';
import type { OutputStream, ProgressUpdate, Reporter } from '../app/reporter.js';
import { JSON_SCHEMA_VERSION } from './json-version.js';
import { createRedactor } from './redact.js';

export interface ReporterOptions {
  json: boolean;
  verbose: boolean;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Project root, for file paths in CI annotations. */
  root?: string;
  /** The project's root (folder of runtype.config.ts): JSON documents give paths relative to it. */
  projectRoot?: string;
}

/**
 * Human mode: results on stdout, chatter on stderr, colour when a TTY allows.
 * JSON mode: stdout carries exactly one JSON document per command (or one
 * JSON event per line in watch mode); everything else still goes to stderr.
 */
export function createReporter(options: ReporterOptions): Reporter {
  const { stdout, stderr, verbose, json } = options;
  const redactor = createRedactor();
  const errColors = createColors(options.env, stderr.isTTY === true);
  const outColors = createColors(options.env, stdout.isTTY === true);
  const writeErr = (text: string) => stderr.write(`${terminalSafe(redactor.redact(text))}\n`);
  const writeOut = (text: string) => stdout.write(`${terminalSafe(redactor.redact(text))}\n`);
  const ci = options.env.CI !== undefined && options.env.CI !== 'false';
  /** Last reported count per phase (a run reads remote flows, then syncs). */
  const lastProgress = new Map<string, number>();

  /** Annotations go to stderr in JSON mode (stdout holds only the document); GitHub reads both. */
  const reportToGitHub = (result: CommandResult) => {
    for (const line of formatAnnotations(result, options.root)) (json ? writeErr : writeOut)(line);
    appendJobSummary(formatJobSummary(result));
  };
  const appendJobSummary = (summary: string | undefined) => {
    const file = options.env.GITHUB_STEP_SUMMARY;
    if (summary && file) {
      try {
        appendFileSync(file, `${terminalSafe(redactor.redact(summary))}\n`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        writeErr(`warning: could not write the job summary: ${reason}`);
      }
    }
  };

  return {
    info: (message) => writeErr(message),
    diagnostics(list, root) {
      // JSON documents carry diagnostics themselves; on stderr they help humans and CI logs alike.
      if (list.length > 0) writeErr(formatDiagnostics(list, root, errColors));
    },
    warn: (message) => writeErr(`${errColors.paint('yellow', 'warning')} ${message}`),
    debug: (message) => {
      if (verbose) writeErr(errColors.paint('gray', message));
    },
    progress(update: ProgressUpdate) {
      if (stderr.isTTY && !ci) {
        const failed = update.failed ? `, ${update.failed} failed` : '';
        const item = update.item ? `  ${update.item}` : '';
        stderr.write(`\r\x1b[2K${update.phase} ${update.done}/${update.total}${failed}${item}`);
        if (update.done === update.total) stderr.write('\n');
        return;
      }
      // Without a terminal: a plain line every 10% (and at the end) of long runs, never a carriage
      // return.
      if (update.total < 20) return;
      const step = Math.max(1, Math.ceil(update.total / 10));
      if (
        update.done === update.total ||
        update.done - (lastProgress.get(update.phase) ?? 0) >= step
      ) {
        lastProgress.set(update.phase, update.done);
        const failed = update.failed ? ` (${update.failed} failed)` : '';
        writeErr(`${update.phase}: ${update.done}/${update.total}${failed}`);
      }
    },
    preview: (result) => writeErr(`${formatPlan(result, errColors, { verbose })}\n`),
    result(result: CommandResult) {
      const root = 'root' in result ? result.root : options.projectRoot;
      if (json) writeOut(JSON.stringify(withRelativePaths(toJsonDocument(result), root), null, 2));
      else writeOut(formatResult(result, outColors, verbose));
      if (options.env.GITHUB_ACTIONS === 'true') reportToGitHub(result);
    },
    error(error: unknown) {
      if (json) {
        const body = withRelativePaths(errorToJson(error), options.projectRoot);
        writeOut(
          JSON.stringify(
            { schemaVersion: JSON_SCHEMA_VERSION, status: 'error', error: body },
            null,
            2,
          ),
        );
      }
      writeErr(formatError(error, errColors, verbose));
      if (options.env.GITHUB_ACTIONS === 'true') {
        for (const line of formatErrorAnnotations(error, options.root))
          (json ? writeErr : writeOut)(line);
        appendJobSummary(formatErrorSummary(error, options.root));
      }
    },
    watch(event) {
      const text = formatWatchEvent(event, { out: outColors, err: errColors, verbose });
      for (const line of text.stderr) writeErr(line);
      if (json) writeOut(JSON.stringify(toWatchJson(event)));
      else for (const line of text.stdout) writeOut(line);
    },
    emulator(event) {
      for (const line of formatEmulatorLines(event)) writeErr(line);
      if (json) stdout.write(redactor.redact(formatEmulatorEvent(event)));
    },
    addSecret: (value) => redactor.add(value),
  };
}
