import type { TServiceContext } from '../context';
import { claimIncident } from '../services/incidents/claim-incident';
import { postUpdate } from '../services/incidents/post-update';
import { commentIncident } from '../services/incidents/comment-incident';
import type { TSocket } from './types';
import { onCommand } from './with-schema';

/**
 * Incident commands over the socket, for screens that already hold one open:
 * the same services and the same permission checks (assertCan inside each
 * service) as the HTTP routes, so a viewer's socket can comment but not claim.
 * Payloads are the schemas of INCIDENTS_SOCKET (lib/api/incidents-socket.ts). The
 * change itself reaches every screen as `incident:changed`.
 */
export function registerIncidentCommandHandlers(ctx: TServiceContext, socket: TSocket): void {
  const actor = socket.data.actor;
  onCommand(socket, 'incident:claim', ({ id, room }) => claimIncident({ ctx, actor, ref: id, room }));
  onCommand(socket, 'incident:post', ({ id, room, ...input }) => postUpdate({ ctx, actor, ref: id, room, input }));
  onCommand(socket, 'incident:comment', ({ id, room, ...input }) => commentIncident({ ctx, actor, ref: id, room, input }));
}
