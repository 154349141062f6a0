import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/journeys/**/*.e2e.test.ts'],
    globalSetup: ['src/support/global-setup.ts'],
    // One real server and one browser at a time: journeys are slow but must not race each other.
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
})
