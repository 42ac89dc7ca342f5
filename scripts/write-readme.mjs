#!/usr/bin/env node
// `npm run readme`: writes the README's generated sections (the client's guesses from
// src/api/guesses.ts, the emulator's open points from src/emulator/assumptions.ts).
// test/contract/documented-guesses.test.ts fails while the README differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';

const root = new URL('..', import.meta.url);
const jiti = createJiti(import.meta.url);
/** @type {typeof import('../test/contract/readme-sections.ts')} */
const sections = await jiti.import(new URL('test/contract/readme-sections.ts', root).pathname);
const file = new URL('README.md', root);
const before = readFileSync(file, 'utf8');
const after = sections.withSections(before, sections.readmeSections());
if (after !== before) writeFileSync(file, after);
