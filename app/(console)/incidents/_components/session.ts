import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '@/server/context';
import type { TRole } from '@/lib/roles';
import type { TActor } from '@/server/services/access/actor';

export interface TMe {
  id: string;
  name: string;
  role: TRole;
}

/** The signed-in person as the access rules see them, or null (no session, or a screen's display link). */
export async function currentUser(): Promise<Extract<TActor, { kind: 'user' }> | null> {
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  return actor?.kind === 'user' ? actor : null;
}

/** The signed-in person, or null (no session, or a screen's display link). */
async function currentMe(): Promise<TMe | null> {
  const actor = await currentUser();
  return actor ? { id: actor.userId, name: actor.name, role: actor.role } : null;
}

/** The signed-in person for a console page, or a redirect to /login that comes back here. */
export async function requireMe(next: string): Promise<TMe> {
  const me = await currentMe();
  if (!me) redirect(`/login?next=${encodeURIComponent(next)}`);
  return me;
}
