export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until `done` accepts its value, or fails after the deadline with the last
 * value (or error) seen, so a failing test says what it was looking at.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 50 }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = `last value: ${JSON.stringify(value)}`;
    } catch (error) {
      last = `last error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${last}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * For "this never happens" checks: `probe` must stay false for the whole window. A short
 * window after the verdict is known, because the content script gets its answer just after
 * the verdict is stored.
 */
export async function staysFalse(probe: () => Promise<boolean>, windowMs = 500, intervalMs = 50): Promise<boolean> {
  const end = Date.now() + windowMs;
  do {
    if (await probe()) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < end);
  return true;
}
