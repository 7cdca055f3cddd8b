import { existsSync } from 'node:fs';
import { DEFAULT_DIST } from '../../demo/browser';

/** Fails the run up front, with the fix, when there is no build to test. */
export default function checkBuild(): void {
  const manifest = `${DEFAULT_DIST}manifest.json`;
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: run \`npm run build\` first (\`npm run test:e2e\` builds first)`);
  }
}
