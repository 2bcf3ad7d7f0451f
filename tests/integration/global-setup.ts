import { buildIfNeeded } from '../../scripts/build-if-needed';
import { buildScripts } from '../../scripts/build-server';

/**
 * Integration tests talk to the production build: build it once if the sources changed. The CLI
 * and the demo are compiled every run (half a second), so the tests that start them dozens of
 * times run today's sources without tsx's compile at each start.
 */
export default function setup() {
  buildIfNeeded();
  buildScripts(process.cwd(), process.env.WARROOM_NEXT_DIST ?? '.next');
}
