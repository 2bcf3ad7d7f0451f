// The server, compiled: server/index.ts and the SQLite writer's worker bundled by esbuild into
// <dist>/warroom-server/*.mjs, our code only (every npm package stays a plain import). `npm start`
// and the tests run it with plain node: no TypeScript loader hooks on each of ~300 imports at every
// boot (tsx's hooks and their worker thread were most of a boot's CPU). `npm run dev` keeps tsx.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';

export const SERVER_BUNDLE_DIR = 'warroom-server';
const SCRIPTS_BUNDLE_DIR = 'warroom-scripts';

/** Where the compiled server lives for a build output directory (`.next` by default). */
export function serverBundle(root: string, dist: string): string {
  return join(root, dist, SERVER_BUNDLE_DIR, 'index.mjs');
}

/** Our code bundled for plain node; every npm package stays an import. */
const NODE_BUNDLE: BuildOptions = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
};

export function buildServer(root: string, dist: string): string {
  buildSync({
    ...NODE_BUNDLE,
    absWorkingDir: root,
    entryPoints: {
      server: 'server/index.ts',
      'plain-logs': 'server/plain-logs.ts',
      'sample-writer.worker': 'server/db/sample-writer.worker.ts',
    },
    outdir: join(dist, SERVER_BUNDLE_DIR),
    sourcemap: 'linked',
  });
  // esbuild hoists every package import of a bundle above our code, so Next's colour library would
  // read FORCE_COLOR before server/plain-logs.ts could clear it. The entry therefore runs plain-logs
  // first and only then loads the server (an ES module evaluates its static imports in order).
  const out = serverBundle(root, dist);
  writeFileSync(
    out,
    "// Written by scripts/build-server.ts: colour off for pipes first, then the server.\nimport './plain-logs.mjs';\nawait import('./server.mjs');\n",
  );
  if (!existsSync(out)) throw new Error(`esbuild wrote no ${out}`);
  return out;
}

/**
 * The admin CLI and the demo, compiled the same way, for the tests that run them dozens of times:
 * under tsx each start compiled ~200 modules (3.5 s of CPU); compiled, it starts in under a second.
 * `npm run warroom` and `npm run demo` keep tsx, so they always run the sources as they are.
 */
export function buildScripts(root: string, dist: string): { cli: string; demo: string } {
  const outdir = join(dist, SCRIPTS_BUNDLE_DIR);
  buildSync({
    ...NODE_BUNDLE,
    absWorkingDir: root,
    entryPoints: { cli: 'scripts/cli.ts', demo: 'scripts/demo.ts' },
    outdir,
    splitting: true,
  });
  return { cli: join(root, outdir, 'cli.mjs'), demo: join(root, outdir, 'demo.mjs') };
}
