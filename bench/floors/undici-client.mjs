// Floor: a bare undici client sending the same requests as `sync` — each flow's create, then its
// publish (environments publish by default) — 8 flows in flight, one connection each:
// node floors/undici-client.mjs <apiUrl> <key> <bodies.ndjson> <concurrency>.
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';

const [apiUrl = '', key = '', bodiesFile = '', concurrency = '8'] = process.argv.slice(2);
// One JSON body per line.
const bodies = readFileSync(bodiesFile, 'utf8').split('\n').filter(Boolean);
const url = new URL(apiUrl);
const pool = new Pool(url.origin, { connections: Number(concurrency) });
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
let next = 0;
async function worker() {
  while (next < bodies.length) {
    const body = bodies[next++];
    const res = await pool.request({
      method: 'POST',
      path: `${url.pathname}/flows`,
      headers,
      body,
    });
    if (res.statusCode !== 201) throw new Error(`POST: ${res.statusCode}`);
    const { id } = await res.body.json();
    const published = await pool.request({
      method: 'POST',
      path: `${url.pathname}/flows/${id}/publish`,
      headers: { authorization: headers.authorization },
    });
    await published.body.dump();
    if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode}`);
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
await pool.close();
