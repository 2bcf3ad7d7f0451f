import { AppError } from '../../errors';

import { ROLE_RANK, ROLES, type TRole } from '../../../lib/roles';

export { ROLES, type TRole };

/** Who is calling: a person (by session or personal token), an ingest key, a display link, or nobody. */
export type TActor =
  | {
      kind: 'user';
      userId: string;
      name: string;
      email: string;
      role: TRole;
      via: 'session' | 'token';
      credentialId?: string;
      sessionId?: string;
    }
  | { kind: 'ingest'; credentialId: string; roomId: string | null /** what the key is for ("grafana"), '' when unnamed */; name?: string }
  | { kind: 'display'; credentialId: string; roomId: string }
  | { kind: 'anonymous' }
  /** the server itself acting on a signal (a probe's check, a rule's evaluation): may raise alerts, nothing else */
  | { kind: 'system'; name: string }
  /** whoever runs the admin CLI: they have the server's shell and database, so they may do what an admin may; no person's id */
  | { kind: 'cli' };

export const ANONYMOUS: TActor = { kind: 'anonymous' };

function hasRole(actor: TActor, role: TRole): boolean {
  return actor.kind === 'user' && ROLE_RANK[actor.role] >= ROLE_RANK[role];
}

/** What a caller wants to do; checked the same way on HTTP and on the socket. */
export type TPermission =
  | 'room:read'
  | 'metrics:write'
  | 'alerts:write'
  | 'incident:comment'
  | 'incident:write'
  | 'incident:lead'
  | 'room:settings'
  | 'admin';

export function can(actor: TActor, permission: TPermission, roomId?: string): boolean {
  switch (actor.kind) {
    case 'anonymous':
      return false;
    case 'ingest':
      return (
        (permission === 'metrics:write' || permission === 'alerts:write') &&
        (actor.roomId === null || roomId === undefined || actor.roomId === roomId)
      );
    case 'display':
      return permission === 'room:read' && roomId === actor.roomId;
    case 'system':
      // Probe results are stored as series through the ordinary ingest.
      return permission === 'alerts:write' || permission === 'metrics:write';
    case 'cli':
      return true;
    case 'user':
      switch (permission) {
        case 'room:read':
        case 'incident:comment':
          return hasRole(actor, 'viewer');
        case 'metrics:write':
        case 'incident:write':
          return hasRole(actor, 'engineer');
        case 'alerts:write':
          return false;
        case 'incident:lead':
        case 'room:settings':
          return hasRole(actor, 'lead');
        case 'admin':
          return hasRole(actor, 'admin');
      }
  }
}

/** Throws 401 for nobody, 403 for a caller without the permission. */
export function assertCan(actor: TActor, permission: TPermission, roomId?: string): void {
  if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'sign in or send a valid Authorization: Bearer token');
  if (!can(actor, permission, roomId)) throw new AppError('forbidden', `not allowed: ${permission}`);
}

/** The id and display name written as a change's author. */
export function authorOf(actor: TActor): { id: string | null; name: string } {
  switch (actor.kind) {
    case 'user':
      return { id: actor.userId, name: actor.name };
    case 'ingest':
      return { id: null, name: actor.name || 'ingest key' };
    case 'display':
      return { id: null, name: 'display' };
    case 'anonymous':
      return { id: null, name: 'anonymous' };
    case 'system':
      return { id: null, name: actor.name };
    case 'cli':
      return { id: null, name: 'admin CLI' };
  }
}
