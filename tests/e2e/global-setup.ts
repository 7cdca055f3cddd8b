import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Fails the run up front, with the fix, when there is no build to test. */
export default function checkBuild(): void {
  const manifest = fileURLToPath(new URL('../../dist/manifest.json', import.meta.url));
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: run \`npm run build\` first (\`npm run test:e2e\` builds first)`);
  }
}
