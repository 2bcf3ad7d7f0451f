import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Where a running server says how to reach it, keyed by its database: the
 * CLI, about to write to that database, prints links to the server actually
 * serving it (its real port), not to a default.
 */
const INFO_DIR = join(tmpdir(), 'warroom-servers');
// A SQLite file is known by its absolute path: two clones' ./data/warroom.db are two databases.
const keyOf = (databaseUrl: string) =>
  databaseUrl.startsWith('file:') ? `file:${resolve(databaseUrl.slice(5).replace(/\?.*$/, ''))}` : databaseUrl;
const infoFile = (databaseUrl: string) =>
  join(INFO_DIR, `${createHash('sha256').update(keyOf(databaseUrl)).digest('hex').slice(0, 16)}.json`);

interface TServerInfo {
  url: string;
  pid: number;
}

export function writeServerInfo(databaseUrl: string, info: TServerInfo): void {
  mkdirSync(INFO_DIR, { recursive: true });
  writeFileSync(infoFile(databaseUrl), `${JSON.stringify(info)}\n`);
}

export function clearServerInfo(databaseUrl: string): void {
  rmSync(infoFile(databaseUrl), { force: true });
}

/** The address of a server on this machine serving this database, if one is running. */
export function readServerInfo(databaseUrl: string): TServerInfo | null {
  try {
    const info = JSON.parse(readFileSync(infoFile(databaseUrl), 'utf8')) as TServerInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

/**
 * Reads `.env` in the working directory, if there is one, into the
 * environment without overriding what is already set: the server and the
 * CLI see the same settings, so the CLI writes to the database the server uses.
 */
export function loadDotEnv(file = '.env'): string | null {
  if (!existsSync(file)) return null;
  const vars = parseEnv(readFileSync(file, 'utf8'));
  for (const [k, v] of Object.entries(vars)) if (process.env[k] === undefined) process.env[k] = v;
  return file;
}
