import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '@/server/context';
import type { TRole } from '@/lib/roles';

export interface TMe {
  id: string;
  name: string;
  role: TRole;
}

/** The signed-in person, or null (no session, or a screen's display link). */
async function currentMe(): Promise<TMe | null> {
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  return actor?.kind === 'user' ? { id: actor.userId, name: actor.name, role: actor.role } : null;
}

/** The signed-in person for a console page, or a redirect to /login that comes back here. */
export async function requireMe(next: string): Promise<TMe> {
  const me = await currentMe();
  if (!me) redirect(`/login?next=${encodeURIComponent(next)}`);
  return me;
}
