import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS builds; one realm only, or schemas from one are rejected by the other.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // The server's tests, the web client's (end to end in Chromium, and the generated code's freshness),
    // and the benchmark's data check (Amphi and PostGraphile return the same page), so it cannot rot.
    include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
    // Fault tests take a database down: `npm run test:faults` runs them (vitest.faults.config.mts).
    exclude: [...configDefaults.exclude, '**/*.faults.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
