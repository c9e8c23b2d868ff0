import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'adapters/**/*.test.ts', 'rules/**/*.test.ts'],
          environment: 'node',
          // Every temporary folder a test makes is removed, or the run fails (test/setup/temp-folders.ts).
          globalSetup: ['test/setup/temp-folders.ts'],
          // Snapshot tables parse dozens of saved screens; CI machines are shared and slow.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/temp-folders.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
