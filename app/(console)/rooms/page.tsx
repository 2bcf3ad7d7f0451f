import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { titled } from '@/lib/i18n/page-title';
import { getRuntime } from '@/server/context';
import { RoomsScreen } from './rooms-screen';

export const generateMetadata = titled('rooms');
export const dynamic = 'force-dynamic';

/** Every room, with its open incidents and live headline; admins create and archive (the API checks again). */
export default async function RoomsPage() {
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  if (!actor) redirect('/login?next=%2Frooms');
  return <RoomsScreen isAdmin={actor.kind === 'user' && actor.role === 'admin'} />;
}
