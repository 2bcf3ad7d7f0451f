import { z } from 'zod';
import { ZRoomSlug } from './common';
import { ZRole } from './users';

export const ZCredentialKind = z.enum(['token', 'ingest', 'display']);

/** POST /api/v1/admin/credentials */
export const ZNewCredential = z
  .object({
    kind: ZCredentialKind,
    name: z.string().trim().max(100).optional(),
    /** token: whose token it is */
    email: z.email('must be an email address').max(254).optional(),
    /** ingest (optional, default any room) and display (default room when absent) */
    room: ZRoomSlug.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'token' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'required for a personal token' });
    if (v.kind === 'token' && v.room) ctx.addIssue({ code: 'custom', path: ['room'], message: 'a personal token is not bound to a room' });
  });
export type TNewCredential = z.infer<typeof ZNewCredential>;

/** GET /api/v1/admin/credentials?kind=&all=1 */
export const ZCredentialQuery = z.object({ kind: ZCredentialKind.optional(), all: z.enum(['0', '1']).optional() }).strict();

/** PATCH /api/v1/admin/users/:id */
export const ZUserPatch = z
  .strictObject({ disabled: z.boolean().optional(), role: ZRole.optional() })
  .refine((p) => p.disabled !== undefined || p.role !== undefined, 'name disabled or role');
