import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { isAppError } from '@/server/errors';
import { getPublicStatus } from '@/server/services/status/public-status';
import { PublicStatusView } from './public-status-view';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ room: string }>; searchParams: Promise<{ lang?: string }> };

async function load(slug: string) {
  try {
    return (await getPublicStatus({ ctx: getRuntime(), slug })).status;
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { room } = await params;
  const s = await load(room);
  const locale = pickLocale((await searchParams).lang, s.room.locale);
  const t = await getTranslations({ locale, namespace: 'statusPage' });
  return {
    title: t('heading', { title: s.title }),
    description: t(`overall.${s.summary.status.indicator}`),
    alternates: { types: { 'application/atom+xml': `/status/${s.room.slug}/feed.atom` } },
    robots: { index: true },
  };
}

const pickLocale = (asked: string | undefined, room: 'en' | 'zh'): 'en' | 'zh' => (asked === 'en' || asked === 'zh' ? asked : room);

/**
 * The public status page: no sign-in, rendered here in full (correct with
 * scripts off), in the room's language unless ?lang= asks for the other.
 * A small client part keeps it live over the read-only /status socket.
 */
export default async function PublicStatusPage({ params, searchParams }: TProps) {
  const { room } = await params;
  const s = await load(room);
  const locale = pickLocale((await searchParams).lang, s.room.locale);
  return (
    <PublicStatusView
      status={s}
      locale={locale}
      t={await getTranslations({ locale, namespace: 'statusPage' })}
      subscribe={Boolean(getRuntime().config.WARROOM_SMTP_URL)}
    />
  );
}
