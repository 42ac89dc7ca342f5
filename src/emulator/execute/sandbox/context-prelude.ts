/**
 * The script run first in every sandbox context (a fresh `node:vm` context with no Node
 * globals), as source text: it removes what a script could use to get around the limits or to
 * be non-deterministic, defines the run's variables as globals, and returns `setup`, which
 * returns `read` — the only way the host gets the outcome, as one JSON string (a primitive:
 * no object of the context ever reaches the host, and no host object ever enters the context).
 *
 * Inside: binary buffers, typed arrays, WebAssembly, Atomics, WeakRef and FinalizationRegistry
 * are gone (an ArrayBuffer is allocated outside the heap the memory limit counts); `eval` and
 * `Function` from strings are refused by the context itself; `Date` is frozen at the run's
 * clock (`new Date()`, `Date.now()`); `Math.random` is a PRNG seeded per step; `console.*`
 * collects lines (at most `maxLogChars` characters in all) into the step's result.
 */
export const CONTEXT_PRELUDE = String.raw`(function () {
  'use strict';
  const G = globalThis;
  for (const name of [
    'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'WebAssembly', 'WeakRef',
    'FinalizationRegistry', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
    'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
    'BigInt64Array', 'BigUint64Array', 'eval', 'console',
  ]) delete G[name];
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const apply = Reflect.apply;
  const then = Promise.prototype.then;
  const define = Object.defineProperty;
  const keys = Object.keys;
  const toText = String;
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
  const describe = (error) => {
    try {
      if (error === null || typeof error !== 'object') return 'threw ' + toText(error);
      const head = toText(error.name || 'Error') + ': ' + toText(error.message);
      const stack = typeof error.stack === 'string' ? error.stack : '';
      const at = /transform-data:(\d+):\d+/.exec(stack);
      return at === null ? head : head + ' (line ' + at[1] + ')';
    } catch (e) {
      return 'threw a value that cannot be shown';
    }
  };
  return function setup(variablesJson, now, seed, maxLogChars, maxOutputChars) {
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(now);
        else super(...args);
      }
      static now() {
        return now;
      }
    }
    define(G, 'Date', { value: FixedDate, writable: true, configurable: true });
    let state = seed >>> 0;
    Math.random = function random() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const logs = [];
    let logChars = 0;
    let logsCut = false;
    const show = (value) => {
      if (typeof value === 'string') return value;
      try {
        const json = stringify(value);
        return json === undefined ? toText(value) : json;
      } catch (e) {
        return toText(value);
      }
    };
    const log = function (...args) {
      const line = args.map(show).join(' ');
      if (logChars + line.length > maxLogChars) logsCut = true;
      else {
        logs.push(line);
        logChars += line.length;
      }
    };
    define(G, 'console', {
      value: { log, info: log, warn: log, error: log, debug: log },
      writable: true,
      configurable: true,
    });
    const variables = parse(variablesJson);
    const global = (name, value) => {
      try {
        define(G, name, { value, writable: true, configurable: true, enumerable: false });
      } catch (e) {}
    };
    global('input', variables);
    global('variables', variables);
    for (const name of keys(variables)) if (IDENTIFIER.test(name)) global(name, variables[name]);
    let settled = false;
    let ok = false;
    let value = 'null';
    let error = '';
    let called = false;
    const finish = function (promise) {
      if (called) return;
      called = true;
      apply(then, promise, [
        (result) => {
          try {
            const json = stringify(result === undefined ? null : result);
            if (json === undefined) throw new TypeError('the script returned a ' + typeof result);
            if (json.length > maxOutputChars)
              throw new RangeError('the result is ' + json.length + ' characters of JSON, over '
                + 'the limit of ' + maxOutputChars);
            value = json;
            ok = true;
          } catch (e) {
            error = 'its result is not JSON: ' + describe(e);
          }
          settled = true;
        },
        (e) => {
          error = describe(e);
          settled = true;
        },
      ]);
    };
    define(G, '__runtype_finish', { value: finish, writable: false, configurable: false });
    return function read() {
      return stringify({ settled, ok, value, error, logs, logsCut });
    };
  };
})()`;
