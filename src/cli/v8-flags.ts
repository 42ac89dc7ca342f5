import { setFlagsFromString } from 'node:v8';

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff). undici's HTTP parser is WASM; with
 * dynamic tier-up V8 recompiles its hot functions with TurboFan on background threads, and a
 * process that is done waits for those jobs before it exits: measured on Node 20 (200 requests,
 * 2 cores) 50–90 ms between the last line of work and exit, 11 ms with `--liftoff-only`
 * (`--no-wasm-tier-up` alone does not help: dynamic tiering is what runs). A CLI run sends at
 * most thousands of small requests, so the optimised parser never pays that back. Set before
 * undici compiles its parser (on the first request), which is all that matters: the flag is
 * read at compile time. Imported first by bin.ts, the process entry.
 */
setFlagsFromString('--liftoff-only');
