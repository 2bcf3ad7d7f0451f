import { randomBytes } from 'node:crypto';
import { holdWorkerLease, releaseWorkerLease } from '../../reactors/worker-lease';
import { needsSetup } from './needs-setup';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { createUser } from './create-user';

/** The claim that lets one visitor of /setup at a time create the first admin; expires should its holder die midway. */
const SETUP_CLAIM = 'first-admin-setup';
const SETUP_CLAIM_MS = 30_000;

/**
 * The first person to open /setup on a new install becomes its admin. Once
 * anyone exists this refuses (409), so the page cannot be used to take over.
 * Visitors at the same moment (in one process or several) take turns through
 * a row claim the database keeps unique: the holder checks again that nobody
 * exists, creates the admin and lets go; everyone else is refused at once.
 */
export async function createFirstAdmin(opts: {
  ctx: TServiceContext;
  input: { email: string; name: string; password: string };
}): Promise<{ id: string; email: string; role: string }> {
  const { ctx, input } = opts;
  const taken = () => new AppError('conflict', 'Warroom is already set up; sign in, or ask an admin for an account');
  if (!(await needsSetup({ ctx }))) throw taken();
  const owner = `setup:${randomBytes(8).toString('hex')}`;
  if (!(await holdWorkerLease(ctx, SETUP_CLAIM, owner, SETUP_CLAIM_MS))) {
    throw new AppError('conflict', 'someone else is setting Warroom up at this moment; sign in, or ask them for an account');
  }
  try {
    if (!(await needsSetup({ ctx }))) throw taken();
    const user = await createUser({ ctx, input: { ...input, role: 'admin' } });
    return { id: user.id, email: user.email, role: user.role };
  } finally {
    await releaseWorkerLease(ctx, SETUP_CLAIM, owner);
  }
}
