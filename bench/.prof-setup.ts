import { writeFileSync } from 'node:fs';
import { startBenchEmulator } from './lib/emulator.js';
import { writeProject } from './lib/project.js';
const n = Number(process.argv[2] ?? 500);
const emu = await startBenchEmulator();
const p = writeProject(n, emu.apiUrl);
writeFileSync('/tmp/prof/env.sh', `export ROOT=${p.root}\nexport RUNTYPE_API_KEY=${p.env().RUNTYPE_API_KEY}\nexport TMPDIR=${p.env().TMPDIR}\n`);
console.log('ready', p.root, emu.apiUrl);
setInterval(() => {}, 1 << 30);
