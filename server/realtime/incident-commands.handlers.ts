import { z } from 'zod';
import { ZComment, ZPostUpdate } from '../../lib/api/incident-requests';
import { ZRoomSlug } from '../../lib/api/common';
import type { TServiceContext } from '../context';
import { claimIncident } from '../services/incidents/claim-incident';
import { postUpdate } from '../services/incidents/post-update';
import { commentIncident } from '../services/incidents/timeline-notes';
import type { TSocket } from './types';
import { withSchema } from './with-schema';

/** Which incident a command is about: its id or number, and the room for a number. */
const ZRef = { id: z.string().min(1, 'required').max(64), room: ZRoomSlug.optional() };
// Built once: schema construction per connection was a visible share of a 10,000-screen join storm.
const ZClaimCommand = z.strictObject(ZRef);
const ZPostCommand = ZPostUpdate.extend(ZRef);
const ZCommentCommand = ZComment.extend(ZRef);

/**
 * Incident commands over the socket, for screens that already hold one open:
 * the same services and the same permission checks (assertCan inside each
 * service) as the HTTP routes, so a viewer's socket can comment but not claim.
 * The change itself reaches every screen as `incident:changed`.
 */
export function registerIncidentCommandHandlers(ctx: TServiceContext, socket: TSocket): void {
  const actor = socket.data.actor;
  socket.on(
    'incident:claim',
    withSchema(ZClaimCommand, ({ id, room }) => claimIncident({ ctx, actor, ref: id, room })),
  );
  socket.on(
    'incident:post',
    withSchema(ZPostCommand, ({ id, room, ...input }) => postUpdate({ ctx, actor, ref: id, room, input })),
  );
  socket.on(
    'incident:comment',
    withSchema(ZCommentCommand, ({ id, room, ...input }) => commentIncident({ ctx, actor, ref: id, room, input })),
  );
}
