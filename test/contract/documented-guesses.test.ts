/**
 * Every guess in one place, and the README saying the same: the client's guesses
 * (src/api/guesses.ts) and the emulator's open points with both readings' answers
 * (src/emulator/assumptions.ts) are written into the README by `npm run readme`; this fails
 * while the README says anything else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUESSES } from '../../src/api/guesses.js';
import { readmeSections, sectionIn } from './readme-sections.js';

const README = path.resolve(import.meta.dirname, '../../README.md');

describe('What we assume about the API (README)', () => {
  it.each(readmeSections().map((s) => [s.name, s] as const))(
    'the README section "%s" is what the code says (run `npm run readme` after changing either)',
    (_name, section) => {
      expect(sectionIn(readFileSync(README, 'utf8'), section.name)).toBe(section.text);
    },
  );

  it('each guess has an id of its own, the guess and what the tool does when it is wrong', () => {
    const ids = GUESSES.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const guess of GUESSES) {
      expect(guess.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(guess.guess.length, guess.id).toBeGreaterThan(20);
      expect(guess.ifWrong.length, guess.id).toBeGreaterThan(20);
    }
  });

  it('names the guesses the issue found unmarked (each still listed)', () => {
    const text = GUESSES.map((g) => `${g.guess} ${g.ifWrong}`).join('\n');
    for (const topic of [
      'leaves a draft to publish', // create
      'Steps come back as sent', // name, order, enabled, config
      'lists every flow the key can act on',
      'replaces the whole step list',
      'only moves the live pointer',
      'without a `direction`',
      'means nothing is pending',
      'answers 404 when nothing is live', // GET …/published
      'with the ids GET /v1/flows/{id} gives', // flow-steps
      'accepts `description`',
      'keeps `"published"`', // no longer relied on
      'in `success` whether it happened',
    ]) {
      expect(text).toContain(topic);
    }
  });
});
