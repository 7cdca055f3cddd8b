import { launchFirefoxWithExtension, type FirefoxExtensionBrowser, type FirefoxLaunchOptions } from '../../demo/firefox-browser';
import { startDemoServers, type DemoServers } from '../../demo/server';
import { startedForFile } from '../e2e/started-for-file';

export interface FirefoxSession {
  readonly servers: DemoServers;
  readonly firefox: FirefoxExtensionBrowser;
  /** `https://<host>:<port><path>` on the demo servers. */
  https(host: string, path: string): string;
}

/**
 * One set of demo servers and one Firefox for the whole test file; a failed start (no Firefox,
 * no build) is thrown by each test that reads the session (started-for-file).
 */
export function useFirefoxSession(options: () => FirefoxLaunchOptions = () => ({})): FirefoxSession {
  const servers = startedForFile('the demo servers', startDemoServers, (started) => started.close());
  const firefox = startedForFile('Firefox with the extension', () => launchFirefoxWithExtension(options()), (started) => started.close());
  return {
    get servers() {
      return servers();
    },
    get firefox() {
      return firefox();
    },
    https(host, path) {
      return `https://${host}:${servers().httpsPort}${path}`;
    },
  };
}
