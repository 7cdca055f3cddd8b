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
