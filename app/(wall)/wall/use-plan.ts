'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { decimate } from '@/lib/decimate';
import type { TClientSocket } from '@/lib/client/socket';
import type { NIGHT } from '@/lib/api/night';
import { call } from '@/lib/client/api';
import type { TPlanList } from '@/lib/api/night-report';
import type { TChartPoint } from '@/lib/series';

const key = (slug: string | undefined) => ['room', slug ?? '(default)', 'plan'] as const;
const NONE: TChartPoint[] = [];
/** A plan may hold 10,000 points; the wall redraws on every push and needs a few hundred. */
const PLAN_CHART_POINTS = 400;

/** The planned curve of one series (empty when none), refetched when a lead sets it. */
export function usePlan(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null, series: string): TChartPoint[] {
  const qc = useQueryClient();
  const select = useCallback(
    (d: TPlanList) => decimate(d.plans.find((p) => p.series === series)?.points ?? NONE, PLAN_CHART_POINTS),
    [series],
  );
  const { data } = useQuery({
    queryKey: key(slug),
    enabled: Boolean(slug),
    retry: 3,
    queryFn: () => call<typeof NIGHT.listPlans>('GET', '/api/v1/rooms/{room}/plan', { params: { room: slug! }, token: displayKey }),
    select,
  });
  useEffect(() => {
    if (!socket) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    socket.on('plan:changed', refetch);
    socket.on('connect', refetch);
    return () => {
      socket.off('plan:changed', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  return data ?? NONE;
}
