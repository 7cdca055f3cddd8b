export interface Reporter<S, A> {
  /** Collects and sends the page's signals, unless the background already took these very ones. */
  report(): Promise<void>;
  /**
   * The background reads the page itself: the signals, numbered for `answer`. They count as
   * delivered at once (the background has them in hand); it answers only when there is
   * something to show or to take away (see protocol/page-api).
   */
  read(): { signals: S; reading: number };
  /** The background's answer to reading `reading`; dropped when a newer one went out since. */
  answer(reading: number, answer: A): void;
}

/**
 * Page reports, sent by the content script (`report`) or read by the background (`read`,
 * then `answer`). Reported signals count as delivered only once an answer comes back: a refused or
 * lost report (`send` gives undefined or throws) goes out again at the next chance, not
 * never. An answer that arrives after a newer reading went out is dropped: the newer one's
 * answer decides what shows.
 */
export function createReporter<S, A>(collect: () => S, send: (signals: S) => Promise<A | undefined>, show: (answer: A) => void): Reporter<S, A> {
  let delivered = '';
  let latest = 0;
  /** What each reading that awaits an answer held, serialized. */
  const awaiting = new Map<number, string>();
  const settle = (reading: number, answer: A): void => {
    const serialized = awaiting.get(reading);
    // Older readings can no longer be answered.
    for (const key of awaiting.keys()) if (key <= reading) awaiting.delete(key);
    if (serialized === undefined || reading !== latest) return;
    delivered = serialized;
    show(answer);
  };
  return {
    async report() {
      const signals = collect();
      const serialized = JSON.stringify(signals);
      if (serialized === delivered) return;
      const reading = ++latest;
      awaiting.set(reading, serialized);
      const answer = await send(signals);
      if (answer === undefined) {
        awaiting.delete(reading);
        return;
      }
      settle(reading, answer);
    },
    read() {
      const signals = collect();
      const reading = ++latest;
      delivered = JSON.stringify(signals);
      awaiting.set(reading, delivered);
      return { signals, reading };
    },
    answer: settle,
  };
}
