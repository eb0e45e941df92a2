/**
 * `npm run screenshots`: retakes the README's pictures (docs/screenshots/) from the real app in
 * Chromium. Not part of `npm test` (its own include), since it writes into docs/.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../../..'),
    include: ['test/e2e/screenshots/*.shots.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
