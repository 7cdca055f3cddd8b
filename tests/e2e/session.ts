import { afterAll, beforeAll } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from '../../demo/browser';
import { startDemoServers, type DemoServers } from '../../demo/server';

export interface E2eSession {
  readonly servers: DemoServers;
  readonly browser: ExtensionBrowser;
  /** Scenario name → navigation→verdict ms, printed when the file ends. */
  readonly timings: Map<string, number>;
  /** Scenario name → ms from the page's navigation start to the stored page verdict. */
  readonly verdictTimings: Map<string, number>;
  /** `https://<host>:<port><path>` on the demo servers. */
  https(host: string, path: string): string;
}

/**
 * One set of demo servers and one Chromium for the whole test file (launching is the slow
 * part), closed in afterAll. Read the fields inside tests, after beforeAll has run.
 *
 * A failed start (no Chromium, no build) is kept and thrown by each test that reads the
 * session: vitest would report a failing beforeAll's tests as skipped, and these tests must
 * fail, with the message that says how to fix it.
 *
 * `launchOptions` may depend on the servers' ports (a profile's site settings are written for
 * an origin, port included).
 */
export function useE2eSession(launchOptions: (servers: DemoServers) => LaunchOptions = () => ({})): E2eSession {
  let servers: DemoServers | undefined;
  let browser: ExtensionBrowser | undefined;
  let startError: unknown;
  const timings = new Map<string, number>();
  const verdictTimings = new Map<string, number>();
  beforeAll(async () => {
    try {
      servers = await startDemoServers();
      browser = await launchExtensionBrowser(launchOptions(servers));
    } catch (error) {
      startError = error;
    }
  });
  afterAll(async () => {
    if (timings.size > 0) {
      const list = [...timings].map(([name, ms]) => `${name}=${ms}`).join(', ');
      console.log(`navigation→verdict in the popup ms: ${list}`);
    }
    if (verdictTimings.size > 0) {
      const list = [...verdictTimings].map(([name, ms]) => `${name}=${ms}`).join(', ');
      console.log(`navigation→stored page verdict ms: ${list}`);
    }
    await browser?.close();
    await servers?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (startError !== undefined) throw startError instanceof Error ? startError : new Error(`start failed: ${JSON.stringify(startError)}`);
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };
  return {
    get servers() {
      return ready(servers, 'the demo servers');
    },
    get browser() {
      return ready(browser, 'Chromium with the extension');
    },
    timings,
    verdictTimings,
    https(host, path) {
      return `https://${host}:${ready(servers, 'the demo servers').httpsPort}${path}`;
    },
  };
}
