import { z } from 'zod';
import { ZIngestBody, ZLatestQuery, ZSeriesLatest, ZSeriesPoints } from './metric-points';
import { endpoint, socketPush } from './contract';

const ZIngestAccepted = z.object({ accepted: z.number().int().nonnegative() });
const ZLatestList = z.object({ room: z.string(), series: z.array(ZSeriesLatest) });

export const METRICS = {
  ingest: endpoint({
    method: 'POST',
    path: '/api/v1/metrics',
    tag: 'metrics',
    access: 'ingest key, engineer+',
    status: 202,
    summary: 'Ingest up to 10,000 points, stored whole or not at all (400 names the bad point).',
    body: ZIngestBody,
    response: ZIngestAccepted,
  }),
  latest: endpoint({
    method: 'GET',
    path: '/api/v1/metrics/latest',
    tag: 'metrics',
    access: 'viewer+, display link',
    summary: 'The latest value of every series in the room.',
    query: ZLatestQuery,
    response: ZLatestList,
  }),
};

/** One coalesced push of a room's metric changes since the previous push. */
const ZMetricsUpdate = z.object({
  roomId: z.string(),
  serverTime: z.number(),
  latest: z.array(ZSeriesLatest),
  /** new chart points of the headline series (and any series with few points) */
  points: z.array(ZSeriesPoints),
});

/** What the socket carries about metrics (lib/api/socket.ts gathers every resource's). */
export const METRICS_SOCKET = {
  commands: {},
  pushes: {
    'metrics:update': socketPush({
      summary: "a room's metric changes, coalesced a few times a second: latest values and new chart points",
      payload: ZMetricsUpdate,
    }),
  },
};
