import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifyNetworkError,
  parseRetryAfter,
  type RetryPolicy,
} from '../../src/api/retry-policy.js';

const policy = (random: number): RetryPolicy => ({
  retries: 4,
  minDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  random: () => random,
});

describe('backoffDelay', () => {
  it('grows exponentially and is capped', () => {
    const top = policy(1);
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelay(attempt, top))).toEqual([
      200, 400, 800, 1600, 10_000,
    ]);
  });

  it('uses full jitter from the injected source', () => {
    expect(backoffDelay(2, policy(0))).toBe(0);
    expect(backoffDelay(2, policy(0.25))).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('classifyNetworkError', () => {
  const withCode = (code: string, cause?: unknown) =>
    Object.assign(new Error(code, { cause }), { code });

  it('knows a refused connection never reached the server', () => {
    expect(classifyNetworkError(withCode('ECONNREFUSED'))).toMatchObject({
      sent: false,
      transient: true,
    });
    expect(classifyNetworkError(withCode('UND_ERR_CONNECT_TIMEOUT'))).toMatchObject({
      sent: false,
      timeout: true,
    });
    expect(classifyNetworkError(withCode('ENOTFOUND'))).toMatchObject({
      sent: false,
      transient: false,
    });
  });

  it('treats resets, closed sockets and response timeouts as possibly sent', () => {
    expect(classifyNetworkError(withCode('ECONNRESET'))).toMatchObject({
      sent: true,
      transient: true,
    });
    expect(classifyNetworkError(withCode('UND_ERR_SOCKET'))).toMatchObject({ sent: true });
    expect(classifyNetworkError(withCode('UND_ERR_HEADERS_TIMEOUT'))).toMatchObject({
      sent: true,
      timeout: true,
    });
  });

  it('finds the errno inside causes and AggregateErrors', () => {
    const aggregate = Object.assign(
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      {},
    );
    expect(classifyNetworkError(aggregate)).toMatchObject({ code: 'ECONNREFUSED', sent: false });
    expect(
      classifyNetworkError(withCode('UND_ERR_SOCKET', withCode('ECONNREFUSED'))),
    ).toMatchObject({ sent: false });
  });
});
