import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json';

/**
 * crxjs lists a script imported with `?script` as web-accessible to every site, for content
 * scripts that load it themselves. The page UI (background/page-ui-injection) is injected by
 * the background with scripting.executeScript, which needs no such listing; and a listed file
 * lets any site detect the extension by fetching it. So the listing goes.
 */
const injectedScriptsStayPrivate: Plugin = {
  name: 'injected-scripts-stay-private',
  apply: 'build',
  enforce: 'post',
  // Once written: crxjs emits the manifest after every other plugin's generateBundle.
  writeBundle({ dir = 'dist' }) {
    const path = join(dir, 'manifest.json');
    const built = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
    const injected = new Set(['src/content/page-ui.js']);
    const kept = (built.web_accessible_resources ?? []).filter((entry) => !entry.resources.every((resource) => injected.has(resource)));
    if (kept.length > 0) built.web_accessible_resources = kept;
    else delete built.web_accessible_resources;
    writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
  },
};

/**
 * V8's explicit compile hint (Chromium 136 and later; a plain comment elsewhere): compile every
 * function of the file with the file, rather than look each one over then and parse it again at
 * its first call. The content scripts run most of their functions on every page (the reading,
 * the listeners), so the second parse was pure cost: about 0.4 ms a page (npm run bench). The
 * page UI is left as it is: a page uses only the part it shows.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const contentScriptsCompileEagerly: Plugin = {
  name: 'content-scripts-compile-eagerly',
  apply: 'build',
  enforce: 'post',
  writeBundle({ dir = 'dist' }) {
    const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    const files = (built.content_scripts ?? []).flatMap((script) => script.js ?? []);
    if (files.length === 0) throw new Error('content-scripts-compile-eagerly: the manifest names no content scripts');
    for (const file of files) {
      const path = join(dir, file);
      const code = readFileSync(path, 'utf8');
      if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
    }
  },
};

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
      contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/main-world/page-hook.ts'] },
    }),
    injectedScriptsStayPrivate,
    contentScriptsCompileEagerly,
  ],
  build: {
    target: 'chrome114',
    sourcemap: false,
    // The warning page (background/warning-page) is opened by the background, not named in the manifest.
    rolldownOptions: { input: { warning: 'src/warning/index.html' } },
  },
});
