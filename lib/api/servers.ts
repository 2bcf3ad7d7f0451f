import { z } from 'zod';
import { ZRoomSlug } from './common';
import { endpoint, socketPush } from './contract';

/** A server's name as its `server` label says it. */
const ZServerName = z.string().min(1).max(200);

const ZServerParams = z.object({ room: ZRoomSlug, name: ZServerName });
const ZServersParams = z.object({ room: ZRoomSlug });

const ZServersQuery = z.object({
  /** minutes of samples per metric to return as sparklines (0: none); the servers page asks for 60 */
  spark: z.coerce.number().int().min(0).max(360).default(0),
});

/** `{"reason"?, "incident"?}`: why, and the incident (number or id) whose timeline records it. */
const ZDrainBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be blank').max(500).optional(),
  incident: z.union([z.number().int().positive(), z.string().trim().min(1).max(64)]).optional(),
});
export type TDrainBody = z.infer<typeof ZDrainBody>;

const ZRestoreBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be blank').max(500).optional(),
  incident: z.union([z.number().int().positive(), z.string().trim().min(1).max(64)]).optional(),
});

const ZOutlierDetail = z.object({
  metric: z.string(),
  value: z.number(),
  poolMedian: z.number(),
  mads: z.number(),
  ratio: z.number().nullable(),
  rule: z.enum(['mad', 'ratio']),
  score: z.number(),
});

const ZServerDto = z.object({
  name: z.string(),
  state: z.enum(['ok', 'warning', 'critical', 'silent', 'drained']),
  /** newest sample of any of its series */
  lastSeenAt: z.string(),
  /** seconds since lastSeenAt on the server clock */
  ageSeconds: z.number(),
  /** when its first series was created */
  firstSeenAt: z.string().nullable(),
  metrics: z.record(z.string(), z.number()),
  /** each metric against its safety line (the room's, else the default); empty when silent or drained */
  metricStates: z.record(z.string(), z.enum(['ok', 'warning', 'critical'])),
  /** the most prominent metric far from the pool, or null */
  outlier: z.object({ metric: z.string(), value: z.number(), poolMedian: z.number() }).nullable(),
  /** every outlying metric, most prominent first */
  outliers: z.array(ZOutlierDetail),
  drain: z
    .object({
      drainedAt: z.string(),
      drainedBy: z.string(),
      reason: z.string().nullable(),
      incident: z.object({ id: z.string(), number: z.number() }).nullable(),
    })
    .nullable(),
  /** with ?spark=N: per metric, [epoch ms, value] points of the last N minutes, decimated */
  sparklines: z.record(z.string(), z.array(z.tuple([z.number(), z.number()]))).optional(),
});
export type TServerDto = z.infer<typeof ZServerDto>;

const ZServersResponse = z.object({
  servers: z.array(ZServerDto),
  /** the server clock when judged (epoch ms): ages count from it */
  serverTime: z.number(),
  staleAfterSeconds: z.number(),
});
export type TServersResponse = z.infer<typeof ZServersResponse>;

/** One drain as the history keeps it. */
const ZDrainRecord = z.object({
  id: z.string(),
  server: z.string(),
  reason: z.string().nullable(),
  incident: z.object({ id: z.string(), number: z.number() }).nullable(),
  drainedAt: z.string(),
  drainedBy: z.string(),
  restoredAt: z.string().nullable(),
  restoredBy: z.string().nullable(),
  restoreReason: z.string().nullable(),
});
export type TDrainRecord = z.infer<typeof ZDrainRecord>;

/** The server after a drain or restore, with the drain record written. */
const ZDrainResponse = ZServerDto.extend({ record: ZDrainRecord });
export type TDrainResponse = z.infer<typeof ZDrainResponse>;

export const serversApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/servers',
    summary: 'Every server seen in the room (any `server` label), worst first, with outliers from the pool scan',
    access: 'viewer+',
    tag: 'servers',
    params: ZServersParams,
    query: ZServersQuery,
    response: ZServersResponse,
  }),
  drain: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/servers/{name}/drain',
    summary: 'Takes a server out of the pool: out of health verdicts and outlier scans, shown as drained everywhere',
    access: 'lead+',
    tag: 'servers',
    params: ZServerParams,
    body: ZDrainBody,
    response: ZDrainResponse,
    idempotent: true,
  }),
  restore: endpoint({
    method: 'POST',
    path: '/api/v1/rooms/{room}/servers/{name}/restore',
    summary: 'Puts a drained server back in the pool',
    access: 'lead+',
    tag: 'servers',
    params: ZServerParams,
    body: ZRestoreBody,
    response: ZDrainResponse,
    idempotent: true,
  }),
};

/** What the socket carries about servers (lib/api/socket.ts gathers every resource's). */
export const SERVERS_SOCKET = {
  commands: {},
  pushes: {
    'servers:changed': socketPush({
      summary:
        "a server was drained or restored, with the room's drained servers after it: screens refetch the fleet, the wall marks the tile at once",
      payload: z.object({ roomId: z.string(), server: z.string(), action: z.enum(['drain', 'restore']), drained: z.array(z.string()) }),
    }),
  },
};
