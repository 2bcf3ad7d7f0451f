// Writes lib/client/routes.ts: the method and path of every endpoint in
// lib/api (API), without zod, so the typed client ships no validator.
// Run after adding or changing an endpoint; scripts/gen-client-routes.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { API } from '../lib/api';

export function renderRoutes(): string {
  const lines = [
    '// Generated from lib/api (API) by `npx tsx scripts/gen-client-routes.ts`: do not edit.',
    '// The method and path of every endpoint, without zod, for the typed client (lib/client/api.ts).',
    "import type { TApi } from '../api';",
    '',
    'export const ROUTES = {',
  ];
  for (const [resource, endpoints] of Object.entries(API)) {
    lines.push(`  ${resource}: {`);
    for (const [name, e] of Object.entries(endpoints)) lines.push(`    ${name}: ['${e.method}', '${e.path}'],`);
    lines.push('  },');
  }
  lines.push('} as const satisfies { [R in keyof TApi]: { [K in keyof TApi[R]]: readonly [string, string] } };', '');
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('gen-client-routes.ts')) {
  writeFileSync('lib/client/routes.ts', renderRoutes());
  console.log('wrote lib/client/routes.ts');
}
