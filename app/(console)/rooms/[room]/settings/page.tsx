import { getLocale, getTranslations } from 'next-intl/server';
import { guardedRoom } from '../room-access';
import { RoomSettingsScreen } from './room-settings-screen';
import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('settings');
export const dynamic = 'force-dynamic';

/** A room's go-live time, milestones, annotations and safety lines. Leads and admins (the [room] layout guards the room); the API checks again on every call. */
export default async function RoomSettingsPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const access = await guardedRoom(slug);
  if (!access) return null;
  const { room, can } = access;
  const t = await getTranslations('settings');
  const locale = (await getLocale()) as 'en' | 'zh';
  if (!can('room:settings')) {
    return <Notice title={t('title2')} text={t('leadsOnly')} />;
  }
  return <RoomSettingsScreen slug={room.slug} capacityWords={CAPACITY_WORDS[locale]} />;
}

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-dim">{text}</p>
    </main>
  );
}
