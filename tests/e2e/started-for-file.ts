import { afterAll, beforeAll } from 'vitest';

/**
 * Something slow that a whole test file shares (the demo servers, a browser), started in
 * beforeAll and stopped in afterAll (vitest runs afterAll hooks last-registered first, so what
 * was started later stops first). A failed start is kept and thrown by each test that reads
 * it: vitest would report a failing beforeAll's tests as skipped, and these tests must fail,
 * with the message that says how to fix it.
 */
export function startedForFile<T>(what: string, start: () => Promise<T>, stop: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  let failure: { error: unknown } | undefined;
  beforeAll(async () => {
    try {
      value = await start();
    } catch (error) {
      failure = { error };
    }
  });
  afterAll(async () => {
    if (value !== undefined) await stop(value);
  });
  return () => {
    if (failure) throw failure.error instanceof Error ? failure.error : new Error(`${what} did not start: ${JSON.stringify(failure.error)}`);
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };
}
