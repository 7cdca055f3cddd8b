import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * crxjs's `?script&iife` imports give the built file's name; the unit tests have no build, so
 * they get the source path instead (what the background injects is checked in the e2e tests).
 */
const scriptImports: Plugin = {
  name: 'script-imports',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith('?script&iife') ? `\0script:${id.slice(0, -'?script&iife'.length)}` : undefined),
  load: (id) => (id.startsWith('\0script:') ? `export default ${JSON.stringify(id.slice('\0script:'.length))};` : undefined),
};

/**
 * Test files of the pure parts (core, command line, lookalike quality): no fake browser, no DOM,
 * no mocks, no global they change. They share one module graph per worker: a fresh process per
 * file (the default) costs far more than most of these files' tests.
 */
const SHARED_MODULES = ['tests/unit/core/**/*.test.ts', 'tests/unit/build/**/*.test.ts', 'tests/unit/cli/**/*.test.ts', 'tests/unit/quality/**/*.test.ts'];

export default defineConfig({
  plugins: [preact(), scriptImports],
  resolve: {
    alias: [
      // The extension's messages come from the browser's i18n; the unit tests read the English
      // catalog from the same messages.json instead (tests/unit/english-ui-messages.ts).
      { find: /^(?:\.\.?\/)+ui-text\/ui-messages$/, replacement: fileURLToPath(new URL('./tests/unit/english-ui-messages.ts', import.meta.url)) },
    ],
  },
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'pure', include: SHARED_MODULES, isolate: false } },
      // The rest swaps webextension-polyfill for a fake with vi.mock, sets globals, keeps state
      // in its modules or builds a DOM (jsdom, by the file's own `@vitest-environment` comment):
      // a fresh process per file. (A VM context per file, pool 'vmForks', is five times cheaper
      // for the jsdom files but let one file's module state reach the next.)
      { extends: true, test: { name: 'isolated', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: SHARED_MODULES } },
    ],
  },
});
