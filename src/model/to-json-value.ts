import type { JsonValue } from '../errors.js';
import type { Diagnostic } from './diagnostics.js';
import { DiagnosticCodes } from './diagnostic-codes.js';

type Path = (string | number)[];

/**
 * A JSON copy of a flow value, reporting every value the API cannot carry
 * instead of dropping it silently (JSON.stringify would turn NaN into null
 * and lose functions). `undefined` object properties are simply absent, as
 * in JSON and as optional fields are written in TypeScript.
 */
export function toJsonValue(value: unknown, report: (d: Pick<Diagnostic, 'message' | 'path' | 'hint'>) => void): JsonValue | undefined {
  const seen = new Set<object>();
  // One path stack, pushed and popped: a path array is copied only when something is reported.
  const path: Path = [];
  const visit = (v: unknown): JsonValue | undefined => {
    const bad = (what: string, hint?: string) => {
      report({ message: `${what} cannot be sent to the API`, path: [...path], ...(hint ? { hint } : {}) });
      return undefined;
    };
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : bad(`the number ${String(v)}`, 'JSON has no NaN or Infinity; use a finite number or a string.');
      case 'bigint':
        return bad('a BigInt', 'Use a number or a string.');
      case 'function':
        return bad('a function', 'Flows are data sent to the API; code belongs in a transform-data `script` string.');
      case 'symbol':
        return bad('a Symbol');
      case 'undefined':
        return undefined;
    }
    if (v === null) return null;
    const obj = v as object;
    if (seen.has(obj)) return bad('a circular reference', 'A value refers back to itself; JSON cannot represent cycles.');
    if (obj instanceof Date) return bad('a Date', 'Use an ISO string: date.toISOString().');
    if (Array.isArray(obj)) {
      seen.add(obj);
      const out: JsonValue[] = [];
      obj.forEach((item: unknown, index) => {
        path.push(index);
        if (item === undefined) report({ message: 'undefined inside an array cannot be sent to the API (JSON would turn it into null)', path: [...path] });
        else {
          const converted = visit(item);
          if (converted !== undefined) out.push(converted);
        }
        path.pop();
      });
      seen.delete(obj);
      return out;
    }
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      return bad(`a ${obj.constructor?.name ?? 'class'} instance`, 'Only plain objects, arrays, strings, numbers, booleans and null are sent.');
    }
    seen.add(obj);
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(obj)) {
      path.push(key);
      const converted = visit(item);
      path.pop();
      if (converted !== undefined) out[key] = converted;
    }
    seen.delete(obj);
    return out;
  };
  return visit(value);
}

export const NON_JSON = DiagnosticCodes.NON_JSON_VALUE;
