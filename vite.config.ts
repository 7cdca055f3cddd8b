import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json';

export default defineConfig({
  // Icons (and later the managed-storage schema) are named by the manifest but imported by
  // no code: the public dir copies them into dist/ as they are. The catalog is not in it:
  // the code imports it, and a second copy in dist/ would only go stale.
  publicDir: 'assets/static',
  plugins: [
    preact(),
    crx({
      manifest,
      // A self-contained content script: no loader, no web-accessible resources that
      // would let any site detect the extension.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: { target: 'chrome111', sourcemap: false },
});
