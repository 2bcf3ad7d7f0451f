'use client';

import type { TClientSocket } from '@/lib/client/socket';
import { formatTimeOfDay } from '@/lib/format/time';
import type { TLocale } from '@/lib/format/number';
import { api } from '@/lib/client/api';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';
import { NIGHT_WALL_LABELS } from './night-labels';

/** "On duty: Qian Lan since 08:02": the lead of the last accepted handover, pushed live when a new one accepts. */
export function OnDuty({
  slug,
  displayKey,
  socket,
  locale,
  timeZone,
}: {
  slug: string | undefined;
  displayKey: string | null;
  socket: TClientSocket | null;
  locale: TLocale;
  timeZone: string;
}) {
  const { data } = useLiveQuery({
    queryKey: queryKeys.handovers(slug),
    enabled: Boolean(slug),
    retry: 3,
    queryFn: () => api.night.listHandovers({ params: { room: slug! }, token: displayKey }),
    socket,
    join: { room: slug },
    on: { 'handover:changed': 'refetch' },
  });
  if (!data?.onDuty) return null;
  const t = NIGHT_WALL_LABELS[locale];
  return (
    <span className="truncate" data-testid="on-duty">
      {t.onDuty}: <span className="font-semibold text-ink">{data.onDuty.person.name}</span> {t.since}{' '}
      {formatTimeOfDay(Date.parse(data.onDuty.since), timeZone)}
    </span>
  );
}
