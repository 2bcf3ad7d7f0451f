import type { Server as HttpServer } from 'node:http';
import type { Namespace } from 'socket.io';
import { STATUS_NAMESPACE, type StatusServerToClientEvents, statusChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { isAppError } from '../errors';
import {
  cachedPublicStatus,
  cachedSlugOf,
  forgetPublicStatus,
  getPublicStatus,
  rebuildPublicStatus,
  writeStatusSnapshot,
} from '../services/status/public-status';
import type { TIo } from './types';
import { listEnabledStatusPages } from '../services/status/list-enabled-status-pages';
import { roomSlugs } from '../services/rooms/room-slugs';

const SETTLE_MS = 50;

/**
 * The public status page's live side. The `/status` namespace has no
 * handshake check and registers no commands: a socket names one page and
 * joins that page's channel, nothing else. Every status change (or a probe
 * check that moves a component) rebuilds the page once, writes its snapshot
 * to disk and pushes the public summary to the page's watchers.
 */
export function attachStatusPages(ctx: TServiceContext, io: TIo, httpServer: HttpServer): () => void {
  const ns = io.of(STATUS_NAMESPACE) as unknown as Namespace<Record<string, never>, StatusServerToClientEvents>;
  ns.on('connection', async (socket) => {
    (socket.conn as unknown as { request?: unknown }).request = undefined;
    const slug = typeof socket.handshake.auth?.room === 'string' ? socket.handshake.auth.room : '';
    try {
      const { status } = await getPublicStatus({ ctx, slug });
      if (socket.disconnected) return;
      await socket.join(statusChannel(status.roomId));
      socket.emit('status:changed', { etag: status.etag, summary: status.summary });
    } catch (err) {
      if (!isAppError(err)) console.error('status socket:', err);
      socket.disconnect(true);
    }
  });

  const timers = new Map<string, NodeJS.Timeout>();
  /** per room, until its rebuild runs: whether a status change (not only a probe check) asked, and the slugs whose view it dropped */
  const pending = new Map<string, { full: boolean; slugs: Set<string> }>();
  const publish = async (roomId: string, slug: string, onlyIfMoved: boolean) => {
    const before = cachedPublicStatus(slug);
    try {
      const after = await rebuildPublicStatus({ ctx, slug });
      if (onlyIfMoved && before && JSON.stringify(before.summary) === JSON.stringify(after.summary)) return;
      ns.to(statusChannel(roomId)).emit('status:changed', { etag: after.etag, summary: after.summary });
      writeStatusSnapshot(ctx, after, await renderedPage(httpServer, slug));
    } catch (err) {
      if (isAppError(err) && err.code === 'not_found') {
        // The page was switched off (or the room renamed): its watchers have nothing left to watch.
        ns.in(statusChannel(roomId)).disconnectSockets(true);
        return;
      }
      console.error('status page rebuild failed:', err);
    }
  };
  // One rebuild per room per SETTLE_MS at most, however many changes and probe checks arrive meanwhile.
  const schedule = (roomId: string, full: boolean, slugs: string[] = []) => {
    const p = pending.get(roomId) ?? { full: false, slugs: new Set<string>() };
    p.full ||= full;
    for (const s of slugs) p.slugs.add(s);
    pending.set(roomId, p);
    if (timers.has(roomId)) return;
    timers.set(
      roomId,
      setTimeout(async () => {
        timers.delete(roomId);
        pending.delete(roomId);
        const known = cachedSlugOf(roomId);
        const targets = p.full ? new Set([...p.slugs, ...(await roomSlugs(ctx, roomId))]) : new Set(known ? [known] : []);
        for (const slug of targets) await publish(roomId, slug, !p.full);
      }, SETTLE_MS),
    );
  };

  const offs = [
    ctx.bus.on('status.changed', (e) => {
      if (ctx.config.REDIS_URL) io.serverSideEmit('status:stale', e.roomId);
      // Dropped now, so the next read (the lead's own, a visitor's) is built from the change; the push follows.
      schedule(e.roomId, true, forgetPublicStatus(e.roomId));
    }),
    // A probe check moves a bound component at most: rebuild only pages someone is reading here.
    ctx.bus.on('probe.changed', (e) => schedule(e.roomId, false)),
  ];
  io.on('status:stale', (roomId) => forgetPublicStatus(roomId));

  // Snapshots of every enabled page once the server listens, so the first outage has one to serve.
  const writeAll = async () => {
    try {
      for (const p of await listEnabledStatusPages(ctx)) await publish(p.roomId, p.slug, false);
    } catch (err) {
      console.error('status snapshots at start failed:', err);
    }
  };
  if (httpServer.listening) void writeAll();
  else httpServer.once('listening', () => void writeAll());

  return () => {
    for (const off of offs) off();
    for (const t of timers.values()) clearTimeout(t);
  };
}

/** The page as this server renders it, without scripts (a static file must not run stale chunks). */
async function renderedPage(httpServer: HttpServer, slug: string): Promise<string | undefined> {
  const addr = httpServer.address();
  if (!addr || typeof addr !== 'object') return undefined;
  try {
    const res = await fetch(`http://127.0.0.1:${addr.port}/status/${slug}`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return undefined;
    return (await res.text())
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<link[^>]+rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*>/gi, '');
  } catch {
    return undefined;
  }
}
