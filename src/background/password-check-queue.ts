/**
 * Checks of typed passwords, paced: the content script sends a field's value at every key,
 * and each check costs a slow hash (core/passwords/fingerprint). Per field of a document, one
 * check runs at a time and only the newest value waits behind it (the values in between were
 * prefixes of it, or are gone); a document gets at most MAX_CHECKS_PER_DOCUMENT checks, so a
 * page that feeds values into a field (document.execCommand makes trusted input events) can
 * neither keep the worker hashing nor try a list of guesses at the stored fingerprints.
 */

export const MAX_CHECKS_PER_DOCUMENT = 300;
/** Hashes at once in the whole worker, whatever the tabs and frames: the machine's other core stays free. */
export const MAX_HASHES_AT_ONCE = 2;

let hashing = 0;
const waitingForSlot: (() => void)[] = [];
/** Runs `work` once fewer than MAX_HASHES_AT_ONCE hashes are running, in the order asked. */
async function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= MAX_HASHES_AT_ONCE) await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  hashing++;
  try {
    return await work();
  } finally {
    hashing--;
    waitingForSlot.shift()?.();
  }
}
/** Documents whose count is kept: the oldest make way (a document long gone checks nothing). */
const MAX_DOCUMENTS = 500;

interface Waiting {
  password: string;
  /** The check of the call that sent it: its caller reads what it found. */
  check: (password: string) => Promise<boolean>;
  resolve: (reused: boolean) => void;
}

const running = new Set<string>();
const waiting = new Map<string, Waiting>();
const checksByDocument = new Map<string, number>();

/** Counts one more check of the document; false once it has had its share. */
function mayCheck(document: string): boolean {
  const count = checksByDocument.get(document) ?? 0;
  if (count >= MAX_CHECKS_PER_DOCUMENT) return false;
  checksByDocument.delete(document);
  if (checksByDocument.size >= MAX_DOCUMENTS) checksByDocument.delete(checksByDocument.keys().next().value!);
  checksByDocument.set(document, count + 1);
  if (count + 1 === MAX_CHECKS_PER_DOCUMENT) console.warn(`Telehealth Guard: document ${document} has had ${MAX_CHECKS_PER_DOCUMENT} password checks; no more are made there`);
  return true;
}

/**
 * Runs `check(password)` for one field of one document (`field` names it within `document`),
 * after the check already running there; a value still waiting when a newer one comes is
 * dropped (answered false) without being hashed. The password is held only while it waits.
 */
export function checkNewest(document: string, field: string, password: string, check: (password: string) => Promise<boolean>): Promise<boolean> {
  const key = `${document}\u0000${field}`;
  return new Promise((resolve) => {
    if (running.has(key)) {
      waiting.get(key)?.resolve(false);
      waiting.set(key, { password, check, resolve });
      return;
    }
    const run = (next: Waiting): void => {
      if (!mayCheck(document)) {
        next.resolve(false);
        return;
      }
      running.add(key);
      inHashingSlot(() => next.check(next.password))
        .then(next.resolve, (error: unknown) => {
          console.warn('Telehealth Guard: could not check a typed password:', error);
          next.resolve(false);
        })
        .finally(() => {
          running.delete(key);
          const after = waiting.get(key);
          waiting.delete(key);
          if (after) run(after);
        });
    };
    run({ password, check, resolve });
  });
}
