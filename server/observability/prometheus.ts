import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TServiceContext } from '../context';
import { AppError, errorBody } from '../errors';
import { authenticateRequest } from '../services/access/authenticate-request';
import type { TRealtimeObserver } from '../realtime/io';
import { registerDeliveryMetrics } from './delivery-metrics';

const METRICS_PATH = '/metrics';

/**
 * GET /metrics (CONTRACT "The API about itself"): Prometheus text for an
 * operator's own Grafana — sockets open, pushes sent, points ingested, HTTP
 * request latency, ingest → push latency, the fan-out's own time, and Node's
 * defaults (event-loop lag, CPU, memory). Answered by server/index.ts before
 * Next sees the request; an ingest key or an admin token as Bearer may read it.
 */
export function startPrometheus(ctx: TServiceContext, opts: { socketsOpen: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  new Gauge({
    name: 'warroom_sockets_open',
    help: 'socket.io connections open on this process',
    registers: [registry],
    collect() {
      this.set(opts.socketsOpen());
    },
  });
  const pushes = new Counter({
    name: 'warroom_pushes_total',
    help: 'room-wide pushes sent by this process, by event',
    labelNames: ['event'],
    registers: [registry],
  });
  const fanout = new Histogram({
    name: 'warroom_push_fanout_seconds',
    help: 'time to hand one room-wide push to every local socket',
    labelNames: ['event'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const ingestToPush = new Histogram({
    name: 'warroom_push_latency_seconds',
    help: 'from a metrics batch committed to the coalesced push that carries it',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5],
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'warroom_points_ingested_total',
    help: 'metric points accepted by this process',
    registers: [registry],
  });
  const requests = new Histogram({
    name: 'warroom_http_request_duration_seconds',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  registerDeliveryMetrics(ctx, registry);

  // Oldest ingest not yet pushed, per room.
  const waiting = new Map<string, number>();
  const offIngest = ctx.bus.on('metrics.ingested', (e) => {
    ingested.inc(e.points ?? e.changes.reduce((n, c) => n + Math.max(1, c.points.length), 0));
    if (!waiting.has(e.roomId)) waiting.set(e.roomId, e.at);
  });

  const observer: TRealtimeObserver = {
    push(event, seconds) {
      pushes.inc({ event });
      fanout.observe({ event }, seconds);
    },
    roomPushed(roomId) {
      const since = waiting.get(roomId);
      if (since === undefined) return;
      waiting.delete(roomId);
      ingestToPush.observe(Math.max(0, Date.now() - since) / 1000);
    },
  };

  return {
    observer,
    /** true when this request is for /metrics (with or without a query) */
    matches: (url: string | undefined) => url === METRICS_PATH || !!url?.startsWith(`${METRICS_PATH}?`),
    /** Times every HTTP request (call first thing in the request listener). */
    timeRequest(req: IncomingMessage, res: ServerResponse) {
      const end = requests.startTimer({ method: req.method ?? 'GET' });
      res.once('finish', () => end({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    },
    async serve(req: IncomingMessage, res: ServerResponse) {
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('not_found', `no ${req.method} ${METRICS_PATH}: use GET`);
        const headers = new Headers();
        const auth = req.headers.authorization;
        if (auth) headers.set('authorization', auth);
        // Bearer only: a session cookie does not open /metrics.
        const actor = auth ? await authenticateRequest({ ctx, headers }) : { kind: 'anonymous' as const };
        if (actor.kind === 'anonymous')
          throw new AppError('unauthorized', 'an ingest key or an admin token is required (Authorization: Bearer …)');
        if (!(actor.kind === 'ingest' || (actor.kind === 'user' && actor.role === 'admin'))) {
          throw new AppError('forbidden', 'only an ingest key or an admin token may read /metrics');
        }
        const text = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      } catch (err) {
        const { status, body } = errorBody(err);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      }
    },
    stop() {
      offIngest();
      registry.clear();
    },
  };
}
