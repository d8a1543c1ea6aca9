import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * `npm run test:faults`: tests that take a PostgreSQL down, each starting its own. Kept out of
 * `npm test`, which shares one database between its files.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['server/**/*.faults.test.ts'],
    exclude: [],
    globalSetup: [],
    testTimeout: 180_000,
  },
});
