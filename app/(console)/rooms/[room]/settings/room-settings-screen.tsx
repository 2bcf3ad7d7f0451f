'use client';

import { DateTimeInput } from '@/app/_ui/date-time-input';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TRoomSettings } from '@/lib/api/rooms';
import { BoundsSection } from './bounds-section';
import { CapacitySection } from './capacity-section';
import type { TCapacityWords } from '@/lib/capacity/view';
import { AnnotationsSection, MilestonesSection, SafetyLinesSection } from './sections';
import { BUTTON, ErrorText, INPUT, PRIMARY, Section, useWhen } from './ui';
import { useRoomSettingsMutation, useRoomSettingsQuery } from './use-room-settings-admin';

/** datetime-local text (this device's time) for an ISO instant, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function RoomSettingsScreen({ slug, capacityWords }: { slug: string; capacityWords: TCapacityWords }) {
  const t = useTranslations('settings');
  const tc = useTranslations('common');
  const { data, error } = useRoomSettingsQuery(slug);
  if (error) return <main className="p-6 text-crit">{error.message}</main>;
  if (!data) return <main className="p-6 text-dim">{tc('loading')}</main>;
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {data.room.name}{' '}
          <span className="text-base font-normal text-dim">
            /{data.room.slug} · {t('title')}
          </span>
        </h1>
        <span className="flex gap-3">
          <a className="text-sm text-users underline" href={`/rooms/${data.room.slug}/probes`}>
            {t('probesLink')}
          </a>
          <a className="text-sm text-users underline" href={`/wall/${data.room.slug}`}>
            {t('openWall')}
          </a>
        </span>
      </header>
      <GeneralSection slug={slug} room={data.room} />
      <AnnotationsSection slug={slug} annotations={data.annotations} timeZone={data.room.timeZone} />
      <MilestonesSection slug={slug} milestones={data.milestones} timeZone={data.room.timeZone} />
      <SafetyLinesSection slug={slug} lines={data.safetyLines} />
      <BoundsSection slug={slug} bounds={data.seriesBounds} />
      <CapacitySection slug={slug} words={capacityWords} />
    </main>
  );
}

function GeneralSection({ slug, room }: { slug: string; room: TRoomSettings['room'] }) {
  const t = useTranslations('settings');
  const tc = useTranslations('common');
  const when = useWhen();
  const save = useRoomSettingsMutation(slug);
  const [goLive, setGoLive] = useState(toLocalInput(room.goLiveAt));
  const [locale, setLocale] = useState(room.locale);
  const [timeZone, setTimeZone] = useState(room.timeZone);
  const [stale, setStale] = useState(String(room.staleAfterSeconds));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      op: 'settings',
      body: { goLiveAt: goLive ? new Date(goLive).toISOString() : null, locale, timeZone, staleAfterSeconds: Number(stale) },
    });
  };
  return (
    <Section
      testId="settings-general"
      title={t('general')}
      hint={room.goLiveAt ? t('goesLive', { when: when(room.goLiveAt, room.timeZone), zone: room.timeZone }) : t('noGoLive')}
    >
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t('goLive')}
          <DateTimeInput data-testid="go-live" value={goLive} onChange={setGoLive} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('staleAfter')}
          <input className={INPUT} type="number" min={5} value={stale} onChange={(e) => setStale(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('language')}
          <select className={INPUT} value={locale} onChange={(e) => setLocale(e.target.value as 'en' | 'zh')}>
            <option value="en">English (K / M)</option>
            <option value="zh">中文 (万 / 亿)</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('timeZone')}
          <input className={INPUT} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </label>
        <div className="flex gap-2 sm:col-span-2">
          <button type="submit" className={PRIMARY} disabled={save.isPending}>
            {tc('save')}
          </button>
          {goLive ? (
            <button type="button" className={BUTTON} onClick={() => setGoLive('')}>
              {t('clearGoLive')}
            </button>
          ) : null}
          {save.isSuccess ? <span className="self-center text-sm text-ok">{t('saved')}</span> : null}
        </div>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}
