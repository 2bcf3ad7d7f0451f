import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { guardedRoom } from '../room-access';
import { FleetScreen } from './fleet-screen';
import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('servers');
export const dynamic = 'force-dynamic';

/** The fleet of a room: every server seen, worst first, outliers marked; leads drain and restore. In the person's language (?lang= still picks one). The [room] layout guards. */
export default async function ServersPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ lang?: string }>;
}) {
  const { room: slug } = await params;
  const { lang } = await searchParams;
  const access = await guardedRoom(slug);
  if (!access) return null;
  const { room, can } = access;
  const locale = lang === 'zh' || lang === 'en' ? lang : ((await getLocale()) as 'en' | 'zh');
  const screen = (
    <FleetScreen
      slug={room.slug}
      roomName={room.name}
      locale={locale}
      canDrain={can('room:settings')}
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
