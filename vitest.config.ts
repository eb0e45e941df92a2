import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';

// CI reads a closing "N passed, N failed" line, not vitest's own summary.
const plainSummary: Reporter = {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      const tests = [...m.children.allTests()];
      for (const t of tests) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && tests.length === 0) failed++; // the file failed before any test ran
    }
    console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  },
};

export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', plainSummary],
    // Browser tests start a server and Chromium; give them room on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll for the page to catch up; on a loaded 2-core CI machine a second is not enough.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
