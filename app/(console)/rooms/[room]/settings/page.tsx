import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { can } from '@/server/services/access/actor';
import { resolveRoom } from '@/server/services/rooms/resolve-room';
import { isAppError } from '@/server/errors';
import { RoomSettingsScreen } from './room-settings-screen';
import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('settings');
export const dynamic = 'force-dynamic';

/** A room's go-live time, milestones, annotations and safety lines. Leads and admins; the API checks again on every call. */
export default async function RoomSettingsPage({ params }: { params: Promise<{ room: string }> }) {
  const { room: slug } = await params;
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  if (!actor) redirect(`/login?next=${encodeURIComponent(`/rooms/${slug}/settings`)}`);
  const t = await getTranslations('settings');
  const locale = (await getLocale()) as 'en' | 'zh';
  let room: Awaited<ReturnType<typeof resolveRoom>>;
  try {
    room = await resolveRoom({ ctx: rt, slug });
  } catch (err) {
    if (isAppError(err)) return <Notice title={t('noRoom')} text={err.message} />;
    throw err;
  }
  if (!can(actor, 'room:settings', room.id)) {
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
