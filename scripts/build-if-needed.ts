// `npm start` builds only when the sources changed since the last build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildServer, serverBundle } from './build-server';

const SOURCES = [
  'app',
  'lib',
  'messages',
  'i18n',
  'public',
  'server',
  // the Prisma clients the server bundle and the routes compile in
  'generated',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];
const DIST = process.env.WARROOM_NEXT_DIST ?? '.next';
const STAMP = join(DIST, 'warroom-source-hash');

/**
 * A hash of every source file's path and content (not its modification time: a fresh clone of the
 * same commit, or a checkout touched by git, is the same build).
 */
export function sourceHash(root: string): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else {
      h.update(`${relative(root, p)}\0${st.size}\0`);
      h.update(readFileSync(p));
      h.update('\n');
    }
  };
  for (const s of SOURCES) walk(join(root, s));
  return h.digest('hex');
}

export function buildIfNeeded(root = process.cwd()): boolean {
  const hash = sourceHash(root);
  const built =
    existsSync(join(root, DIST, 'BUILD_ID')) && existsSync(join(root, STAMP)) && readFileSync(join(root, STAMP), 'utf8') === hash;
  if (built && existsSync(serverBundle(root, DIST))) return false;
  if (!built) {
    console.log('building the web app (first start, or sources changed)…');
    execFileSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
  }
  buildServer(root, DIST);
  writeFileSync(join(root, STAMP), hash);
  return true;
}

/** The compiled server of the current build (build-if-needed writes it beside Next's output). */
export function builtServer(root = process.cwd()): string {
  return serverBundle(root, DIST);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
