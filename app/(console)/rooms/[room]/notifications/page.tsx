import { getTranslations } from 'next-intl/server';
import { titled } from '@/lib/i18n/page-title';
import { guardedRoom } from '../room-access';
import { NotificationsScreen } from './notifications-screen';

export const generateMetadata = titled('notifications');
export const dynamic = 'force-dynamic';

/**
 * A room's notification channels and delivery log. Leads and admins only, as
 * the API is (channel URLs and delivery errors name the team's chat bots);
 * others are told so. The [room] layout guards the room; the API checks again on every call.
 */
export default async function NotificationsPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const access = await guardedRoom(slug);
  if (!access) return null;
  const { room, can } = access;
  const t = await getTranslations('notifications');
  if (!can('room:settings')) return <Notice title={t('title')} text={t('leadsOnly')} testId="leads-only" />;
  return <NotificationsScreen slug={room.slug} roomName={room.name} roomLanguage={room.locale === 'zh' ? 'zh' : 'en'} />;
}

function Notice({ title, text, testId }: { title: string; text: string; testId?: string }) {
  return (
    <main className="p-6" data-testid={testId}>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-dim">{text}</p>
    </main>
  );
}
