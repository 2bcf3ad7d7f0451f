import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { can } from '@/server/services/access/actor';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { isAppError } from '@/server/errors';
import { FleetScreen } from './fleet-screen';
import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('servers');
export const dynamic = 'force-dynamic';

/** The fleet of a room: every server seen, worst first, outliers marked; leads drain and restore. In the person's language (?lang= still picks one). */
export default async function ServersPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ lang?: string }>;
}) {
  const { room: slug } = await params;
  const { lang } = await searchParams;
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  if (!actor) redirect(`/login?next=${encodeURIComponent(`/rooms/${slug}/servers`)}`);
  let room: Awaited<ReturnType<typeof resolveRoom>>;
  try {
    room = await resolveRoom({ ctx: rt, slug });
  } catch (err) {
    if (isAppError(err)) return <main className="p-6 text-crit">{err.message}</main>;
    throw err;
  }
  if (!can(actor, 'room:read', room.id)) return <main className="p-6 text-crit">{(await getTranslations('room'))('noRead')}</main>;
  const locale = lang === 'zh' || lang === 'en' ? lang : ((await getLocale()) as 'en' | 'zh');
  const screen = (
    <FleetScreen
      slug={room.slug}
      roomName={room.name}
      locale={locale}
      canDrain={can(actor, 'room:settings', room.id)}
      capacityWords={CAPACITY_WORDS[locale]}
    />
  );
  if (!lang || locale === (await getLocale())) return screen;
  // ?lang= shows the page in another language than the person's (a shared link, a test).
  const messages = (await import(`@/messages/${locale}.json`)).default;
  return (
    <NextIntlClientProvider locale={locale} messages={{ servers: messages.servers, common: messages.common }}>
      {screen}
    </NextIntlClientProvider>
  );
}
