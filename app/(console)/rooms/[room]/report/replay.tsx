'use client';

import { useMemo } from 'react';
import type { TReport } from '@/lib/api/night-report';
import { formatCount, formatStamp } from '@/lib/night/format';
import { formatPlanDelta, planDelta } from '@/lib/night/figures';
import { Block } from './report-sections';
import type { TReportLabels } from './labels';

/** The incidents open at time t, with their owner if they had been claimed by then. */
function openAt(report: TReport, t: number) {
  return report.incidents
    .filter((i) => Date.parse(i.openedAt) <= t && (i.resolvedAt === null || Date.parse(i.resolvedAt) > t))
    .map((i) => ({ ...i, ownerThen: i.claimedAt && Date.parse(i.claimedAt) <= t ? i.owner : null }));
}

/**
 * Replay: a slider over the window's minutes. The numbers, the chart's
 * cursor and the open incidents follow it, from the report already loaded —
 * no request and no reload while dragging.
 */
export function Replay({ report, t, index, onIndex }: { report: TReport; t: TReportLabels; index: number; onIndex: (i: number) => void }) {
  const minutes = report.chart.minutes;
  const row = minutes[Math.min(index, minutes.length - 1)];
  const at = row?.[0] ?? Date.parse(report.to);
  const open = useMemo(() => openAt(report, at), [report, at]);
  const plan = report.chart.plans.find((p) => p.series === 'users_total');
  const delta = plan && row?.[1] != null ? planDelta(plan.points, { time: at, value: row[1] }) : null;
  if (minutes.length === 0) return null;
  return (
    <Block title={t.replay} testId="report-replay">
      <p className="mb-2 text-sm text-dim">{t.replayHint}</p>
      <input
        type="range"
        aria-label={t.replay}
        data-testid="replay-slider"
        className="w-full accent-users"
        min={0}
        max={minutes.length - 1}
        step={1}
        value={index}
        onChange={(e) => onIndex(Number(e.target.value))}
      />
      <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <div className="text-xs uppercase text-dim">{t.asOf}</div>
          <div className="tabular text-xl font-semibold" data-testid="replay-time">
            {formatStamp(at, report.room.timeZone)}
          </div>
        </div>
        <div>
          <div className="text-xs uppercase text-dim">{t.users}</div>
          <div className="tabular text-xl font-semibold text-users" data-testid="replay-users">
            {row?.[1] == null ? t.noData : formatCount(row[1])}
          </div>
          {delta ? (
            <div className="text-xs text-dim">
              {formatPlanDelta(delta.ratio)} {t.vsPlan}
            </div>
          ) : null}
        </div>
        <div>
          <div className="text-xs uppercase text-dim">{t.online}</div>
          <div className="tabular text-xl font-semibold text-online" data-testid="replay-online">
            {row?.[2] == null ? t.noData : formatCount(row[2])}
          </div>
        </div>
      </div>
      <h3 className="mt-3 text-sm font-semibold">{t.openAt}</h3>
      {open.length === 0 ? <p className="text-sm text-dim">{t.noneOpen}</p> : null}
      <ul className="grid gap-1 text-sm" data-testid="replay-incidents">
        {open.map((i) => (
          <li key={i.id}>
            #{i.number} {i.title} · {i.severity} · {i.ownerThen?.name ?? t.unowned}
          </li>
        ))}
      </ul>
    </Block>
  );
}
