'use client';

import { useCallback } from 'react';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';
import { decimate } from '@/lib/decimate';
import type { TClientSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';
import type { TPlanList } from '@/lib/api/night-report';
import type { TChartPoint } from '@/lib/series';

const NONE: TChartPoint[] = [];
/** A plan may hold 10,000 points; the wall redraws on every push and needs a few hundred. */
const PLAN_CHART_POINTS = 400;

/** The planned curve of one series (empty when none), refetched when a lead sets it. */
export function usePlan(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null, series: string): TChartPoint[] {
  const select = useCallback(
    (d: TPlanList) => decimate(d.plans.find((p) => p.series === series)?.points ?? NONE, PLAN_CHART_POINTS),
    [series],
  );
  const { data } = useLiveQuery({
    queryKey: queryKeys.plan(slug),
    enabled: Boolean(slug),
    retry: 3,
    queryFn: () => api.night.listPlans({ params: { room: slug! }, token: displayKey }),
    select,
    socket,
    join: { room: slug },
    on: { 'plan:changed': 'refetch' },
  });
  return data ?? NONE;
}
