import { getTranslations } from 'next-intl/server';
import { titled } from '@/lib/i18n/page-title';
import { getRuntime } from '@/server/context';
import { isAppError } from '@/server/errors';
import { can } from '@/server/services/access/actor';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { requireMe } from '../../../incidents/_components/session';
import { NotificationsScreen } from './notifications-screen';

export const generateMetadata = titled('notifications');
export const dynamic = 'force-dynamic';

/**
 * A room's notification channels and delivery log. Leads and admins only, as
 * the API is (channel URLs and delivery errors name the team's chat bots);
 * others are told so. The API checks again on every call.
 */
export default async function NotificationsPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const me = await requireMe(`/rooms/${slug}/notifications`);
  const t = await getTranslations('notifications');
  let room: Awaited<ReturnType<typeof resolveRoom>>;
  try {
    room = await resolveRoom({ ctx: getRuntime(), slug });
  } catch (err) {
    if (isAppError(err)) return <Notice title={t('noRoom')} text={err.message} />;
    throw err;
  }
  const actor = { kind: 'user' as const, userId: me.id, name: me.name, email: '', role: me.role, via: 'session' as const };
  if (!can(actor, 'room:settings', room.id)) return <Notice title={t('title')} text={t('leadsOnly')} testId="leads-only" />;
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
