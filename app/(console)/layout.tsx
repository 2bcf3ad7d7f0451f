import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { CONSOLE_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import { roleAtLeast } from '@/lib/roles';
import { getRuntime } from '@/server/context';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { ConsoleNav } from './_nav/console-nav';
import { EscalationBanner } from './incidents/_components/escalation-banner';
import { currentMe } from './incidents/_components/session';

/**
 * Every console page: one nav bar showing what the person's role allows, the
 * escalation banner once, and the person's language (next-intl) for every
 * word below. A page without a signed-in person still redirects to /login itself.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [me, locale, messages, defaultRoom] = await Promise.all([currentMe(), getLocale(), getMessages(), defaultRoomSlug()]);
  const picked = Object.fromEntries(CONSOLE_CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <div lang={locale}>
        {me && (
          <ConsoleNav
            me={{ name: me.name, role: me.role }}
            can={{ settings: roleAtLeast(me.role, 'lead'), admin: me.role === 'admin' }}
            defaultRoom={defaultRoom}
          />
        )}
        {me && <EscalationBanner />}
        {children}
      </div>
    </NextIntlClientProvider>
  );
}

/** The install's default room: what a page naming no room (/incidents) is about. */
async function defaultRoomSlug(): Promise<string> {
  try {
    return (await resolveRoom({ ctx: getRuntime() })).slug;
  } catch {
    return 'launch';
  }
}
