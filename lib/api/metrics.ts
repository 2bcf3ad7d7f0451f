import { z } from 'zod';
import { ZIngestBody, ZLatestQuery, ZSeriesLatest } from './metric-points';
import { endpoint } from './contract';

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
