/**
 * The two readings as the emulator's code reads them: one flag per open point that the readings
 * answer differently. What each flag means, and both answers in words, are listed in
 * assumptions.ts (OPEN_POINTS), where every guess of the emulator lives.
 */
import { RuntypeError } from '../errors.js';
import {
  ARCHIVED_VERSION_TYPE,
  PUBLISHED_VERSION_TYPE,
  READING_NAMES,
  type Reading,
} from './assumptions.js';

/** How each reading behaves, as the store, the handlers and the renderer read it. */
export interface ReadingRules {
  readonly reading: Reading;
  /** A version's `flowConfig`: the flow it froze, request-shaped; or `{ steps }` / null. */
  readonly versionConfig: 'request-shaped' | 'steps-or-null';
  /** The most flows one page of GET /v1/flows holds, whatever `limit` asks. */
  readonly maxListLimit: number;
  /** POST /v1/flows publishes v1 at once (nothing left to publish). */
  readonly createPublishes: boolean;
  /** An edit made through the flow-steps endpoints moves the flow's `updatedAt`. */
  readonly stepsEditMovesUpdatedAt: boolean;
  /** A PUT step without `when` keeps the `when` its id had. */
  readonly putKeepsOmittedWhen: boolean;
  /** The versionType of a published version once another is live. */
  readonly supersededVersionType: string;
  /** GET …/published with nothing live: 404, or 200 with the newest version and no flowConfig. */
  readonly publishedWhenNoneLive: 'not-found' | 'newest-without-config';
  /** GET /v1/flows lists newest first (else oldest first). */
  readonly flowsNewestFirst: boolean;
  /** GET /v1/flow-versions lists newest first (else oldest first). */
  readonly versionsNewestFirst: boolean;
  /** `search` is ignored (every flow is listed) instead of matching a name substring. */
  readonly searchIgnored: boolean;
  /** Publishing a specific version copies it as the next version, instead of moving the pointer. */
  readonly publishVersionCopies: boolean;
}

export const READING_RULES: Readonly<Record<Reading, ReadingRules>> = {
  first: {
    reading: 'first',
    versionConfig: 'request-shaped',
    maxListLimit: 100,
    createPublishes: false,
    stepsEditMovesUpdatedAt: true,
    putKeepsOmittedWhen: false,
    supersededVersionType: PUBLISHED_VERSION_TYPE,
    publishedWhenNoneLive: 'not-found',
    flowsNewestFirst: false,
    versionsNewestFirst: true,
    searchIgnored: false,
    publishVersionCopies: false,
  },
  second: {
    reading: 'second',
    versionConfig: 'steps-or-null',
    maxListLimit: 25,
    createPublishes: true,
    stepsEditMovesUpdatedAt: false,
    putKeepsOmittedWhen: true,
    supersededVersionType: ARCHIVED_VERSION_TYPE,
    publishedWhenNoneLive: 'newest-without-config',
    flowsNewestFirst: true,
    versionsNewestFirst: false,
    searchIgnored: true,
    publishVersionCopies: true,
  },
};

/** The rules of a reading (the first when none is named). */
export function readingRules(reading: Reading = 'first'): ReadingRules {
  return READING_RULES[reading];
}

/** A reading named on a command line or in an environment variable; undefined when unknown. */
export function parseReading(value: string): Reading | undefined {
  const lower = value.trim().toLowerCase();
  return (READING_NAMES as readonly string[]).includes(lower) ? (lower as Reading) : undefined;
}

/**
 * The testing knob: this environment variable names the reading of the emulators a CLI process
 * starts (the embedded one of an `emulator: true` environment, and `runtype-flows emulator`
 * without `--reading`), so a test suite can run a spawned CLI under the second reading.
 */
export const READING_ENV_VAR = 'RUNTYPE_EMULATOR_READING';

/** The reading the knob names (the first when unset or empty); a clear error when unknown. */
export function readingFromEnv(value: string | undefined): Reading {
  if (value === undefined || value.trim() === '') return 'first';
  const reading = parseReading(value);
  if (reading !== undefined) return reading;
  throw new RuntypeError(
    'EMULATOR_READING_INVALID',
    `${READING_ENV_VAR}=${JSON.stringify(value)} names no reading of the emulator`,
    { hint: `use ${READING_NAMES.join(' or ')} (or unset it: the first is the default)` },
  );
}
