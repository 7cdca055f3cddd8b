import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json';

export default defineConfig({
  // Icons (and later the managed-storage schema) are named by the manifest but imported by
  // no code: the public dir copies them into dist/ as they are. The catalog is not in it:
  // the code imports it, and a second copy in dist/ would only go stale.
  publicDir: 'assets/static',
  resolve: {
    alias: [
      // `import browser from 'webextension-polyfill'`, in every entry point and module, gets
      // src/platform/extension-api.ts: the browser's own `browser` where it has one, the
      // polyfill everywhere else, without the bundler's CommonJS interop copying every API
      // namespace at start-up (~2 ms per page; see that file). Only the bare name: the module
      // itself loads the polyfill by its file path. Types still come from the package.
      { find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./src/platform/extension-api.ts', import.meta.url)) },
    ],
  },
  plugins: [
    preact(),
    crx({
      manifest,
      // A self-contained content script: no loader, no web-accessible resources that
      // would let any site detect the extension.
      contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/main-world/call-hook.ts'] },
    }),
  ],
  build: { target: 'chrome111', sourcemap: false },
});
