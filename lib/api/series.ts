import { z } from 'zod';
import { METRIC_NAME_RE, ZRoomSlug } from './common';
import { ZQueryTime } from './night-report';
import { endpoint } from './contract';

const LABEL_PAIR_RE = /^[a-zA-Z_][a-zA-Z0-9_]*=.*$/;

/**
 * A label set in a query string: `server=web-3,zone=a` or the JSON object
 * `{"server":"web-3"}`. Absent: every label set of the series.
 */
const ZQueryLabels = z.string().transform((text, ctx): Record<string, string> => {
  const t = text.trim();
  if (t === '') return {};
  if (t.startsWith('{')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'))
        return v as Record<string, string>;
    } catch {}
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of strings, or name=value pairs separated by commas' });
    return z.NEVER;
  }
  const out: Record<string, string> = {};
  for (const pair of t.split(',')) {
    if (!LABEL_PAIR_RE.test(pair.trim())) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not name=value` });
      return z.NEVER;
    }
    const at = pair.indexOf('=');
    out[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return out;
});

const ZDeletePointsQuery = z
  .object({
    from: ZQueryTime,
    to: ZQueryTime,
    labels: ZQueryLabels.optional(),
  })
  .transform((q) => ({
    ...q,
    from: typeof q.from === 'number' ? q.from : Date.parse(q.from),
    to: typeof q.to === 'number' ? q.to : Date.parse(q.to),
  }))
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
export type TDeletePointsQuery = z.infer<typeof ZDeletePointsQuery>;

const ZSeriesParams = z.object({
  room: ZRoomSlug,
  name: z.string().max(200).regex(METRIC_NAME_RE, 'must be a Prometheus-style name, e.g. users_total'),
});

const ZExportQuery = z
  .object({
    from: ZQueryTime.optional(),
    to: ZQueryTime.optional(),
    what: z.enum(['series', 'incidents'], { message: 'must be series or incidents' }),
  })
  .transform((q) => ({
    what: q.what,
    from: q.from === undefined ? undefined : typeof q.from === 'number' ? q.from : Date.parse(q.from),
    to: q.to === undefined ? undefined : typeof q.to === 'number' ? q.to : Date.parse(q.to),
  }));
export type TExportQuery = z.infer<typeof ZExportQuery>;

/** Correcting a series, and taking a room's data away as CSV. */
export const SERIES = {
  deletePoints: endpoint({
    method: 'DELETE',
    path: '/api/v1/rooms/{room}/series/{name}/points',
    tag: 'metrics',
    access: 'lead+',
    summary:
      'Removes the points of a series (and label set, when given) between from and to; noted as an annotation naming who; every screen redraws without them.',
    params: ZSeriesParams,
    query: ZDeletePointsQuery,
    response: z.object({ deleted: z.number().int().nonnegative() }),
  }),
  export: endpoint({
    method: 'GET',
    path: '/api/v1/rooms/{room}/export',
    tag: 'report',
    access: 'viewer+',
    summary: "A room's series points or incidents in a window (default: the last 24 hours) as CSV, one row per point or incident.",
    params: z.object({ room: ZRoomSlug }),
    query: ZExportQuery,
    alternate: { type: 'text/csv', when: 'every request (one row per point or incident)' },
  }),
};
