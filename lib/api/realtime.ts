import { z } from 'zod';
import { ZSeriesLatest } from './metric-points';
import { ZAnnotation, ZMilestone, ZRoomInfo } from './common';
import { ZIncidentEntryDto } from './incident-timeline';
import { ZIncidentDto } from './incidents';
import { ZHandoverDto } from './night-report';
import { ZChannelHealth } from './notifications';

/**
 * What the socket carries, as schemas: lib/events.ts types the event map
 * from them, and the integration tests check real pushes and acks against them.
 */

/** A chart point, compact: [epoch ms, value]. */
const ZChartPoint = z.tuple([z.number(), z.number()]);
const ZSeriesPoints = z.object({ name: z.string(), labels: z.record(z.string(), z.string()), points: z.array(ZChartPoint) });
/** A series' chart points as the socket sends them. */
export type TSeriesPoints = z.infer<typeof ZSeriesPoints>;

/** Everything a screen needs on (re)connect; later pushes are deltas against it. */
export const ZRoomSnapshot = z.object({
  room: ZRoomInfo,
  /** the server's clock (epoch ms) when the snapshot was taken: screens follow it, not their own */
  serverTime: z.number(),
  latest: z.array(ZSeriesLatest),
  history: z.array(ZSeriesPoints),
  milestones: z.array(ZMilestone),
  annotations: z.array(ZAnnotation),
});

/** One coalesced push of a room's metric changes since the previous push. */
export const ZMetricsUpdate = z.object({
  roomId: z.string(),
  serverTime: z.number(),
  latest: z.array(ZSeriesLatest),
  /** new chart points of the headline series (and any series with few points) */
  points: z.array(ZSeriesPoints),
});

/** An incident changed: its current state and the timeline entries appended (screens dedupe by entry id). */
export const ZIncidentChanged = z.object({
  roomId: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  incident: ZIncidentDto,
  entries: z.array(ZIncidentEntryDto),
});

/** The answer to incidents:subscribe: who I am, the server clock, and every entry after the cursor. */
export const ZIncidentsSubscribed = z.object({
  roomId: z.string(),
  roomSlug: z.string(),
  serverTime: z.number(),
  me: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
  /** the room's latest timeline seq: the next cursor */
  lastSeq: z.number().int(),
  entries: z.array(ZIncidentEntryDto),
  incidents: z.array(ZIncidentDto),
  /** false when more was missed than one answer carries: refetch whole */
  complete: z.boolean(),
});

/** A shift handover was created or accepted (acceptedAt set: a new lead is on duty). */
export const ZHandoverChanged = z.object({ roomId: z.string(), handover: ZHandoverDto });

/** A series' planned curve was set: screens refetch GET /rooms/:room/plan. */
export const ZPlanChanged = z.object({ roomId: z.string(), series: z.string() });

/** The room's failing channels changed (one started failing, recovered, was paused or removed): the whole list, as GET …/channel-health answers. */
export const ZChannelHealthChanged = ZChannelHealth.extend({ roomId: z.string(), room: z.string() });
