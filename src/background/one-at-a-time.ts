/**
 * Work that must not overlap (a read-modify-write of one stored value, the updates of one tab)
 * runs one at a time, in the order it was asked for. Each piece starts once the one before has
 * settled, whether it succeeded or failed: one failure never blocks the queue, and its caller
 * alone gets the error.
 */

type Queue = <T>(work: () => Promise<T>) => Promise<T>;
type KeyedQueue<K> = <T>(key: K, work: () => Promise<T>) => Promise<T>;

/** A queue: `const queued = oneAtATime(); queued(() => readModifyWrite())`. */
export function oneAtATime(): Queue {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = last.then(work, work);
    last = run;
    return run;
  };
}

/**
 * A queue per key (a tab's id): work for different keys runs side by side. A key's queue is
 * forgotten once it has run empty, so keys that come and go (closed tabs) leave nothing behind.
 */
export function oneAtATimePerKey<K>(): KeyedQueue<K> {
  const queues = new Map<K, Promise<unknown>>();
  return (key, work) => {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    queues.set(key, run);
    const forget = (): void => {
      if (queues.get(key) === run) queues.delete(key);
    };
    run.then(forget, forget);
    return run;
  };
}

type LatestPerKey<K, V> = (key: K, value: V) => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The newest value per key (what a tab's badge shows, what is stored for it), written one at a
 * time per key: a value asked for while the one before is still being written waits for it,
 * and a newer value asked for meanwhile takes its place, so the browser is only ever given the
 * newest next. Keys never wait for each other. Each caller is answered once its value, or the
 * newer one that took its place, has been written; a failure goes to the callers of that value.
 */
export function latestPerKey<K, V>(write: (key: K, value: V) => Promise<unknown>): LatestPerKey<K, V> {
  /** Keys being written, each with the value waiting its turn (if any). */
  const busy = new Map<K, { next?: { value: V; waiters: Waiter[] } }>();
  const start = (key: K, value: V, waiters: Waiter[]): void => {
    const slot = busy.get(key)!;
    let written: Promise<unknown>;
    try {
      // At once, not a tick later: what is asked first reaches the browser first.
      written = write(key, value);
    } catch (error) {
      written = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const next = (): void => {
      const waiting = slot.next;
      delete slot.next;
      if (waiting) start(key, waiting.value, waiting.waiters);
      else busy.delete(key);
    };
    written.then(
      () => {
        for (const waiter of waiters) waiter.resolve();
        next();
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
        next();
      },
    );
  };
  return (key, value) =>
    new Promise<void>((resolve, reject) => {
      const slot = busy.get(key);
      if (!slot) {
        busy.set(key, {});
        start(key, value, [{ resolve, reject }]);
        return;
      }
      slot.next = { value, waiters: [...(slot.next?.waiters ?? []), { resolve, reject }] };
    });
}
