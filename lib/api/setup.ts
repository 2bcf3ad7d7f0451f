import { z } from 'zod';
import { ZNewUser, ZRole } from './users';
import { endpoint } from './contract';

const ZPassword = z.string({ message: 'required' }).min(8, 'at least 8 characters').max(200, 'at most 200 characters');

/** The first admin of a new install, from /setup. */
const ZFirstAdmin = z.strictObject({ email: ZNewUser.shape.email, name: ZNewUser.shape.name, password: ZPassword });
const ZRedeemPasswordLink = z.strictObject({
  token: z.string({ message: 'required' }).min(10, 'not a link token').max(200),
  password: ZPassword,
});

export const SETUP = {
  setup: endpoint({
    method: 'POST',
    path: '/api/v1/setup',
    tag: 'accounts',
    access: 'anyone, while no account exists',
    status: 201,
    summary: 'Creates the first admin of a new install (the /setup page); 409 once anyone exists.',
    body: ZFirstAdmin,
    response: z.object({ user: z.object({ id: z.string(), email: z.string(), role: ZRole }) }),
  }),
  redeemPasswordLink: endpoint({
    method: 'POST',
    path: '/api/v1/password-links/redeem',
    tag: 'accounts',
    access: 'anyone with the link',
    summary: 'Chooses a password with a one-time link (from `user add` without a password, or a reset); the link is then spent.',
    body: ZRedeemPasswordLink,
    response: z.object({ email: z.string() }),
  }),
};
