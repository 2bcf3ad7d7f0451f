'use client';

import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { momentWords } from '@/lib/night/moment-words';
import type { TLocale } from '@/lib/format/number';
import { NightChart, type TNightLevel, type TNightLine, type TNightMark } from '@/app/_components/night-chart';
import type { TReport } from '@/lib/api/night-report';
import type { TChartPoint } from '@/lib/series';
import type { TReportLabels } from './labels';

// Theme tokens: the chart reads them when it draws, so the printed page gets the print colours.
const USERS = 'users' as const;
const ONLINE = 'online' as const;

/** Plan points inside the plotted span, plus one either side so the dashed line reaches the edges. */
function planInSpan(plan: TChartPoint[], from: number, to: number): TChartPoint[] {
  const first = plan.findIndex((p) => p[0] >= from);
  if (first === -1) return plan.slice(-1);
  let last = first;
  while (last < plan.length && plan[last]![0] <= to) last++;
  return plan.slice(Math.max(0, first - 1), Math.min(plan.length, last + 1));
}

/** The night's chart: both headline series, the plans dashed beside them, marks, and the replay cursor. */
export function ReportChart({ report, t, cursor }: { report: TReport; t: TReportLabels; cursor: number | null }) {
  const locale = useLocale() as TLocale;
  const lines = useMemo<TNightLine[]>(() => {
    const from = Date.parse(report.from);
    const to = Date.parse(report.to);
    const out: TNightLine[] = [
      { label: t.users, color: USERS, points: report.chart.users },
      { label: t.online, color: ONLINE, points: report.chart.online, right: true },
    ];
    for (const p of report.chart.plans) {
      if (p.series !== 'users_total' && p.series !== 'users_online') continue;
      const online = p.series === 'users_online';
      out.push({
        label: `${t.plan}: ${online ? t.online : t.users}`,
        color: online ? ONLINE : USERS,
        points: planInSpan(p.points, from, to),
        right: online,
        dashed: true,
      });
    }
    return out;
  }, [report, t]);
  const marks = useMemo<TNightMark[]>(
    () =>
      report.timeline
        .filter((m) => m.kind === 'go-live' || m.kind === 'annotation')
        .map((m, i) => ({ id: `m${i}`, time: Date.parse(m.at), label: momentWords(m, locale), low: m.kind === 'go-live' })),
    [report, locale],
  );
  const levels = useMemo<TNightLevel[]>(
    () =>
      report.milestones
        .filter((m) => m.seriesName === 'users_total' || m.seriesName === 'users_online')
        .map((m) => ({
          id: m.id,
          value: m.threshold,
          label: m.label,
          right: m.seriesName === 'users_online',
          reached: true,
          color: m.seriesName === 'users_online' ? ONLINE : USERS,
        })),
    [report],
  );
  return (
    <div className="h-72 w-full print:h-64" data-testid="report-chart">
      <NightChart
        lines={lines}
        marks={marks}
        levels={levels}
        locale={locale}
        timeZone={report.room.timeZone}
        cursor={cursor}
        className="relative h-full w-full"
      />
    </div>
  );
}
