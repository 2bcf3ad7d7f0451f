import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { fileURLToPath } from 'node:url';

/**
 * The integration files that take longest (scripts/test-summary.mjs prints them), heaviest first. A fresh
 * clone has no timing cache, so vitest would run the biggest files first by size, and a short file with a
 * long run (the wall soak: 94 lines, ~2 minutes) would start last while the other worker sat idle.
 */
const HEAVIEST = [
  'wall-soak',
  'access-http',
  'idempotency-crash',
  'first-hour',
  'notify-reach',
  'readme-quickstart',
  'notify-faults',
  'bench-screens',
  'signals-probes',
  'demo-cli',
  'capacity',
  'access-session',
];
class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) => {
      const i = HEAVIEST.findIndex((h) => f.moduleId.endsWith(`/${h}.test.ts`));
      return i === -1 ? HEAVIEST.length : i;
    };
    // Array sort is stable: within a rank (and for everything else) vitest's own order holds.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    sequence: { sequencer: HeaviestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // Both cores (vitest's default leaves one idle), in threads: ~70 small files start faster than in
          // forked processes (44 s → ~28 s on the 2-core machine).
          pool: 'threads',
          maxWorkers: 2,
          // a loaded 2-core machine runs the generator tests at several times their quiet-machine time
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file boots its own server; two cores run two at a time at most.
          maxWorkers: 2,
          // A worker keeps the modules it loaded for the next file (each file still boots its own server):
          // re-importing Prisma, Better Auth and the services for every file cost ~1.5 s of a worker's time each.
          isolate: false,
          // In CI a test that failed is run once more, as Playwright's e2e are (playwright.config.ts): on a
          // loaded 2-core machine a server boot or a socket round trip can miss a deadline that holds on a
          // quiet one. A test that fails twice fails the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
