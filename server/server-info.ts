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

/**
 * Records this server as the one serving the database — unless another
 * server, still running, already is (a second server on the same database,
 * such as `npm run demo` beside `npm start`, does not take the record over).
 * True when the record is this server's.
 */
export function writeServerInfo(databaseUrl: string, info: TServerInfo): boolean {
  const held = readServerInfo(databaseUrl);
  if (held && held.pid !== info.pid) return false;
  mkdirSync(INFO_DIR, { recursive: true });
  writeFileSync(infoFile(databaseUrl), `${JSON.stringify(info)}\n`);
  return true;
}

/** Removes the record at a stop — only this server's own (`pid`), never the one of the server that kept running. */
export function clearServerInfo(databaseUrl: string, pid: number): void {
  if (readRecord(databaseUrl)?.pid === pid) rmSync(infoFile(databaseUrl), { force: true });
}

function readRecord(databaseUrl: string): TServerInfo | null {
  try {
    return JSON.parse(readFileSync(infoFile(databaseUrl), 'utf8')) as TServerInfo;
  } catch {
    return null;
  }
}

/** The address of a server on this machine serving this database, if one is running. */
export function readServerInfo(databaseUrl: string): TServerInfo | null {
  const info = readRecord(databaseUrl);
  if (!info) return null;
  try {
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
