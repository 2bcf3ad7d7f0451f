import { z } from 'zod';
import { ZRoomSlug } from './common';
import { socketCommand, socketPush } from './contract';
import { ZComment, ZIncidentsSubscribe, ZPostUpdate } from './incident-requests';
import { ZIncidentEntryDto } from './incident-timeline';
import { ZIncidentDto } from './incidents';

/** An incident changed: its current state and the timeline entries appended (screens dedupe by entry id). */
const ZIncidentChanged = z.object({
  roomId: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  incident: ZIncidentDto,
  entries: z.array(ZIncidentEntryDto),
});

/** The answer to incidents:subscribe: who I am, the server clock, and every entry after the cursor. */
const ZIncidentsSubscribed = z.object({
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

/** Which incident a command is about: its id or number, and the room for a number. */
const ZRef = { id: z.string().min(1, 'required').max(64), room: ZRoomSlug.optional() };

/**
 * What the socket carries about incidents (lib/api/socket.ts gathers every
 * resource's). The commands are the same actions as POST /incidents/:id/claim,
 * /updates and /comments, by the same services and permission checks.
 */
export const INCIDENTS_SOCKET = {
  commands: {
    'incidents:subscribe': socketCommand({
      summary: "joins a room's incident channel; answers what was missed after afterSeq (catch-up without duplicates)",
      payload: ZIncidentsSubscribe,
      answer: ZIncidentsSubscribed,
    }),
    'incident:claim': socketCommand({
      summary: 'the caller becomes the owner (as POST /incidents/{id}/claim)',
      payload: z.strictObject(ZRef),
      answer: ZIncidentDto,
    }),
    'incident:post': socketCommand({
      summary: 'posts an update, optionally changing the status (as POST /incidents/{id}/updates)',
      payload: ZPostUpdate.extend(ZRef),
      answer: ZIncidentEntryDto,
    }),
    'incident:comment': socketCommand({
      summary: 'comments on the timeline; viewers may (as POST /incidents/{id}/comments)',
      payload: ZComment.extend(ZRef),
      answer: ZIncidentEntryDto,
    }),
  },
  pushes: {
    'incident:changed': socketPush({
      summary: 'an incident changed: its current state and the timeline entries appended (setQueryData, dedupe by entry id)',
      payload: ZIncidentChanged,
    }),
    'incident:escalated': socketPush({
      summary: "to the named lead's own channel (user:<id>): they were pulled into an incident",
      payload: z.object({ incident: ZIncidentDto, entry: ZIncidentEntryDto }),
    }),
  },
};
