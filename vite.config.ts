import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json';
import { manifestFor, outDirFor, type TargetBrowser } from './scripts/build/browser-manifest';

/**
 * crxjs lists a script imported with `?script` as web-accessible to every site, for content
 * scripts that load it themselves. The page UI, the password watch and the rater are injected by the
 * background with scripting.executeScript, which needs no such listing; and a listed file lets
 * any site detect the extension by fetching it. So the listing goes.
 */
const injectedScriptsStayPrivate: Plugin = {
  name: 'injected-scripts-stay-private',
  apply: 'build',
  enforce: 'post',
  // Once written: crxjs emits the manifest after every other plugin's generateBundle.
  writeBundle({ dir = 'dist' }) {
    const path = join(dir, 'manifest.json');
    const built = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
    const injected = new Set(['src/content/page-ui.js', 'src/content/password-rater.js', 'src/content/password-watch-entry.js']);
    const kept = (built.web_accessible_resources ?? []).filter((entry) => !entry.resources.every((resource) => injected.has(resource)));
    if (kept.length > 0) built.web_accessible_resources = kept;
    else delete built.web_accessible_resources;
    writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
  },
};

/** `vite build` makes the Chromium build in dist/; `vite build --mode firefox` the Firefox one in dist-firefox/. */
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // Icons (and later the managed-storage schema) are named by the manifest but imported by
    // no code: the public dir copies them into dist/ as they are. The catalog is not in it:
    // the code imports it, and a second copy in dist/ would only go stale.
    publicDir: 'assets/static',
    resolve: {
      alias: [
        // `import browser from 'webextension-polyfill'`, in every entry point and module, gets
        // src/extension-api/extension-api.ts: the browser's own `browser` where it has one, the
        // polyfill everywhere else, without the bundler's CommonJS interop copying every API
        // namespace at start-up (~2 ms per page; see that file). Only the bare name: the module
        // itself loads the polyfill by its file path. Types still come from the package.
        { find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./src/extension-api/extension-api.ts', import.meta.url)) },
      ],
    },
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(manifest, browser),
        browser,
        // A self-contained content script: no loader, no web-accessible resources that
        // would let any site detect the extension.
        contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/main-world/page-hook.ts'] },
      }),
      injectedScriptsStayPrivate,
    ],
    build: {
      outDir: outDirFor(browser),
      // Chromium 114 is the manifest's minimum_chrome_version; Firefox 140 its strict_min_version.
      target: browser === 'firefox' ? 'firefox140' : 'chrome114',
      sourcemap: false,
      rolldownOptions: {
        // The warning page (background/warning-page) is opened by the background, not named in the manifest.
        input: { warning: 'src/warning/index.html' },
        output: {
          codeSplitting: {
            // The background's two data sets, in chunks of their own named for what they are: the
            // public suffix list (tldts, about 275 KB) and Unicode's confusables (unhomoglyph, about
            // 140 KB). Only the service worker loads them: the pages ask it (tests/e2e/extension-
            // pages-build holds each page under 50 KB). In one chunk with the background's code they
            // made a 590 KB file that set off the build's size warning at every build, which then
            // said nothing; now it speaks when a chunk of code grows past 500 KB.
            groups: [
              { name: 'public-suffix-list', test: /node_modules[\\/]tldts/ },
              { name: 'confusables', test: /node_modules[\\/]unhomoglyph/ },
            ],
          },
        },
      },
    },
  };
});
