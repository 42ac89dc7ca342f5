import { hash8 } from './hash8.js';

/**
 * Step ids as the API takes them (runtype-api.md §00: 1–128 characters of
 * letters, digits, `_`, `-`, `:` and `.`), and the id a step without one gets
 * from its name. Lockfiles hash the ids, so the default must be stable: a
 * name whose slug was already valid keeps it exactly.
 */
export const STEP_ID_PATTERN = /^[A-Za-z0-9_\-:.]+$/;
export const STEP_ID_MAX_LENGTH = 128;

/**
 * `Generate Greeting` → `generate-greeting`. A slug longer than 128 is cut
 * to 119 characters plus `-` and a hash of the whole name, so two long names
 * sharing a prefix still differ; a name with no letter or digit gets
 * `step-<hash>`. An empty name stays `''` (reported as a missing name).
 */
export function defaultStepId(name: string): string {
  if (name === '') return '';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return `step-${hash8(name)}`;
  if (slug.length <= STEP_ID_MAX_LENGTH) return slug;
  return `${slug.slice(0, STEP_ID_MAX_LENGTH - 9).replace(/-+$/, '')}-${hash8(name)}`;
}
