import { afterAll, beforeAll } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser, type FirefoxLaunchOptions } from '../../demo/firefox-browser';
import { startDemoServers, type DemoServers } from '../../demo/server';

export interface FirefoxSession {
  readonly servers: DemoServers;
  readonly firefox: FirefoxExtensionBrowser;
  /** `https://<host>:<port><path>` on the demo servers. */
  https(host: string, path: string): string;
}

/**
 * One set of demo servers and one Firefox for the whole test file. A failed start (no
 * Firefox, no build) is kept and thrown by each test that reads the session, so the tests
 * fail with the message that says how to fix it instead of being reported as skipped.
 */
export function useFirefoxSession(options: () => FirefoxLaunchOptions = () => ({})): FirefoxSession {
  let servers: DemoServers | undefined;
  let firefox: FirefoxExtensionBrowser | undefined;
  let startError: unknown;
  beforeAll(async () => {
    try {
      servers = await startDemoServers();
      firefox = await launchFirefoxWithExtension(options());
    } catch (error) {
      startError = error;
    }
  });
  afterAll(async () => {
    await firefox?.close();
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
    get firefox() {
      return ready(firefox, 'Firefox with the extension');
    },
    https(host, path) {
      return `https://${host}:${ready(servers, 'the demo servers').httpsPort}${path}`;
    },
  };
}
