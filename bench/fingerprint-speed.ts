/**
 * The password check's cost: one fingerprint (PBKDF2-HMAC-SHA-256 at the extension's rounds,
 * then a comparison with every protected platform's), timed where it runs, in the extension's
 * own worker in Chromium, and on Node for comparison; beside it, in the same run and place, a
 * plain SHA-256 of the same password (what a fast hash would cost) as the baseline.
 * Every check runs in the worker, never on the page's main thread (content/password-watch).
 */
import { launchExtensionBrowser } from '../demo/browser';
import { defaultParameters, FINGERPRINT_BITS, fingerprintOf, newSalt, PBKDF2_ITERATIONS } from '../src/core/passwords/fingerprint';
import { falseMatchRate } from '../src/core/passwords/false-match';

const RUNS = 7;
const PASSWORD = 'Riverbank-Sunday-42';

export interface FingerprintSpeed {
  where: string;
  /** Median ms of one fingerprint at the extension's parameters. */
  fingerprintMs: number;
  /** Median ms of one SHA-256 of the same password. */
  sha256Ms: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeOnNode(): Promise<FingerprintSpeed> {
  const parameters = defaultParameters(newSalt());
  const fingerprint: number[] = [];
  const sha256: number[] = [];
  await fingerprintOf(PASSWORD, parameters); // warm-up
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    await fingerprintOf(`${PASSWORD}${i}`, parameters);
    fingerprint.push(performance.now() - start);
    start = performance.now();
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${PASSWORD}${i}`));
    sha256.push(performance.now() - start);
  }
  return { where: `Node ${process.version}`, fingerprintMs: median(fingerprint), sha256Ms: median(sha256) };
}

/** The same two, in the built extension's service worker (the very WebCrypto the checks use). */
async function timeInWorker(): Promise<FingerprintSpeed> {
  const browser = await launchExtensionBrowser();
  try {
    const worker = await browser.worker();
    const times = await worker.evaluate(
      async ({ password, iterations, bits, runs }) => {
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const fingerprint: number[] = [];
        const sha256: number[] = [];
        for (let i = 0; i <= runs; i++) {
          let start = performance.now();
          const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(`${password}${i}`), 'PBKDF2', false, ['deriveBits']);
          await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, Math.ceil(bits / 8) * 8);
          const fingerprintMs = performance.now() - start;
          start = performance.now();
          await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${password}${i}`));
          // The first round warms up.
          if (i > 0) {
            fingerprint.push(fingerprintMs);
            sha256.push(performance.now() - start);
          }
        }
        return { fingerprint, sha256 };
      },
      { password: PASSWORD, iterations: PBKDF2_ITERATIONS, bits: FINGERPRINT_BITS, runs: RUNS },
    );
    return { where: "Chromium, the extension's worker", fingerprintMs: median(times.fingerprint), sha256Ms: median(times.sha256) };
  } finally {
    await browser.close();
  }
}

export async function printFingerprintSpeed(): Promise<void> {
  const rows = [await timeInWorker(), await timeOnNode()];
  console.log(`Password fingerprint: PBKDF2-HMAC-SHA-256, ${PBKDF2_ITERATIONS.toLocaleString('en')} rounds, ${FINGERPRINT_BITS} bits kept; median of ${RUNS} (ms)`);
  console.log('where                            | fingerprint ms | SHA-256 ms (baseline) | fingerprint ÷ SHA-256');
  console.log('---------------------------------|----------------|-----------------------|----------------------');
  for (const row of rows) {
    console.log(`${row.where.padEnd(32)} | ${row.fingerprintMs.toFixed(1).padStart(14)} | ${row.sha256Ms.toFixed(3).padStart(21)} | ${Math.round(row.fingerprintMs / row.sha256Ms).toLocaleString('en').padStart(20)}×`);
  }
  console.log(`false match per check and protected platform: 2^-${FINGERPRINT_BITS} = ${falseMatchRate(FINGERPRINT_BITS).toExponential(2)}; page main thread: none (the worker hashes)`);
}
