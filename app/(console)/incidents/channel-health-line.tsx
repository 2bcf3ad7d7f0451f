'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useChannelHealthQuery } from '@/lib/client/use-channel-health';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import { useTimeOf } from './_components/ui';

/**
 * Above the incident log, where a lead looks first: the channels the room
 * cannot reach people through ("DingTalk “ops” failing since 12:03:10 ·
 * 14 min"), live; nothing while every channel works.
 */
export function ChannelHealthLine({ room, now }: { room: string | undefined; now: number }) {
  const t = useTranslations('incidents');
  const locale = useLocale() as TLocale;
  const timeOf = useTimeOf();
  const failing = useChannelHealthQuery(room, null, 'session').data?.failing;
  if (!failing?.length) return null;
  return (
    <section
      role="status"
      aria-label={t('channelFailingTitle')}
      data-testid="reach-warning"
      className="space-y-1 rounded-md border border-warn bg-warn/10 px-3 py-2 text-sm text-warn"
    >
      {failing.map((c) => (
        <p key={c.id} data-testid="channel-failing" title={c.lastError ?? undefined}>
          ⚠{' '}
          {t('channelFailing', {
            kind: t(`channelKind.${c.kind}`),
            name: c.name,
            time: timeOf(c.failingSince),
            age: formatDuration(now - Date.parse(c.failingSince), locale),
          })}
        </p>
      ))}
    </section>
  );
}
