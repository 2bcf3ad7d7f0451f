import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ReadOnly } from '@/app/_ui/read-only';
import { roomAccess } from './room-access';

/**
 * The guard of a room's console pages: session → room → may read it, once,
 * through the one way into a room (./room-access.ts). A refusal is shown in
 * the words each page has always used. Pages read the same (cached) answer
 * for the room and the person's permissions, so none redoes the checks.
 *
 * The printable report is left to its own reads (a display link opens it
 * without a session, as the CLI's PDF does) and so is the handover page,
 * whose screen reports a missing room through its API calls.
 */
export default async function RoomLayout({ children, params }: { children: ReactNode; params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const path = (await headers()).get('x-warroom-path') ?? `/rooms/${slug}`;
  const page = /^\/rooms\/[^/]+\/([^/]+)/.exec(path)?.[1] ?? '';
  if (!GUARDED.has(page)) return children;
  const access = await roomAccess(slug);
  // An archived room is read-only (its writes answer 409 room_archived; the banner under the nav says
  // so): every form control of the page is disabled at once, its links and reads stay.
  if (access.ok && access.room.archivedAt) return <ReadOnly>{children}</ReadOnly>;
  if (access.ok) return children;
  if (access.reason === 'no-read' || page === 'servers') {
    const text = access.reason === 'no-read' ? (await getTranslations('room'))('noRead') : access.message;
    return <main className="p-6 text-crit">{text}</main>;
  }
  if (page === 'status') {
    return (
      <main className="p-6">
        <h1 className="text-xl font-semibold">{(await getTranslations('probes'))('noRoom')}</h1>
      </main>
    );
  }
  const title = (await getTranslations(page === 'settings' || page === 'notifications' ? page : 'probes'))('noRoom');
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-dim">{access.message}</p>
    </main>
  );
}

const GUARDED = new Set(['servers', 'settings', 'probes', 'status', 'notifications']);
