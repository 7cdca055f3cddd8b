import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
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

export default defineConfig({
  plugins: [preact(), scriptImports],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
