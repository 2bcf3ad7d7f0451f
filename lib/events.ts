import type { TAck } from './errors';
import type { TChartPoint, TSeriesLatest, TSeriesPoints } from './schemas/metrics';
import type { TIncidentDto, TIncidentEntryDto } from './schemas/incidents';
import type { THandoverDto } from './schemas/night';

export interface TRoomInfo {
  id: string;
  slug: string;
  name: string;
  locale: 'en' | 'zh';
  timeZone: string;
  goLiveAt: string | null;
  idleClaimMinutes: number;
  staleAfterSeconds: number;
  isDefault: boolean;
}

export interface TMilestoneInfo {
  id: string;
  seriesName: string;
  threshold: number;
  label: string;
  reachedAt: string | null;
}

export interface TAnnotationInfo {
  id: string;
  time: string;
  label: string;
}

/** Everything a screen needs on (re)connect; later pushes are deltas against it. */
export interface TRoomSnapshot {
  room: TRoomInfo;
  /** the server's clock (epoch ms) when the snapshot was taken: screens follow it, not their own */
  serverTime: number;
  latest: TSeriesLatest[];
  history: TSeriesPoints[];
  milestones: TMilestoneInfo[];
  annotations: TAnnotationInfo[];
}

/** One coalesced push of a room's metric changes since the previous push. */
export interface TMetricsUpdate {
  roomId: string;
  serverTime: number;
  latest: TSeriesLatest[];
  /** new chart points of the headline series (and any series with few points) */
  points: { name: string; labels: Record<string, string>; points: TChartPoint[] }[];
}

/** Pushes: server → client. Nouns, `domain:action`. */
export interface ServerToClientEvents {
  'metrics:update': (update: TMetricsUpdate) => void;
  'room:changed': (p: { roomId: string }) => void;
  /** an incident changed: its current state and the timeline entries appended (setQueryData, dedupe by entry id) */
  'incident:changed': (p: { roomId: string; incidentId: string; seq: number; incident?: TIncidentDto; entries?: TIncidentEntryDto[] }) => void;
  /** to the named lead's own channel (user:<id>): they were pulled into an incident */
  'incident:escalated': (p: { incident: TIncidentDto; entry: TIncidentEntryDto }) => void;
  /** sent before the server closes a socket whose access was revoked */
  'session:revoked': (p: { reason: string }) => void;
  'clock:tick': (p: { serverTime: number }) => void;
  /** a shift handover was created or accepted (acceptedAt set: a new lead is on duty) */
  'handover:changed': (p: { roomId: string; handover: THandoverDto }) => void;
  /** a series' planned curve was set: refetch GET /rooms/:room/plan */
  'plan:changed': (p: { roomId: string; series: string }) => void;
}

/** Commands: client → server. Verbs, each with an ack. */
export interface ClientToServerEvents {
  /** joins a room's incident channel; answers what was missed after afterSeq (catch-up without duplicates) */
  'incidents:subscribe': (p: { room?: string; afterSeq?: number }, ack: (r: TAck<TIncidentsSubscribed>) => void) => void;
  'room:join': (p: { room?: string }, ack: (r: TAck<TRoomSnapshot>) => void) => void;
  /** the same actions as POST /incidents/:id/claim, /updates and /comments, by the same rules */
  'incident:claim': (p: { id: string; room?: string }, ack: (r: TAck<TIncidentDto>) => void) => void;
  'incident:post': (p: { id: string; room?: string; body: string; status?: string; version?: number }, ack: (r: TAck<TIncidentEntryDto>) => void) => void;
  'incident:comment': (p: { id: string; room?: string; body: string }, ack: (r: TAck<TIncidentEntryDto>) => void) => void;
  'room:leave': (p: { roomId: string }, ack: (r: TAck<null>) => void) => void;
}

export interface InterServerEvents {}

export interface SocketData {
  /** filled by the handshake; see server/realtime/auth.ts */
  actor: unknown;
}

/** socket.io room name of a Warroom room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const userChannel = (userId: string) => `user:${userId}`;
export const credentialChannel = (credentialId: string) => `cred:${credentialId}`;

/** The answer to incidents:subscribe: who I am, the server clock, and every entry after the cursor. */
export interface TIncidentsSubscribed {
  roomId: string;
  roomSlug: string;
  serverTime: number;
  me: { id: string; name: string; role: string } | null;
  /** the room's latest timeline seq: the next cursor */
  lastSeq: number;
  entries: TIncidentEntryDto[];
  incidents: TIncidentDto[];
  /** false when more was missed than one answer carries: refetch whole */
  complete: boolean;
}
