import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DEFAULT_DIST, type ExtensionBrowser } from '../../demo/browser';
import { pollUntil } from '../../demo/wait';
import { extensionIdFromKey } from '../../demo/extension-id';

/**
 * A Chromium managed policy for the extension, as an admin deploys it on Linux:
 * /etc/chromium/policies/managed/<name>.json holding {"3rdparty": {"extensions": {<ID>: …}}}.
 * Needs root (CI runs as root). The file is machine-wide, so it is removed when the test file
 * ends, pass or fail (afterAll, and on process exit as a last resort), and a leftover from a
 * killed run is removed before writing.
 */
export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

function extensionId(): string {
  const manifest = JSON.parse(readFileSync(join(DEFAULT_DIST, 'manifest.json'), 'utf8')) as { key: string };
  return extensionIdFromKey(manifest.key);
}

export interface PolicyFile {
  readonly path: string;
  /** Replaces the whole policy; Chromium notices a change while running about 5 s later. */
  write(values: Record<string, unknown>): void;
  remove(): void;
}

/** Registers the cleanup at once: call it at the top of a describe block. */
export function usePolicyFile(name: string): PolicyFile {
  const path = join(POLICY_DIR, `${name}.json`);
  const remove = (): void => {
    rmSync(path, { force: true });
  };
  remove();
  afterAll(remove);
  process.once('exit', remove);
  return {
    path,
    write(values) {
      try {
        mkdirSync(POLICY_DIR, { recursive: true });
        writeFileSync(path, `${JSON.stringify({ '3rdparty': { extensions: { [extensionId()]: values } } }, null, 2)}\n`);
      } catch (error) {
        throw new Error(`cannot write the policy file ${path} (the admin tests need root, as CI has): ${String(error)}`, { cause: error });
      }
      if (!existsSync(path)) throw new Error(`${path} was not written`);
    },
    remove,
  };
}

/**
 * Waits until the extension has read the policy at start-up, polling gently (no tabs).
 * Chromium hands an extension its policy a few seconds after start when the browser is
 * quiet, but in these tests it did not within 20 s while a popup tab was opened every
 * 25 ms from launch on; real start-ups are not that busy. Returns the ms it took.
 */
export async function waitForPolicyRead(browser: ExtensionBrowser, startedAt: number): Promise<number> {
  try {
    await pollUntil(
      'the extension to read the managed policy',
      async () => (await browser.worker()).evaluate(async () => (await chrome.storage.local.get('managedPolicyCache'))['managedPolicyCache'] !== undefined),
      Boolean,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  } catch (error) {
    // Says whether the browser itself had the policy by then, to tell its delay from ours.
    const now = await (await browser.worker())
      .evaluate(async () => JSON.stringify(await Promise.race([chrome.storage.managed.get(), new Promise((resolve) => setTimeout(() => { resolve('no answer in 3 s'); }, 3000))])))
      .catch((reason: unknown) => `not asked: ${String(reason)}`);
    throw new Error(`${error instanceof Error ? error.message : String(error)}; storage.managed.get() in the worker now: ${now}`, { cause: error });
  }
  return Date.now() - startedAt;
}
