/**
 * The README's generated sections: the client's guesses (src/api/guesses.ts) and the emulator's
 * open points with both readings' answers (src/emulator/assumptions.ts). `npm run readme` writes
 * them between their markers; test/contract/documented-guesses.test.ts fails while the README
 * and the code disagree.
 */
import type { Guess } from '../../src/api/guesses.js';
import { GUESSES } from '../../src/api/guesses.js';
import type { OpenPoint } from '../../src/emulator/assumptions.js';
import { OPEN_POINTS } from '../../src/emulator/assumptions.js';

export interface ReadmeSection {
  /** The marker's name: `<!-- NAME:start -->` … `<!-- NAME:end -->`. */
  name: string;
  text: string;
}

/** Every generated section, as the code says it today. */
export function readmeSections(): ReadmeSection[] {
  return [
    { name: 'guesses', text: renderGuesses(GUESSES) },
    { name: 'open-points', text: renderOpenPoints(OPEN_POINTS) },
  ];
}

/** The text between a section's markers (undefined when the README has none). */
export function sectionIn(readme: string, name: string): string | undefined {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) return undefined;
  return readme.slice(from + start.length, to);
}

/** The README with every section replaced by the code's text. */
export function withSections(readme: string, sections: readonly ReadmeSection[]): string {
  let text = readme;
  for (const { name, text: body } of sections) {
    const current = sectionIn(text, name);
    if (current === undefined) throw new Error(`README.md has no <!-- ${name}:start --> marker`);
    text = text.replace(`<!-- ${name}:start -->\n${current}`, `<!-- ${name}:start -->\n${body}`);
  }
  return text;
}

// --- internal ---

const WIDTH = 100;

function renderGuesses(guesses: readonly Guess[]): string {
  return guesses.map((g) => wrap(`**${g.guess}** If it is wrong: ${g.ifWrong}`)).join('');
}

function renderOpenPoints(points: readonly OpenPoint[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = points.map((p) => `| ${cell(p.point)} | ${cell(p.first)} | ${cell(p.second)} |`);
  return [
    '| Open point | First reading (default) | Second reading |',
    '| --- | --- | --- |',
    ...rows,
  ]
    .map((line) => `${line}\n`)
    .join('');
}

/** A list item, wrapped at WIDTH columns with a two-space hanging indent. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '-';
  for (const word of text.split(/\s+/)) {
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '-') {
      lines.push(line);
      line = `  ${word}`;
    } else line += ` ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `${l}\n`).join('');
}
