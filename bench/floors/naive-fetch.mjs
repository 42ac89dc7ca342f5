// Floor (the slow one): a naive sequential loop, one `fetch` POST after the other:
// node floors/naive-fetch.mjs <apiUrl> <key> <bodies.ndjson>.
import { readFileSync } from 'node:fs';

const [apiUrl = '', key = '', bodiesFile = ''] = process.argv.slice(2);
// One JSON body per line.
const bodies = readFileSync(bodiesFile, 'utf8').split('\n').filter(Boolean);
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
for (const body of bodies) {
  const res = await fetch(`${apiUrl}/flows`, { method: 'POST', headers, body });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`POST: ${res.status}`);
}
