import { z } from 'zod';
import { ZCredentialKind, ZCredentialQuery, ZNewCredential, ZUserPatch } from './credentials';
import { ZNewUser, ZRole } from './users';
import { ZIdParams, ZIsoTime } from './common';
import { endpoint } from './contract';

const ZUserInfo = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: ZIsoTime,
  /** when their newest live session started (sessions end at sign-out), if any */
  lastSignInAt: ZIsoTime.nullable(),
});
export type TUserInfo = z.infer<typeof ZUserInfo>;

const ZCredentialInfo = z.object({
  id: z.string(),
  kind: ZCredentialKind,
  name: z.string(),
  /** the secret's first characters, to tell keys apart; never the secret */
  prefix: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  room: z.object({ id: z.string(), slug: z.string() }).nullable(),
  createdAt: ZIsoTime,
  lastUsedAt: ZIsoTime.nullable(),
  revokedAt: ZIsoTime.nullable(),
});
export type TCredentialInfo = z.infer<typeof ZCredentialInfo>;

/** A new credential: its secret is in this answer and never again. */
const ZIssuedCredential = z.object({
  credential: z.object({
    id: z.string(),
    kind: ZCredentialKind,
    prefix: z.string(),
    roomId: z.string().nullable(),
    userId: z.string().nullable(),
  }),
  secret: z.string(),
  /** display links: the wall URL with the key */
  url: z.string().optional(),
});
export type TIssuedCredential = z.infer<typeof ZIssuedCredential>;

export const ADMIN = {
  users: endpoint({
    method: 'GET',
    path: '/api/v1/admin/users',
    tag: 'admin',
    access: 'admin',
    summary: 'Everyone with an account.',
    response: z.object({ users: z.array(ZUserInfo) }),
  }),
  addUser: endpoint({
    method: 'POST',
    path: '/api/v1/admin/users',
    tag: 'admin',
    access: 'admin',
    summary: 'Adds a person; the password is hashed by the auth library.',
    body: ZNewUser,
    response: z.object({ user: z.object({ id: z.string(), email: z.string(), role: ZRole }) }),
    status: 201,
  }),
  patchUser: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/users/{id}',
    tag: 'admin',
    access: 'admin',
    summary:
      'Changes a role, or disables or re-enables a person (disabling ends their sessions and sockets); the last admin keeps the role.',
    params: ZIdParams,
    body: ZUserPatch,
    response: z.object({ user: z.object({ id: z.string(), email: z.string(), disabled: z.boolean(), role: ZRole }) }),
  }),
  passwordLink: endpoint({
    method: 'POST',
    path: '/api/v1/admin/users/{id}/password-link',
    tag: 'admin',
    access: 'admin',
    summary: 'A one-time link (24 h) where the person chooses a new password; any earlier link stops working.',
    params: ZIdParams,
    response: z.object({ url: z.string(), email: z.string(), expiresAt: ZIsoTime }),
    status: 201,
  }),
  credentials: endpoint({
    method: 'GET',
    path: '/api/v1/admin/credentials',
    tag: 'admin',
    access: 'admin',
    summary: 'Tokens, ingest keys and display links with last use; never their secrets.',
    query: ZCredentialQuery,
    response: z.object({ credentials: z.array(ZCredentialInfo) }),
  }),
  issueCredential: endpoint({
    method: 'POST',
    path: '/api/v1/admin/credentials',
    tag: 'admin',
    access: 'admin',
    summary: 'Issues a credential; the answer carries its secret, the only time it is shown.',
    body: ZNewCredential,
    response: ZIssuedCredential,
    status: 201,
  }),
  revokeCredential: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/credentials/{id}',
    tag: 'admin',
    access: 'admin',
    summary: 'Revokes a credential by id or printed prefix; sockets using it close within seconds.',
    params: ZIdParams,
    response: z.object({ credential: z.object({ id: z.string(), kind: ZCredentialKind, revokedAt: ZIsoTime }) }),
  }),
};
