// Floor (the slow one): a naive sequential loop, one `fetch` after the other — each flow's
// create, then its publish, as `sync` sends them:
// node floors/naive-fetch.mjs <apiUrl> <key> <bodies.ndjson>.
import { readFileSync } from 'node:fs';

const [apiUrl = '', key = '', bodiesFile = ''] = process.argv.slice(2);
// One JSON body per line.
const bodies = readFileSync(bodiesFile, 'utf8').split('\n').filter(Boolean);
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
for (const body of bodies) {
  const res = await fetch(`${apiUrl}/flows`, { method: 'POST', headers, body });
  if (res.status !== 201) throw new Error(`POST: ${res.status}`);
  const { id } = await res.json();
  const published = await fetch(`${apiUrl}/flows/${id}/publish`, {
    method: 'POST',
    headers: { authorization: headers.authorization },
  });
  await published.arrayBuffer();
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
}
