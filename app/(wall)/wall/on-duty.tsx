'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TClientSocket } from '@/lib/client/socket';
import { formatTimeOfDay } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import { api } from '@/lib/client/api';
import { NIGHT_WALL_LABELS } from './night-labels';

const key = (slug: string | undefined) => ['room', slug ?? '(default)', 'handovers'] as const;

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
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: key(slug),
    enabled: Boolean(slug),
    retry: 3,
    queryFn: () => api.night.listHandovers({ params: { room: slug! }, token: displayKey }),
  });
  useEffect(() => {
    if (!socket) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    socket.on('handover:changed', refetch);
    socket.on('connect', refetch);
    return () => {
      socket.off('handover:changed', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  if (!data?.onDuty) return null;
  const t = NIGHT_WALL_LABELS[locale];
  return (
    <span className="truncate" data-testid="on-duty">
      {t.onDuty}: <span className="font-semibold text-ink">{data.onDuty.person.name}</span> {t.since}{' '}
      {formatTimeOfDay(Date.parse(data.onDuty.since), timeZone)}
    </span>
  );
}
