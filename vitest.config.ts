import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __BROWSER__: JSON.stringify('chrome') },
  test: {
    projects: [
      {
        extends: true,
        // Generous: the CLI tests start real processes, and CI machines are shared.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      // One project per browser: the same specs (tests/e2e/*.test.ts) through that browser's Harness.
      ...(['chromium', 'firefox'] as const).map((browser) => ({
        extends: true as const,
        test: {
          name: `e2e-${browser}`,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          provide: { browser },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      })),
    ],
  },
});
