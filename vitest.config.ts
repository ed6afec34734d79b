import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Kùzu databases and servers are per-file; keep files in separate forks but bounded for 2-core CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
