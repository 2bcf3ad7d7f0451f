import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The node arguments that run `scripts/<name>.ts` in a test: the bundle the integration setup
 * compiles each run (scripts/build-server.ts `buildScripts`), or the sources under tsx without it.
 */
export function scriptArgs(name: 'cli' | 'demo'): string[] {
  const bundle = join(process.cwd(), process.env.WARROOM_NEXT_DIST ?? '.next', 'warroom-scripts', `${name}.mjs`);
  return existsSync(bundle) ? [bundle] : ['--import', 'tsx', `scripts/${name}.ts`];
}
