#!/usr/bin/env node
// `npm run schemas`: writes schemas/*.schema.json from the zod schemas of the --json
// documents (src/report/json-schema/). test/integration/json-schemas.test.ts fails
// when the committed files differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';

const root = new URL('..', import.meta.url);
const jiti = createJiti(import.meta.url);
/** @type {{ jsonSchemaFiles(): Record<string, string> }} */
const generator = await jiti.import(new URL('src/report/json-schema/files.ts', root).pathname);
mkdirSync(new URL('schemas/', root), { recursive: true });
for (const [file, text] of Object.entries(generator.jsonSchemaFiles())) {
  writeFileSync(new URL(`schemas/${file}`, root), text);
}
