import { existsSync } from 'node:fs';
import { DEFAULT_FIREFOX_DIST, firefoxPath } from '../../demo/firefox-browser';

/** Fails the run up front, with the fix, when there is no Firefox build or no Firefox. */
export default function checkFirefoxAndBuild(): void {
  const manifest = `${DEFAULT_FIREFOX_DIST}manifest.json`;
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: run \`npm run build\` first (\`npm run test:e2e\` builds first)`);
  }
  firefoxPath();
}
