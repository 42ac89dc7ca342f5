import type { JsonValue } from '../errors.js';
import type { Diagnostic } from './diagnostics.js';

type Path = (string | number)[];

/**
 * A JSON copy of a flow value, reporting every value the API cannot carry
 * instead of dropping it silently (JSON.stringify would turn NaN into null
 * and lose functions). `undefined` object properties are simply absent, as
 * in JSON and as optional fields are written in TypeScript.
 *
 * A reported value becomes `null` in the copy, so array positions (and the
 * paths of later diagnostics) stay those of the source; the caller hides the
 * follow-on complaints about those nulls. Never throws: a throwing getter is
 * reported like any other value that cannot be sent.
 *
 * The package's own brands (non-enumerable `Symbol.for('runtype-flows.…')`
 * marks, e.g. on customStep() steps) are kept on the copy, still
 * non-enumerable: the checks read them, JSON and the payload never see them.
 */
export function toJsonValue(
  value: unknown,
  report: (d: Pick<Diagnostic, 'message' | 'path' | 'hint'>) => void,
): JsonValue | undefined {
  const seen = new Set<object>();
  // One path stack, pushed and popped: a path array is copied only when something is reported.
  const path: Path = [];
  let visits = 0;
  let cut = false;
  const bad = (what: string, hint?: string): null => {
    report({
      message: `${what} cannot be sent to the API`,
      path: [...path],
      ...(hint ? { hint } : {}),
    });
    return null;
  };
  /** Too deep or too big to copy: reported once, with a path kept short, and cut off everywhere. */
  const tooMuch = (what: string, hint: string): null => {
    if (!cut)
      report({
        message: `${what} cannot be sent to the API`,
        path: path.slice(0, SHOWN_PATH),
        hint,
      });
    cut = true;
    return null;
  };
  const visit = (v: unknown): JsonValue | undefined => {
    if (path.length > MAX_VALUE_DEPTH) {
      return tooMuch(
        `a value nested more than ${MAX_VALUE_DEPTH} levels deep`,
        'A structure this deep is almost always recursive by mistake; flatten it.',
      );
    }
    if ((visits += 1) > MAX_VALUES) {
      return tooMuch(
        `more than ${MAX_VALUES.toLocaleString('en')} values`,
        'A shared sub-object repeated at every level multiplies; build the value once.',
      );
    }
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v)
          ? v
          : bad(
              `the number ${String(v)}`,
              'JSON has no NaN or Infinity (JSON.stringify would send null); use a finite ' +
                'number or a string.',
            );
      case 'bigint':
        return bad('a BigInt', 'Use a number or a string.');
      case 'function':
        return bad(
          'a function',
          'Flows are data sent to the API; code belongs in a transform-data `script` string.',
        );
      case 'symbol':
        return bad('a Symbol', 'Use a string.');
      case 'undefined':
        return undefined;
    }
    if (v === null) return null;
    const obj = v as object;
    if (seen.has(obj))
      return bad(
        'a circular reference',
        'A value refers back to itself; JSON cannot represent cycles.',
      );
    if (Array.isArray(obj)) return visitArray(obj);
    if (obj instanceof Date) return bad('a Date', 'Use an ISO string: date.toISOString().');
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (obj.constructor as { name?: unknown } | undefined)?.name;
      return bad(
        `a ${typeof kind === 'string' && kind !== '' ? kind : 'class'} instance`,
        'Only plain objects, arrays, strings, numbers, booleans and null are sent.',
      );
    }
    seen.add(obj);
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(obj)) {
      path.push(key);
      const converted = read(() => (obj as Record<string, unknown>)[key]);
      path.pop();
      if (converted !== undefined) out[key] = converted;
    }
    seen.delete(obj);
    keepBrands(obj, out);
    return out;
  };
  const visitArray = (arr: readonly unknown[]): JsonValue[] => {
    seen.add(arr);
    const out: JsonValue[] = [];
    // An index loop, not forEach: holes in sparse arrays must be reported too.
    for (let index = 0; index < arr.length; index += 1) {
      path.push(index);
      const converted = read(() => arr[index]);
      out.push(
        converted === undefined
          ? bad(
              'undefined inside an array',
              'JSON would turn it into null; remove it or write null.',
            )
          : converted,
      );
      path.pop();
    }
    seen.delete(arr);
    return out;
  };
  const read = (get: () => unknown): JsonValue | undefined => {
    let item: unknown;
    try {
      item = get();
    } catch (error) {
      return bad(
        `a getter that throws (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    return visit(item);
  };
  return visit(value);
}

// --- internal ---

/**
 * Not an API limit (those are warnings, see api-limits.ts): past this depth the copy would
 * overflow the stack, so the value is cut off and reported once.
 */
const MAX_VALUE_DEPTH = 200;
/**
 * Values visited in one flow at most: a shared sub-object at every level would otherwise double
 * each time.
 */
const MAX_VALUES = 1_000_000;
/** How much of a path into a too-deep value a diagnostic shows. */
const SHOWN_PATH = 12;

function keepBrands(from: object, to: object): void {
  let symbols: symbol[];
  try {
    symbols = Object.getOwnPropertySymbols(from);
  } catch {
    return; // a Proxy that throws here carries no brand worth keeping
  }
  for (const symbol of symbols) {
    if (!Symbol.keyFor(symbol)?.startsWith('runtype-flows.')) continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, symbol);
    if (descriptor?.value === true)
      Object.defineProperty(to, symbol, { value: true, enumerable: false });
  }
}
