import { getLocale } from 'next-intl/server';
import { SHELL_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import { roleAtLeast } from '@/lib/roles';
import { getRuntime } from '@/server/context';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { ClientWords } from './_lang/client-words';
import { ConsoleNav } from './_nav/console-nav';
import { EscalationBanner } from './incidents/_components/escalation-banner';
import { signedInHome } from '@/app/_home/initial-data';

/**
 * Every console page: one nav bar showing what the person's role allows, the
 * escalation banner once, and the person's language (next-intl). The client
 * gets the frame's words here; each section's layout (incidents, rooms,
 * admin, help) adds the rest of the console's, so the phone's summary (`/`,
 * whose words come from the server) carries only these.
 * A page without a signed-in person still redirects to /login itself.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [home, locale, fallback] = await Promise.all([signedInHome().catch(() => null), getLocale(), defaultRoomOf()]);
  const defaultRoom = fallback.slug;
  const me = home && { name: home.actor.name, role: home.actor.role };
  // `/` shows the room the person used last: the nav names that one there, not the install's default.
  const homeRoom = home?.room?.slug ?? defaultRoom;
  // The names of the rooms the server already read, so the room switcher's first paint names them before its list arrives.
  const roomNames: Record<string, string> = { [fallback.slug]: fallback.name };
  if (home?.room) roomNames[home.room.slug] = home.room.name;
  return (
    <ClientWords namespaces={SHELL_CLIENT_NAMESPACES}>
      <div lang={locale}>
        {me && (
          <ConsoleNav
            me={me}
            can={{ settings: roleAtLeast(me.role, 'lead'), admin: me.role === 'admin' }}
            defaultRoom={defaultRoom}
            homeRoom={homeRoom}
            roomNames={roomNames}
          />
        )}
        {me && <EscalationBanner />}
        {children}
      </div>
    </ClientWords>
  );
}

/** The install's default room: what a page naming no room (/incidents) is about. */
async function defaultRoomOf(): Promise<{ slug: string; name: string }> {
  try {
    const room = await resolveRoom({ ctx: getRuntime() });
    return { slug: room.slug, name: room.name };
  } catch {
    return { slug: 'launch', name: 'launch' };
  }
}
