export interface Reading<S> {
  signals: S;
  reading: number;
}

export interface Reporter<S, A> {
  /**
   * Collects and sends the page's signals. Skipped when the background already has these very
   * signals and the answer they call for has come (or they call for none), unless `force`.
   */
  report(options?: { force?: boolean }): Promise<void>;
  /** The background reads the page itself: the signals, numbered for `answer`. */
  read(): Reading<S>;
  /**
   * The background's answer to reading `reading` (ADDRESS_ANSWER, 0, for one given from the
   * address before any reading). Dropped when a newer reading went out since, and an address
   * answer is dropped once a reading's answer has been shown.
   */
  answer(reading: number, answer: A): void;
  /** Some answer has been shown: the background's word on this document is known. */
  readonly answered: boolean;
}

export interface ReporterOptions<S, A> {
  collect: () => S;
  send: (signals: S, reading: number) => Promise<A | undefined>;
  show: (answer: A) => void;
  /**
   * Whether these signals call for an answer even when there is nothing to show (the background
   * answers a document with a password field always: the guard needs to know).
   */
  expectsAnswer: (signals: S) => boolean;
  /** How long after a reading its answer may take before the page reports itself (the worker may have stopped mid-way). */
  answerWaitMs: number;
  /** Something to report failures to (the timer's report has no caller to throw to). */
  onError: (error: unknown) => void;
}

/**
 * Page readings and reports: read by the background (`read`, then its `answer`) or sent by the
 * content script (`report`). A reading counts when its answer has arrived, not when it
 * started: a reading that calls for an answer and gets none in time (the background's worker
 * stopped half-way) is followed by a report of its own, which wakes the worker. An answer that
 * arrives after a newer reading went out is dropped: the newer one's answer decides.
 */
export function createReporter<S, A>({ collect, send, show, expectsAnswer, answerWaitMs, onError }: ReporterOptions<S, A>): Reporter<S, A> {
  let latest = 0;
  /** The reading whose answer was shown last; -1 before any. */
  let shown = -1;
  /** What the background has in hand (read or sent), serialized, and under which reading. */
  let taken: { serialized: string; reading: number; expectsAnswer: boolean } | undefined;

  const settle = (reading: number, answer: A): void => {
    if (reading === 0 ? shown >= 0 : reading !== latest || reading <= shown) return;
    shown = reading;
    show(answer);
  };

  const take = (signals: S): number => {
    const reading = ++latest;
    taken = { serialized: JSON.stringify(signals), reading, expectsAnswer: expectsAnswer(signals) };
    return reading;
  };

  const reporter: Reporter<S, A> = {
    async report({ force = false } = {}) {
      const signals = collect();
      const serialized = JSON.stringify(signals);
      const settled = taken !== undefined && (shown >= taken.reading || !taken.expectsAnswer);
      if (!force && serialized === taken?.serialized && settled) return;
      const reading = take(signals);
      // Refused or lost: what was sent is not in hand; it goes out again at the next chance.
      const untake = (): void => {
        if (taken?.reading === reading) taken = undefined;
      };
      const answer = await send(signals, reading).catch((error: unknown) => {
        untake();
        throw error;
      });
      if (answer === undefined) {
        untake();
        return;
      }
      settle(reading, answer);
    },
    read() {
      const signals = collect();
      const reading = take(signals);
      if (taken?.expectsAnswer) {
        setTimeout(() => {
          if (shown < reading && latest === reading) reporter.report({ force: true }).catch(onError);
        }, answerWaitMs);
      }
      return { signals, reading };
    },
    answer: settle,
    get answered() {
      return shown >= 0;
    },
  };
  return reporter;
}
