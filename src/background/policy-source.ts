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
 * read gives up on an attempt after a few seconds and asks again.
 */
const CACHE_KEY = 'managedPolicyCache';
const ATTEMPT_MS = 2500;
const ATTEMPTS = 8;

const NO_ANSWER = Symbol('no answer');

async function getOnce(): Promise<Record<string, unknown> | typeof NO_ANSWER> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => {
      resolve(NO_ANSWER);
    }, ATTEMPT_MS);
  });
  try {
    // Firefox throws when no policy is set: that is "no policy".
    return await Promise.race([browser.storage.managed.get().catch(() => ({})), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The raw policy object (`{}` when there is none); throws when the browser never answers. */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answer = await getOnce();
    if (answer !== NO_ANSWER) return answer;
  }
  throw new Error(`storage.managed.get() did not answer in ${(ATTEMPT_MS * ATTEMPTS) / 1000} s; the cached policy stays in use`);
}

export async function readCachedPolicy(): Promise<unknown> {
  return (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY];
}

export async function cachePolicy(raw: unknown): Promise<void> {
  await browser.storage.local.set({ [CACHE_KEY]: raw });
}
