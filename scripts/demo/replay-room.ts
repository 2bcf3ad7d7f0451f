// The room a replay runs in, set up and fed through the public HTTP API:
// go-live, safety lines, plans and capacity from the scenario, and the
// metric points. Where an optional endpoint is missing, the step is skipped
// and noted (the scenario's events are scripts/demo/actions.ts).
import type { TScenario } from '../../lib/schemas/scenario';
import type { TCast, TCastMember } from './cast';
import { ApiError, type WarroomClient } from './client';

export type TMetricPointBody = { name: string; value: number; time: number; labels?: Record<string, string> };

/** The first lead (or admin) of the cast: marks annotations, sets go-live and the room's settings. */
export function leadOf(cast: TCast): TCastMember | undefined {
  return Object.values(cast.people).find((p) => p.role !== 'engineer');
}

/** Runs an optional endpoint; false (and a noted fallback) when the route does not exist on this server. */
export async function optional(fallbacks: Set<string>, fallback: string, fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.missingRoute) {
      fallbacks.add(fallback);
      return false;
    }
    throw err;
  }
}

export class ReplayRoom {
  constructor(
    private readonly client: WarroomClient,
    private readonly cast: TCast,
    /** steps written a fallback way, shared with the event run's (ReplayActions.fallbacks) */
    private readonly fallbacks: Set<string>,
    /** the replay's speed: the capacity lead time is night minutes */
    private readonly speed = 1,
  ) {}

  async pushMetrics(points: TMetricPointBody[]): Promise<number> {
    const res = await this.client.request('POST', '/api/v1/metrics', {
      token: this.cast.ingestKey,
      body: { room: this.cast.room.slug, points },
    });
    return (res.body as { accepted: number }).accepted;
  }

  /** Sets the room's go-live moment for the wall's countdown; false when there is no settings endpoint or lead. */
  async setGoLive(at: number): Promise<boolean> {
    const lead = leadOf(this.cast);
    if (!lead) return false;
    return optional(this.fallbacks, 'room settings → countdown not set', async () => {
      await this.client.request('PATCH', `/api/v1/rooms/${this.cast.room.slug}/settings`, { token: lead.token, body: { goLiveAt: at } });
    });
  }

  /** Sets the room's safety lines (one per metric, replaced if there); false when there is no endpoint or lead. */
  async setSafetyLines(lines: TScenario['safetyLines']): Promise<boolean> {
    const lead = leadOf(this.cast);
    if (!lead || lines.length === 0) return false;
    return optional(this.fallbacks, 'safety lines → not set', async () => {
      for (const line of lines) {
        await this.client.request('PUT', `/api/v1/rooms/${this.cast.room.slug}/safety-lines`, { token: lead.token, body: line });
      }
    });
  }

  /** PUTs each planned curve through the public API, keyframe times turned into wall time; false when there is none or no lead. */
  async setPlans(plans: TScenario['plan'], wall: (at: number) => number): Promise<boolean> {
    const lead = leadOf(this.cast);
    if (!lead || plans.length === 0) return false;
    return optional(this.fallbacks, 'plan → not set', async () => {
      for (const p of plans) {
        const points = p.points.map((k) => ({ time: wall(k.at), value: k.value }));
        await this.client.request('PUT', `/api/v1/rooms/${this.cast.room.slug}/plan`, {
          token: lead.token,
          body: { series: p.series, points },
        });
      }
    });
  }

  /** PUTs the capacity model; the lead time is night minutes, so it shrinks with the replay's speed. */
  async setCapacity(cap: TScenario['capacity']): Promise<boolean> {
    const lead = leadOf(this.cast);
    if (!lead || !cap) return false;
    return optional(this.fallbacks, 'capacity → not set', async () => {
      await this.client.request('PUT', `/api/v1/rooms/${this.cast.room.slug}/capacity`, {
        token: lead.token,
        body: { ...cap, leadMinutes: cap.leadMinutes / this.speed },
      });
    });
  }
}
