import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { decimate } from '@/lib/decimate';
import type { TRoomSnapshot } from '@/lib/events';
import type { TIncidentDto } from '@/lib/api/incidents';
import type { TCapacityAnswer } from '@/lib/api/capacity';
import type { TChannelHealth } from '@/lib/api/notifications';
import type { TProbeList } from '@/lib/client/use-probes';
import { getCapacity } from '@/server/services/capacity/get-capacity';
import { getChannelHealth } from '@/server/services/notify/channel-health';
import { listProbes } from '@/server/services/signals/list-probes';
import { getRuntime } from '@/server/context';
import { assertCan } from '@/server/services/access/actor';
import { authenticateRequest } from '@/server/services/access/authenticate-request';
import { listIncidents } from '@/server/services/incidents/list-incidents';
import { getRoomSnapshot } from '@/server/services/metrics/get-room-snapshot';
import { LAST_ROOM_COOKIE, resolveHomeRoom } from '@/server/services/rooms/resolve-home-room';

export interface THomeInitial {
  /** the room `/` shows this person: the last one they used, else the default, else the first open one */
  room: string;
  snapshot: TRoomSnapshot;
  incidents: TIncidentDto[];
  /**
   * The room's probes, capacity headroom and failing channels, as their API
   * answers them, so their sections are in the first paint too and the page
   * reads each once (after joining the room) instead of twice. Null: not
   * read here (refused, or it failed); the browser reads it as before.
   */
  probes: TProbeList | null;
  capacity: TCapacityAnswer | null;
  channelHealth: TChannelHealth | null;
}

/** What the API would have answered, as the browser would have parsed it (dates as ISO text). */
function asAnswered<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** One of the page's side reads: its answer, or null (the browser reads it itself) when it fails. */
async function sideRead<T>(what: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return asAnswered(await read());
  } catch (err) {
    console.error(`home: ${what} not read on the server, the browser will read it:`, err instanceof Error ? err.message : err);
    return null;
  }
}

/** The last stretch stays at full resolution: growth per minute and per hour are computed from it. */
const FULL_RESOLUTION_MS = 65 * 60_000;
/** Older history only draws a 390 px sparkline. */
const OLDER_POINTS = 160;

/**
 * The signed-in person and the room `/` shows them (the one they used last,
 * else the default, else the first open one), read once per request: the
 * console layout names it in the nav bar, and `/` reads its data. Null when
 * nobody is signed in.
 */
export const signedInHome = cache(async () => {
  const rt = getRuntime();
  const actor = await authenticateRequest({ ctx: rt, headers: await headers() });
  if (actor.kind !== 'user') return null;
  const lastUsed = (await cookies()).get(LAST_ROOM_COOKIE)?.value;
  const room = await resolveHomeRoom({ ctx: rt, actor, lastUsed: lastUsed ? decodeURIComponent(lastUsed) : null });
  return { actor, room };
});

/**
 * What the summary shows, read on the server for the first paint: on a slow
 * phone connection the numbers arrive with the HTML instead of after the
 * JavaScript, the socket and a round trip. The client then joins the room
 * and takes over. Null when there is nobody signed in or anything fails —
 * the page then loads its data in the browser as usual.
 */
export async function loadHomeInitial(): Promise<THomeInitial | null> {
  try {
    const rt = getRuntime();
    const home = await signedInHome();
    if (!home?.room) return null;
    const { actor, room } = home;
    assertCan(actor, 'room:read', room.id);
    const slug = room.slug;
    const [snapshot, incidents, probes, capacity, channelHealth] = await Promise.all([
      getRoomSnapshot({ ctx: rt, room }),
      listIncidents({ ctx: rt, actor, input: { status: 'open', room: slug } }),
      sideRead('probes', () => listProbes({ ctx: rt, actor, slug })),
      sideRead('capacity', () => getCapacity({ ctx: rt, actor, slug })),
      sideRead('channel health', () => getChannelHealth({ ctx: rt, actor, slug })),
    ]);
    return {
      room: slug,
      snapshot: { ...snapshot, history: snapshot.history.map((h) => ({ ...h, points: slim(h.points) })) },
      incidents,
      probes,
      capacity,
      channelHealth,
    };
  } catch (err) {
    console.error('home: initial data failed, the browser will load it:', err instanceof Error ? err.message : err);
    return null;
  }
}

/** Keeps the HTML small: the recent hour in full, everything before it decimated. */
function slim(points: TRoomSnapshot['history'][number]['points']) {
  const last = points[points.length - 1];
  if (!last) return points;
  const cut = points.findIndex((p) => p[0] >= last[0] - FULL_RESOLUTION_MS);
  if (cut <= 0) return points;
  return decimate(points.slice(0, cut), OLDER_POINTS).concat(points.slice(cut));
}
