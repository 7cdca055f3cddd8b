import { afterAll } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from '../../demo/browser';
import { startDemoServers, type DemoServers } from '../../demo/server';
import { startedForFile } from './started-for-file';

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
 * A failed start (no Chromium, no build) is thrown by each test that reads the session
 * (started-for-file).
 *
 * `launchOptions` may depend on the servers' ports (a profile's site settings are written for
 * an origin, port included).
 */
export function useE2eSession(launchOptions: (servers: DemoServers) => LaunchOptions = () => ({})): E2eSession {
  const timings = new Map<string, number>();
  const verdictTimings = new Map<string, number>();
  afterAll(() => {
    if (timings.size > 0) {
      const list = [...timings].map(([name, ms]) => `${name}=${ms}`).join(', ');
      console.log(`navigation→verdict in the popup ms: ${list}`);
    }
    if (verdictTimings.size > 0) {
      const list = [...verdictTimings].map(([name, ms]) => `${name}=${ms}`).join(', ');
      console.log(`navigation→stored page verdict ms: ${list}`);
    }
  });
  const servers = startedForFile('the demo servers', startDemoServers, (started) => started.close());
  const browser = startedForFile('Chromium with the extension', () => launchExtensionBrowser(launchOptions(servers())), (started) => started.close());
  return {
    get servers() {
      return servers();
    },
    get browser() {
      return browser();
    },
    timings,
    verdictTimings,
    https(host, path) {
      return `https://${host}:${servers().httpsPort}${path}`;
    },
  };
}
