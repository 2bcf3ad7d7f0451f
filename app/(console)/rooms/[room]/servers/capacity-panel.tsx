'use client';

import dynamic from 'next/dynamic';
import { CapacityLine } from '@/app/_components/capacity-line';
import { capacityView, type TCapacityWords } from '@/lib/capacity/view';
import { useCapacityQuery } from '@/lib/client/use-capacity';
import { useTabSocket } from '@/lib/client/use-connection';
import { formatCompact, type TLocale } from '@/lib/format/number';
import { fill } from '@/lib/i18n/fill';

// Chart.js loads after the table: the fleet is what the page is for.
const CapacityChart = dynamic(() => import('./capacity-chart'), { ssr: false });

/** The pool's headroom above the fleet table: the one line and the chart (load, forecast band, capacity). Nothing without a model. */
export function CapacityPanel({ slug, now, words, locale }: { slug: string; now: number; words: TCapacityWords; locale: TLocale }) {
  const { data } = useCapacityQuery(slug, null, useTabSocket());
  const view = capacityView(data, now, words, locale);
  if (!data?.model || !data.now || !view) return null;
  const summary = fill(
    words.chartSummary,
    {
      load: data.now.load === null ? '–' : formatCompact(data.now.load, locale),
      limit: formatCompact(data.now.limit, locale),
      full: view.text,
    },
    locale,
  );
  return (
    <section
      className="flex flex-col gap-2 rounded-xl border border-edge bg-panel p-3"
      data-testid="capacity-panel"
      aria-label={words.title}
    >
      <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        {words.title}
        <CapacityLine view={view} className="text-sm font-normal" />
        <span className="text-sm font-normal text-dim">{fill(words.healthy, { n: data.now.healthyServers }, locale)}</span>
      </h2>
      <div className="relative h-56" role="img" aria-label={summary}>
        <CapacityChart data={data} words={words} locale={locale} stale={view.stale} />
      </div>
    </section>
  );
}
