/**
 * How many times a page may take a shown warning away (remove it, hide it, cover it, make it
 * inert) within FIGHT_WINDOW_MS before it counts as fighting it. A page that does it once
 * (a cookie banner opened in the top layer, a framework re-rendering the root) is no fight;
 * one that keeps at it is, and the background may then replace the page with the extension's
 * own warning page.
 */
export const FIGHTS_ALLOWED = 5;
export const FIGHT_WINDOW_MS = 10_000;

/**
 * Every repair of every widget in a document is written here; the first time there are more
 * than FIGHTS_ALLOWED within FIGHT_WINDOW_MS, `onFought` is called, once. Repairs go on after it.
 */
export class FightLog {
  readonly #recent: number[] = [];
  #total = 0;
  #fought = false;

  constructor(
    private readonly onFought: () => void,
    private readonly now: () => number,
    private readonly allowed = FIGHTS_ALLOWED,
    private readonly windowMs = FIGHT_WINDOW_MS,
  ) {}

  /** Every repair so far, fought or not. */
  get total(): number {
    return this.#total;
  }

  get fought(): boolean {
    return this.#fought;
  }

  record(): void {
    const now = this.now();
    while (this.#recent.length > 0 && now - this.#recent[0]! > this.windowMs) this.#recent.shift();
    this.#recent.push(now);
    this.#total += 1;
    if (this.#fought || this.#recent.length <= this.allowed) return;
    this.#fought = true;
    console.warn(`Telehealth Guard: this page took its warning away ${this.#recent.length} times within ${this.windowMs / 1000} s.`);
    this.onFought();
  }
}
