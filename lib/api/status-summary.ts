import { z } from 'zod';
import { ZIsoTime } from './common';

/**
 * What anyone may read of a room's status page, in Atlassian Statuspage's
 * summary.json shape, and the two vocabularies it shares with the lead's
 * admin shapes (lib/api/status.ts): component states and incident impacts.
 */

/** Statuspage's component states, worst last but one (maintenance is its own kind). */
export const COMPONENT_STATES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export const ZComponentState = z.enum(COMPONENT_STATES, { message: `must be one of ${COMPONENT_STATES.join(', ')}` });
export type TComponentState = z.infer<typeof ZComponentState>;

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export const ZImpact = z.enum(IMPACTS, { message: 'must be none, minor, major or critical' });
export type TImpact = z.infer<typeof ZImpact>;

// --- Public shapes: Atlassian Statuspage's summary.json -------------------

const ZSpUpdate = z.object({ id: z.string(), status: z.string(), body: z.string(), created_at: ZIsoTime });
const ZSpIncident = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: ZImpact,
  created_at: ZIsoTime,
  updated_at: ZIsoTime,
  resolved_at: ZIsoTime.nullable(),
  shortlink: z.string(),
  incident_updates: z.array(ZSpUpdate),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
});
const ZSpMaintenance = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['scheduled', 'in_progress', 'completed']),
  impact: z.literal('maintenance'),
  scheduled_for: ZIsoTime,
  scheduled_until: ZIsoTime,
  created_at: ZIsoTime,
  updated_at: ZIsoTime,
  incident_updates: z.array(ZSpUpdate),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const ZStatusSummary = z.object({
  page: z.object({ id: z.string(), name: z.string(), url: z.string(), time_zone: z.string(), updated_at: ZIsoTime }),
  status: z.object({ indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']), description: z.string() }),
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: ZComponentState,
      description: z.string().nullable(),
      position: z.number().int(),
      group_id: z.string().nullable(),
      group: z.boolean(),
      created_at: ZIsoTime,
      updated_at: ZIsoTime,
    }),
  ),
  incidents: z.array(ZSpIncident),
  scheduled_maintenances: z.array(ZSpMaintenance),
});
export type TStatusSummary = z.infer<typeof ZStatusSummary>;
export const ZStatusIncidents = z.object({ page: ZStatusSummary.shape.page, incidents: z.array(ZSpIncident) });
