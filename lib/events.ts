// Socket payload shapes are inferred from the schemas in lib/api/realtime.ts (type-only: no zod in screens).
import type { TAck } from './errors';
import type { z } from 'zod';
import type {
  ZChannelHealthChanged,
  ZHandoverChanged,
  ZIncidentChanged,
  ZIncidentsSubscribed,
  ZMetricsUpdate,
  ZPlanChanged,
  ZRoomSnapshot,
} from './api/realtime';
import type { TIncidentDto } from './api/incidents';
import type { TIncidentEntryDto } from './api/incident-timeline';
import type { TProbe } from './api/signals';
import type { TStatusSummary } from './api/status';

export type TRoomSnapshot = z.infer<typeof ZRoomSnapshot>;
export type TMetricsUpdate = z.infer<typeof ZMetricsUpdate>;
type TIncidentChanged = z.infer<typeof ZIncidentChanged>;
export type TIncidentsSubscribed = z.infer<typeof ZIncidentsSubscribed>;

/** Pushes: server → client. Nouns, `domain:action`. */
export interface ServerToClientEvents {
  'metrics:update': (update: TMetricsUpdate) => void;
  'room:changed': (p: { roomId: string }) => void;
  /** an incident changed: its current state and the timeline entries appended (setQueryData, dedupe by entry id) */
  'incident:changed': (p: TIncidentChanged) => void;
  /** to the named lead's own channel (user:<id>): they were pulled into an incident */
  'incident:escalated': (p: { incident: TIncidentDto; entry: TIncidentEntryDto }) => void;
  /** a server was drained or restored: screens refetch the fleet (and the wall's strip shows it at once) */
  'servers:changed': (p: { roomId: string; server: string; action: 'drain' | 'restore'; drained: string[] }) => void;
  /** a probe was checked, changed or deleted (probe null): replace it in the room's probe list */
  'probe:changed': (p: { roomId: string; probeId: string; probe: TProbe | null; serverTime: number }) => void;
  /** sent before the server closes a socket whose access was revoked */
  'session:revoked': (p: { reason: string }) => void;
  'clock:tick': (p: { serverTime: number }) => void;
  /** a shift handover was created or accepted (acceptedAt set: a new lead is on duty) */
  'handover:changed': (p: z.infer<typeof ZHandoverChanged>) => void;
  /** a series' planned curve was set: refetch GET /rooms/:room/plan */
  'plan:changed': (p: z.infer<typeof ZPlanChanged>) => void;
  /** the room's capacity headroom was evaluated (a bucket passed, a server drained, the model changed): refetch GET /rooms/:room/capacity */
  'capacity:changed': (p: { roomId: string }) => void;
  /** the room's failing notification channels changed: the whole list (setQueryData) */
  'channels:health': (p: z.infer<typeof ZChannelHealthChanged>) => void;
}

/** Commands: client → server. Verbs, each with an ack. */
export interface ClientToServerEvents {
  /** joins a room's incident channel; answers what was missed after afterSeq (catch-up without duplicates) */
  'incidents:subscribe': (p: { room?: string; afterSeq?: number }, ack: (r: TAck<TIncidentsSubscribed>) => void) => void;
  'room:join': (p: { room?: string }, ack: (r: TAck<TRoomSnapshot>) => void) => void;
  /** the same actions as POST /incidents/:id/claim, /updates and /comments, by the same rules */
  'incident:claim': (p: { id: string; room?: string }, ack: (r: TAck<TIncidentDto>) => void) => void;
  'incident:post': (
    p: { id: string; room?: string; body: string; status?: string; version?: number },
    ack: (r: TAck<TIncidentEntryDto>) => void,
  ) => void;
  'incident:comment': (p: { id: string; room?: string; body: string }, ack: (r: TAck<TIncidentEntryDto>) => void) => void;
  'room:leave': (p: { roomId: string }, ack: (r: TAck<null>) => void) => void;
}

/**
 * The public status namespace (`/status`): no credential, nothing to send.
 * A socket names its page in the handshake (`auth: {room}`) and only ever
 * receives that page's public summary when it changes.
 */
export interface StatusServerToClientEvents {
  'status:changed': (p: { etag: string; summary: TStatusSummary }) => void;
}
export const STATUS_NAMESPACE = '/status';
/** socket.io room of a status page's watchers (in the /status namespace only). */
export const statusChannel = (roomId: string) => `status:${roomId}`;

/** socket.io room name of a Warroom room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const userChannel = (userId: string) => `user:${userId}`;
export const credentialChannel = (credentialId: string) => `cred:${credentialId}`;
