import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Apollo (the package has no exports map); Vite would pick
    // its `module` build for our files, and two graphql instances reject each other's schema objects.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Kùzu databases and servers are per-file; keep files in separate forks but bounded for 2-core CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
