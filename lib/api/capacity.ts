import { z } from 'zod';
import { METRIC_NAME_RE, ZIsoTime, ZRoomParams } from './common';
import { endpoint, socketPush } from './contract';

const ZSeriesName = z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_online');

/** `PUT /rooms/:room/capacity`: what load the pool carries and what one healthy server can take. */
const ZCapacityInput = z
  .strictObject({
    /** the load series (unlabelled), e.g. users_online */
    series: ZSeriesName.default('users_online'),
    /** what one healthy server carries; null when a per-server series says it */
    perServer: z.number().positive().finite().nullable(),
    /** a series labelled `server=…` whose latest value is that server's capacity */
    perServerSeries: ZSeriesName.optional(),
    /** share of the capacity the pool may use before it counts as full */
    targetUtilization: z.number().gt(0).max(1).default(0.8),
    /** warn when the pool would be full within this many minutes (a fraction for replays at speed) */
    leadMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .default(30),
  })
  .superRefine((v, ctx) => {
    if (v.perServer === null && v.perServerSeries === undefined)
      ctx.addIssue({ code: 'custom', path: ['perServer'], message: 'give a capacity per server, or perServerSeries' });
  });
export type TCapacityInput = z.infer<typeof ZCapacityInput>;

const ZCapacityModel = z.object({
  series: z.string(),
  perServer: z.number().nullable(),
  perServerSeries: z.string().nullable(),
  targetUtilization: z.number(),
  leadMinutes: z.number(),
  updatedAt: ZIsoTime,
});
export type TCapacityModel = z.infer<typeof ZCapacityModel>;

const ZForecastPoint = z.object({ time: ZIsoTime, value: z.number(), low: z.number(), high: z.number() });

const ZCapacityAnswer = z.object({
  /** null until a lead sets the model; everything else is then empty */
  model: ZCapacityModel.nullable(),
  now: z
    .object({
      at: ZIsoTime,
      /** the load series' newest point, and when it was taken */
      load: z.number().nullable(),
      loadAt: ZIsoTime.nullable(),
      healthyServers: z.number().int(),
      /** per-server capacity × healthy servers */
      capacity: z.number(),
      /** capacity × targetUtilization */
      limit: z.number(),
      /** load ÷ capacity (null without load or capacity) */
      utilization: z.number().nullable(),
      /** the limit with one more healthy server lost */
      nPlusOneLimit: z.number(),
    })
    .nullable(),
  forecast: z.array(ZForecastPoint),
  saturatesAt: ZIsoTime.nullable(),
  nPlusOneSaturatesAt: ZIsoTime.nullable(),
  /** the one-bucket rollups the forecast was fitted on (the chart draws them as the load) */
  history: z.array(z.object({ time: ZIsoTime, value: z.number() })),
  /** the server clock when evaluated (epoch ms): ages count from it */
  serverTime: z.number(),
  staleAfterSeconds: z.number(),
});
export type TCapacityAnswer = z.infer<typeof ZCapacityAnswer>;

/** Capacity headroom of a room (CONTRACT "Capacity"). */
export const CAPACITY = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/capacity',
    summary: 'The capacity model, the load now against the healthy pool, and the forecast with its band and saturation times',
    access: 'viewer+',
    tag: 'capacity',
    params: ZRoomParams,
    response: ZCapacityAnswer,
  }),
  set: endpoint({
    method: 'PUT',
    path: '/api/v1/rooms/{room}/capacity',
    summary: 'Sets the capacity model: load series, capacity per healthy server, target utilisation, lead time',
    access: 'lead+',
    tag: 'capacity',
    params: ZRoomParams,
    body: ZCapacityInput,
    response: ZCapacityModel,
  }),
} as const;

/** What the socket carries about capacity (lib/api/socket.ts gathers every resource's). */
export const CAPACITY_SOCKET = {
  commands: {},
  pushes: {
    'capacity:changed': socketPush({
      summary:
        "the room's headroom was evaluated (a bucket passed, a server drained, the model changed): refetch GET /rooms/{room}/capacity",
      payload: z.object({ roomId: z.string() }),
    }),
  },
};
