'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { CapacityLine } from '@/app/_components/capacity-line';
import type { CAPACITY, TCapacityModel } from '@/lib/api/capacity';
import type { TBodyOf } from '@/lib/api/contract';
import { capacityView, type TCapacityWords } from '@/lib/capacity/view';
import { api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/live-query';
import { useTabSocket } from '@/lib/client/use-connection';
import { useCapacityQuery } from '@/lib/client/use-capacity';
import type { TLocale } from '@/lib/format/number';
import { ErrorText, INPUT, PRIMARY, Section } from './ui';

/** The room's capacity model (lead+): what the wall's headroom tile and the capacity warning are computed from. */
export function CapacitySection({ slug, words }: { slug: string; words: TCapacityWords }) {
  const { data } = useCapacityQuery(slug, null, useTabSocket());
  if (!data) return null;
  // Filled from the model once it is known; later refetches leave what the lead is typing alone.
  return <CapacityForm key={data.model ? 'model' : 'none'} slug={slug} model={data.model} words={words} data={data} />;
}

function CapacityForm({
  slug,
  model,
  words,
  data,
}: {
  slug: string;
  model: TCapacityModel | null;
  words: TCapacityWords;
  data: Parameters<typeof capacityView>[0];
}) {
  const t = useTranslations('capacity');
  const locale = useLocale() as TLocale;
  const qc = useQueryClient();
  const [series, setSeries] = useState(model?.series ?? 'users_online');
  const [perServer, setPerServer] = useState(model?.perServer === null || !model ? '' : String(model.perServer));
  const [perServerSeries, setPerServerSeries] = useState(model?.perServerSeries ?? '');
  const [target, setTarget] = useState(String(Math.round((model?.targetUtilization ?? 0.8) * 100)));
  const [lead, setLead] = useState(String(model?.leadMinutes ?? 30));
  const save = useMutation({
    mutationFn: (body: TBodyOf<typeof CAPACITY.set>) => api.capacity.set({ params: { room: slug }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.capacity(slug) }),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      series,
      perServer: perServer.trim() === '' ? null : Number(perServer),
      ...(perServerSeries.trim() ? { perServerSeries: perServerSeries.trim() } : {}),
      targetUtilization: Number(target) / 100,
      leadMinutes: Number(lead),
    });
  };
  const view = capacityView(data, Date.now(), words, locale);
  return (
    <Section testId="settings-capacity" title={t('title')} hint={t('settingsHint')}>
      {view ? (
        <p className="mb-3 flex min-w-0 text-sm">
          <CapacityLine view={view} />
        </p>
      ) : null}
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t('seriesLabel')}
          <input data-testid="capacity-series" className={INPUT} value={series} onChange={(e) => setSeries(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('perServerLabel')}
          <input
            data-testid="capacity-per-server"
            className={INPUT}
            type="number"
            min={0}
            step="any"
            value={perServer}
            onChange={(e) => setPerServer(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('perServerSeriesLabel')}
          <input className={INPUT} value={perServerSeries} onChange={(e) => setPerServerSeries(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('targetLabel')}
          <input className={INPUT} type="number" min={1} max={100} value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('leadLabel')}
          <input className={INPUT} type="number" min={1} step="any" value={lead} onChange={(e) => setLead(e.target.value)} />
        </label>
        <div className="flex items-center gap-2 sm:col-span-2">
          <button type="submit" data-testid="capacity-save" className={PRIMARY} disabled={save.isPending}>
            {t('save')}
          </button>
          {save.isSuccess ? <span className="text-sm text-ok">{t('saved')}</span> : null}
        </div>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}
