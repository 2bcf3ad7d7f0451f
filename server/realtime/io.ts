import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { credentialChannel, roomChannel, userChannel } from '../../lib/events';
import type { TServiceContext } from '../context';
import { authenticateRequest } from '../services/access/authenticate-request';
import { sessionCredentialId } from '../auth/session-channel';
import { assertSameOriginSocket } from '../auth/same-origin';
import { isAppError } from '../errors';
import { MetricsCoalescer } from './metrics-coalescer';
import { SnapshotCache } from './snapshot-cache';
import { DisplayAuthCache } from './display-auth-cache';
import { preEncodingParser } from './pre-encoded';
import { registerRoomHandlers } from './rooms.handlers';
import { attachIncidentFanout, registerIncidentHandlers } from './incidents.handlers';
import { registerIncidentCommandHandlers } from './incident-commands.handlers';
import { attachServersFanout } from './servers.handlers';
import { attachNightFanout } from './night.handlers';
import type { TIo } from './types';
import { resyncLocalSockets } from './resync';
import { attachProbeFanout } from './probes.handlers';
import { attachStatusPages } from './status.handlers';

/** Told of each room-wide push (server/observability/prometheus.ts counts and times them). */
export interface TRealtimeObserver {
  push(event: string, fanoutSeconds: number): void;
  roomPushed(roomId: string): void;
}

export const SOCKET_PATH = '/socket.io';
const CLOCK_TICK_MS = 15_000;

/**
 * Attaches socket.io to the HTTP server: handshake authentication, one
 * handler module per domain, and the fan-out of domain events to rooms.
 */
