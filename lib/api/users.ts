import { z } from 'zod';
import { ROLES } from '../roles';

export const ZRole = z.enum(ROLES, { message: 'must be viewer, engineer, lead or admin' });

export const ZNewUser = z.object({
  email: z
    .email('must be an email address')
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, 'required').max(100),
  role: ZRole,
  password: z.string().min(8, 'at least 8 characters').max(200).optional(),
});
export type TNewUser = z.infer<typeof ZNewUser>;
