'use client';

import { DateTimeInput } from '@/app/_ui/date-time-input';
import { useEffect, useState } from 'react';
import { BUTTON } from '@/app/_ui/controls';
import { formatStamp } from '@/lib/night/format';
import { urlOf } from '@/lib/client/api';
import { ROUTES } from '@/lib/client/routes';
import { useReportLabels } from './labels';
import { ReportChart } from './report-chart';
import { FiguresBlock, HandoversBlock, IncidentsBlock, MilestonesBlock, PeopleBlock, TimelineBlock, Block } from './report-sections';
import { Replay } from './replay';
import { useReport } from './use-report';

/** datetime-local text (this device's time) for an instant, and back. */
const toLocalInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The night report: figures, chart with plan and replay cursor, milestones, incidents, load, handovers, key moments. */
export function ReportScreen({
  slug,
  displayKey,
  from: fromQ,
  to: toQ,
  at,
}: {
  slug: string;
  displayKey: string | null;
  from: string | null;
  to: string | null;
  at: string | null;
}) {
  const [span, setSpan] = useState({ from: fromQ, to: toQ });
  const { data: report, error } = useReport(slug, span.from, span.to, displayKey);
  const t = useReportLabels();
  const [index, setIndex] = useState<number | null>(null);
  const [form, setForm] = useState({ from: '', to: '' });
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    if (!report) return;
    setForm({ from: toLocalInput(Date.parse(report.from)), to: toLocalInput(Date.parse(report.to)) });
    // ?at= opens the replay at the last stop at or before that moment.
    const atMs = at ? Date.parse(at) : NaN;
    const stops = report.chart.minutes;
    const found = Number.isNaN(atMs) ? -1 : stops.findLastIndex(([t]) => t <= atMs);
    setIndex(found >= 0 ? found : null);
    // Two frames: the chart has drawn before the printer (or the CLI's Chromium) looks.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => setDrawn(true)));
    return () => cancelAnimationFrame(id);
  }, [report, at]);

  const moveReplay = (i: number) => {
    setIndex(i);
    const t = report?.chart.minutes[i]?.[0];
    if (t === undefined) return;
    const url = new URL(location.href);
    url.searchParams.set('at', new Date(t).toISOString());
    history.replaceState(null, '', url);
  };

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const next = { from: form.from ? new Date(form.from).toISOString() : null, to: form.to ? new Date(form.to).toISOString() : null };
    const url = new URL(location.href);
    for (const k of ['from', 'to'] as const) {
      if (next[k]) url.searchParams.set(k, next[k]!);
      else url.searchParams.delete(k);
    }
    history.replaceState(null, '', url);
    setDrawn(false);
    setSpan(next);
  };

  if (error)
    return (
      <main className="p-6 text-crit" role="alert">
        {error.message}
      </main>
    );
  if (!report) return <main className="p-6 text-dim">{t.loading}</main>;
  const last = report.chart.minutes.length - 1;
  const cursorIndex = index ?? last;
  const cursor = index === null ? null : (report.chart.minutes[cursorIndex]?.[0] ?? null);
  const tz = report.room.timeZone;
  return (
    <main
      className="report mx-auto flex max-w-5xl flex-col gap-4 p-4 sm:p-6 print:max-w-none print:gap-2 print:p-0"
      data-testid="report"
      data-report-ready={drawn ? 'yes' : 'no'}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t.title}: {report.room.name}
          <span className="block text-base font-normal text-dim">
            {formatStamp(report.from, tz)} → {formatStamp(report.to, tz)} ({tz})
          </span>
        </h1>
        <form onSubmit={apply} className="flex flex-wrap items-end gap-2 print:hidden" data-testid="report-window">
          <label className="flex flex-col gap-1 text-sm">
            {t.from}
            <DateTimeInput value={form.from} onChange={(from) => setForm({ ...form, from })} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t.to}
            <DateTimeInput value={form.to} onChange={(to) => setForm({ ...form, to })} />
          </label>
          <button type="submit" className={BUTTON}>
            {t.show}
          </button>
          <button type="button" className={BUTTON} onClick={() => print()}>
            {t.print}
          </button>
          {(['series', 'incidents'] as const).map((what) => (
            <a
              key={what}
              className={BUTTON}
              data-testid={`export-${what}`}
              download
              href={urlOf(ROUTES.series.export[1], {
                params: { room: slug },
                query: { what, from: report.from, to: report.to },
              })}
            >
              {what === 'series' ? t.csvSeries : t.csvIncidents}
            </a>
          ))}
        </form>
      </header>
      <FiguresBlock report={report} t={t} />
      <Block title={t.chart} testId="report-chart-block">
        <ReportChart report={report} t={t} cursor={cursor} />
      </Block>
      <div className="print:hidden">
        <Replay report={report} t={t} index={cursorIndex} onIndex={moveReplay} />
      </div>
      <MilestonesBlock report={report} t={t} />
      <IncidentsBlock report={report} t={t} />
      <PeopleBlock report={report} t={t} />
      <HandoversBlock report={report} t={t} />
      <TimelineBlock report={report} t={t} />
    </main>
  );
}
