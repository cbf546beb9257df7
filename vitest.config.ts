import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/sweepKernel.ts'],
    environment: 'node',
    // Property tests against brute force run hundreds of exhaustive enumerations; on a 2-core machine
    // shared with the e2e server they can take 40 s. The timeout only guards against hangs.
    testTimeout: 90_000,
  },
});