export async function attachRealtime(
  ctx: TServiceContext,
  httpServer: HttpServer,
  observer?: TRealtimeObserver,
): Promise<{ io: TIo; close(): Promise<void> }> {
  const io: TIo = new Server(httpServer, {
    path: SOCKET_PATH,
    // Small, frequent messages: compression costs more CPU than it saves.
    perMessageDeflate: false,
    httpCompression: false,
    // Join snapshots are serialised once per room build, not once per screen.
    parser: preEncodingParser,
    serveClient: false,
    // Leave upgrades on other paths (Next's HMR) to the listener in server/index.ts.
    destroyUpgrade: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });

  const cleanups: (() => Promise<void> | void)[] = [];
  // Join snapshots, shared by the joins of one instant; a push or room change
  // here or on another process drops the room's entry.
  const snapshots = new SnapshotCache();
  const staleEverywhere = (roomId: string, reason: 'push' | 'changed') => {
    snapshots.invalidate(roomId);
    if (ctx.config.REDIS_URL) io.serverSideEmit('room:stale', roomId, reason);
  };
  // Rule evaluators hold their rules per process: a rule added through one process reaches the others now.
  if (ctx.config.REDIS_URL) cleanups.push(ctx.bus.on('rule.changed', (e) => io.serverSideEmit('rule:changed', e.roomId, e.ruleId)));
  io.on('rule:changed', (roomId, ruleId) => ctx.bus.emit('rule.changed.elsewhere', { roomId, ruleId }));
  io.on('room:stale', (roomId, reason) => {
    snapshots.invalidate(roomId);
    if (reason === 'changed') ctx.bus.emit('room.changed.elsewhere', { roomId });
  });
  if (ctx.config.REDIS_URL) {
    // Loaded only by an install with Redis: a single process never pays for the client's modules at boot.
    const [{ createAdapter }, { createClient }] = await Promise.all([import('@socket.io/redis-adapter'), import('redis')]);
    const pub = createClient({ url: ctx.config.REDIS_URL });
    const sub = pub.duplicate();
    pub.on('error', (e) => console.error('redis pub:', e.message));
    sub.on('error', (e) => console.error('redis sub:', e.message));
    // Pushes published while Redis was away are gone (pub/sub keeps nothing):
    // once it is back, this process's screens reconnect and catch up.
    onRecovered(pub, () => resyncLocalSockets(io, 'redis pub back'));
    onRecovered(sub, () => resyncLocalSockets(io, 'redis sub back'));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    cleanups.push(async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    });
  }

  const displayAuth = new DisplayAuthCache();
  cleanups.push(ctx.bus.on('access.revoked', () => displayAuth.clear()));
  io.use(async (socket, next) => {
    try {
      const headers = new Headers();
      for (const [k, v] of Object.entries(socket.request.headers)) if (typeof v === 'string') headers.set(k, v);
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : null;
      // A display link's answer is shared by the handshakes of one moment (a wall fleet reconnecting).
      const actor =
        token && !headers.has('authorization')
          ? await displayAuth.get(token, () => authenticateRequest({ ctx, headers, token }))
          : await authenticateRequest({ ctx, headers, token });
      if (actor.kind === 'anonymous') return next(new Error('unauthorized'));
      if (actor.kind === 'ingest') return next(new Error('forbidden: an ingest key cannot open a screen'));
      assertSameOriginSocket(headers, actor, ctx.config.publicUrl);
      socket.data.actor = actor;
      next();
    } catch (err) {
      if (isAppError(err)) return next(new Error(`${err.code}: ${err.message}`));
      console.error('socket handshake failed:', err);
      next(new Error('internal'));
    }
  });

  io.on('connection', (socket) => {
    // The first HTTP request is kept by every socket unless dropped (socket.io's memory advice).
    (socket.conn as unknown as { request?: unknown }).request = undefined;
    const actor = socket.data.actor;
    if (actor.kind === 'user') void socket.join(userChannel(actor.userId));
    if ('credentialId' in actor && actor.credentialId) void socket.join(credentialChannel(actor.credentialId));
    // A cookie socket also answers for its session, so signing out closes it.
    if (actor.kind === 'user' && actor.sessionId) void socket.join(credentialChannel(sessionCredentialId(actor.sessionId)));
    registerRoomHandlers(ctx, socket, snapshots);
    registerIncidentHandlers(ctx, socket);
    registerIncidentCommandHandlers(ctx, socket);
    socket.emit('clock:tick', { serverTime: Date.now() });
  });

  const coalescer = new MetricsCoalescer(ctx.config.WARROOM_PUSH_INTERVAL_MS, (roomId, update) => {
    staleEverywhere(roomId, 'push');
    const t0 = performance.now();
    io.to(roomChannel(roomId)).emit('metrics:update', update);
    observer?.push('metrics:update', (performance.now() - t0) / 1000);
    observer?.roomPushed(roomId);
  });
  cleanups.push(() => coalescer.stop());
  cleanups.push(ctx.bus.on('metrics.ingested', (e) => coalescer.add(e.roomId, e.changes)));
  cleanups.push(
    ctx.bus.on('room.changed', (e) => {
      staleEverywhere(e.roomId, 'changed');
      io.to(roomChannel(e.roomId)).emit('room:changed', { roomId: e.roomId });
      observer?.push('room:changed', 0);
    }),
  );
  cleanups.push(attachIncidentFanout(ctx, io));
  cleanups.push(attachServersFanout(ctx, io));
  cleanups.push(attachProbeFanout(ctx, io));
  cleanups.push(attachNightFanout(ctx, io));
  cleanups.push(attachStatusPages(ctx, io, httpServer));
  cleanups.push(
    ctx.bus.on('access.revoked', (e) => {
      const channel = e.credentialId ? credentialChannel(e.credentialId) : e.userId ? userChannel(e.userId) : null;
      if (!channel) return;
      io.to(channel).emit('session:revoked', { reason: 'access revoked' });
      io.in(channel).disconnectSockets(true);
    }),
  );

  const tick = setInterval(() => io.emit('clock:tick', { serverTime: Date.now() }), CLOCK_TICK_MS);
  tick.unref();
  cleanups.push(() => clearInterval(tick));

  return {
    io,
    async close() {
      for (const c of cleanups.reverse()) await c();
      await new Promise<void>((r) => io.close(() => r()));
    },
  };
}

/** Calls `then` (once, shortly after) each time a Redis client is ready again after losing its connection. */
function onRecovered(client: { on(event: string, f: (...a: unknown[]) => void): unknown }, then: () => void): void {
  let lost = false;
  const down = () => (lost = true);
  client.on('error', down);
  client.on('end', down);
  client.on('reconnecting', down);
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    // Give the subscriber a moment to subscribe again before screens ask what they missed.
    setTimeout(then, 500).unref();
  });
}
