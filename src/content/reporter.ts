export interface Reporter {
  /** Collects and sends the page's signals, unless the background already took these very ones. */
  report(): Promise<void>;
  /** The background asked again: the next report goes out even if nothing changed. */
  forget(): void;
}

/**
 * Sends page reports, skipping one that the background has already answered. Signals count
 * as delivered only once an answer comes back: a refused or lost report (`send` gives
 * undefined or throws) goes out again at the next chance, not never. An answer that arrives
 * after a newer report was sent is dropped: the newer one's answer decides what shows.
 */
export function createReporter<S, A>(collect: () => S, send: (signals: S) => Promise<A | undefined>, show: (answer: A) => void): Reporter {
  let delivered = '';
  let latest = 0;
  return {
    async report() {
      const signals = collect();
      const serialized = JSON.stringify(signals);
      if (serialized === delivered) return;
      const sequence = ++latest;
      const answer = await send(signals);
      if (answer === undefined || sequence !== latest) return;
      delivered = serialized;
      show(answer);
    },
    forget() {
      delivered = '';
    },
  };
}
