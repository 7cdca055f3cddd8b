import browser from 'webextension-polyfill';

/**
 * Where the admin's policy comes from: `storage.managed` (Chrome: the platform policy,
 * checked against assets/static/schema.json; Firefox: policies.json "3rdparty").
 *
 * The first `storage.managed.get()` after a browser start takes seconds (1.6–2.7 s seen in
 * headless Chromium), and a worker that wakes up for a page's report must not wait that
 * long for its verdict. So the last policy read is kept in `storage.local`, which answers in
 * milliseconds: it applies at once, and the fresh read replaces it when it comes.
 *
 * Worse, in Chromium 156 a `get()` made before the browser has loaded the extension's
 * policy can stay unanswered until the policy next changes (seen in the e2e tests while
 * pages kept the worker busy), whereas one made a moment later answers at once. So each
 * read gives up on an attempt after a few seconds and asks again: every 2.5 s for the first
 * 20 s, then less and less often (up to once a minute), for as long as the reader still wants
 * the answer. On a busy machine the browser has been seen not to answer for over 20 s, and a
 * read that gave up would leave the clinic's policy unread until the admin next changed it.
 * Once the calls are over 30 s apart they no longer keep an idle worker awake (every
 * extension call does), and the next start asks again.
 */
const CACHE_KEY = 'managedPolicyCache';
const QUICK_ATTEMPT_MS = 2500;
const QUICK_ATTEMPTS = 8;
/** How long a browser usually takes at most: what waits for the fresh policy waits this long (list-inputs). */
export const POLICY_PATIENCE_MS = QUICK_ATTEMPT_MS * QUICK_ATTEMPTS;
/** After the quick attempts: 5 s, doubling up to a minute, so few unanswered calls pile up. */
const SLOW_ATTEMPT_MS = 5000;
const SLOWEST_ATTEMPT_MS = 60_000;

const NO_ANSWER = Symbol('no answer');

async function getOnce(waitMs: number): Promise<Record<string, unknown> | typeof NO_ANSWER> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => {
      resolve(NO_ANSWER);
    }, waitMs);
  });
  try {
    // Firefox throws when no policy is set: that is "no policy".
    return await Promise.race([browser.storage.managed.get().catch(() => ({})), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function attemptMs(attempt: number): number {
  return attempt <= QUICK_ATTEMPTS ? QUICK_ATTEMPT_MS : Math.min(SLOWEST_ATTEMPT_MS, SLOW_ATTEMPT_MS * 2 ** (attempt - QUICK_ATTEMPTS - 1));
}

/**
 * The raw policy object (`{}` when there is none), once the browser answers; undefined once
 * `wanted()` says the answer is no longer wanted (a newer read has been applied). Until then
 * the cached policy stays in force; the wait is said once in the worker's console.
 */
export async function readManagedPolicy(wanted: () => boolean = () => true): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 1; wanted(); attempt++) {
    const answer = await getOnce(attemptMs(attempt));
    if (answer !== NO_ANSWER) return answer;
    if (attempt === QUICK_ATTEMPTS) {
      console.warn(`Telehealth Guard: storage.managed.get() has not answered in ${POLICY_PATIENCE_MS / 1000} s; the cached policy stays in use, and the extension keeps asking`);
    }
  }
  return undefined;
}

export async function readCachedPolicy(): Promise<unknown> {
  return (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY];
}

export async function cachePolicy(raw: unknown): Promise<void> {
  await browser.storage.local.set({ [CACHE_KEY]: raw });
}
