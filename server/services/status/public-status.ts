import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TPublicStatus } from '../../../lib/status/public';
import type { TServiceContext } from '../../context';
import { AppError, isAppError } from '../../errors';
import { buildPublicStatus } from './build-public-status';

/**
 * The public status page's read path. A thousand visitors refreshing cost
 * the database nothing: each room's view is built once and kept until a
 * status change (server/realtime/status.handlers.ts drops it) or, for the
 * day's uptime bar, WARROOM_STATUS_CACHE_MS (five minutes). When the database does not answer, the
 * last snapshot written to disk is served instead, marked as such.
 *
 * The cache sits on globalThis: Next's route handlers and the server's own
 * module graph are two copies of this module (ARCHITECTURE.md) and must share it.
 */
const MISSING_MS = 10_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

interface TCache {
  entries: Map<string, { value: TPublicStatus; at: number }>;
  /** rooms without a page (unknown or off), so probing for slugs costs nothing either */
  missing: Map<string, number>;
  building: Map<string, Promise<TPublicStatus>>;
  builds: number;
}
const KEY = Symbol.for('warroom.status.cache');
function cache(): TCache {
  const g = globalThis as Record<symbol, unknown>;
  g[KEY] ??= { entries: new Map(), missing: new Map(), building: new Map(), builds: 0 } satisfies TCache;
  return g[KEY] as TCache;
}

const notFound = (slug: string) => new AppError('not_found', `no status page "${slug}"`);

/** How the answer was found: the header X-Status-Cache tells visitors and tests. */
export type TStatusSource = 'hit' | 'built' | 'snapshot';

/** The public view of a room's page: cached, else built, else (database away) the last snapshot. 404 when off. */
export async function getPublicStatus(opts: {
  ctx: TServiceContext;
  slug: string;
}): Promise<{ status: TPublicStatus; source: TStatusSource }> {
  const { ctx, slug } = opts;
  if (!SLUG.test(slug)) throw notFound(slug);
  const c = cache();
  const now = Date.now();
  const hit = c.entries.get(slug);
  if (hit && now - hit.at < ctx.config.WARROOM_STATUS_CACHE_MS) return { status: hit.value, source: 'hit' };
  const missingAt = c.missing.get(slug);
  if (missingAt !== undefined && now - missingAt < MISSING_MS) throw notFound(slug);
  try {
    return { status: await rebuildPublicStatus({ ctx, slug }), source: 'built' };
  } catch (err) {
    if (isAppError(err)) throw err;
    // The database is away: the last snapshot, or what this process still holds.
    const snap = readStatusSnapshot(ctx, slug) ?? hit?.value;
    if (!snap) throw err;
    return { status: { ...snap, fromSnapshot: true }, source: 'snapshot' };
  }
}

/** Builds the room's view now (concurrent callers share one build) and keeps it. */
export async function rebuildPublicStatus(opts: { ctx: TServiceContext; slug: string }): Promise<TPublicStatus> {
  const { ctx, slug } = opts;
  const c = cache();
  const running = c.building.get(slug);
  if (running) return running;
  const p = (async () => {
    c.builds++;
    try {
      const value = await buildPublicStatus({ ctx, slug });
      c.entries.set(slug, { value, at: Date.now() });
      c.missing.delete(slug);
      return value;
    } catch (err) {
      if (isAppError(err) && err.code === 'not_found') {
        c.entries.delete(slug);
        c.missing.set(slug, Date.now());
      }
      throw err;
    }
  })();
  c.building.set(slug, p);
  try {
    return await p;
  } finally {
    c.building.delete(slug);
  }
}

/** Forgets what is held of a room (by id), and every "no such page". */
export function forgetPublicStatus(roomId: string): string[] {
  const c = cache();
  c.missing.clear();
  const slugs: string[] = [];
  for (const [slug, e] of c.entries) if (e.value.roomId === roomId) slugs.push(slug);
  for (const s of slugs) c.entries.delete(s);
  return slugs;
}

/** The slug of a room this process holds a view of (the fan-out needs it without a query). */
export function cachedSlugOf(roomId: string): string | null {
  for (const [slug, e] of cache().entries) if (e.value.roomId === roomId) return slug;
  return null;
}

/** The view this process holds of a room, if any (no database). */
export function cachedPublicStatus(slug: string): TPublicStatus | null {
  return cache().entries.get(slug)?.value ?? null;
}

function snapshotDir(ctx: TServiceContext, slug: string): string {
  return join(resolve(ctx.config.WARROOM_STATUS_DIR), slug);
}

function writeAtomic(path: string, body: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, path);
}

/**
 * Writes the room's snapshot: status.json (what the page renders from),
 * summary.json (the public API's answer) and, when given, index.html (the
 * rendered page, for nginx to serve when the app is down). Each file is
 * replaced atomically (write, then rename), so a reader never sees half.
 */
export function writeStatusSnapshot(ctx: TServiceContext, status: TPublicStatus, html?: string): void {
  const dir = snapshotDir(ctx, status.room.slug);
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, 'status.json'), JSON.stringify(status));
  writeAtomic(join(dir, 'summary.json'), JSON.stringify(status.summary));
  if (html) writeAtomic(join(dir, 'index.html'), html);
}

function readStatusSnapshot(ctx: TServiceContext, slug: string): TPublicStatus | null {
  try {
    return JSON.parse(readFileSync(join(snapshotDir(ctx, slug), 'status.json'), 'utf8')) as TPublicStatus;
  } catch {
    return null;
  }
}
