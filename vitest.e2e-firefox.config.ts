import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the Firefox build (dist-firefox/) in real Firefox ESR against the demo
 * sites. One file at a time, each with its own browser, as in Chromium.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
