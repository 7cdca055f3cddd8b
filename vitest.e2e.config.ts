import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (dist/) in real Chromium against the demo sites.
 * Files run one at a time, each with its own browser, so two Chromiums never compete for
 * the machine's two cores.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
