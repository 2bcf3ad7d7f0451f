import type { getTranslations } from 'next-intl/server';
import type { TComponentState } from '@/lib/api/status';
import type { TPublicIncident, TPublicStatus } from '@/lib/status/public';
import { StatusLive } from './status-live';
import { SubscribeForm } from './subscribe-form';

type T = Awaited<ReturnType<typeof getTranslations<'statusPage'>>>;

const STATE_CLASS: Record<TComponentState, string> = {
  operational: 'text-ok',
  degraded_performance: 'text-warn',
  partial_outage: 'text-sev2',
  major_outage: 'text-crit',
  under_maintenance: 'text-users',
};
const INDICATOR_CLASS: Record<string, string> = {
  none: 'border-ok bg-ok/15',
  minor: 'border-warn bg-warn/15',
  major: 'border-sev2 bg-sev2/15',
  critical: 'border-crit bg-crit/15',
  maintenance: 'border-users bg-users/15',
};

function when(at: string, locale: 'en' | 'zh', timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(at));
}

function barColour(v: number | null): string {
  if (v === null) return '#3a4656';
  if (v >= 0.999) return '#3fb950';
  if (v >= 0.95) return '#d29922';
  return '#f85149';
}

function UptimeBars({ days, values, t, label }: { days: string[]; values: (number | null)[]; t: T; label: string }) {
  const w = 3;
  const gap = 1;
  return (
    <svg
      viewBox={`0 0 ${days.length * (w + gap)} 24`}
      preserveAspectRatio="none"
      className="mt-2 block h-6 w-full"
      role="img"
      aria-label={label}
    >
      {days.map((d, i) => {
        const v = values[i] ?? null;
        return (
          <rect key={d} x={i * (w + gap)} y={0} width={w} height={24} rx={0.5} fill={barColour(v)}>
            <title>{t('day', { day: d, value: v === null ? t('dayNoData') : `${(v * 100).toFixed(2)}%` })}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function IncidentCard({ i, t, locale, tz, headingLevel }: { i: TPublicIncident; t: T; locale: 'en' | 'zh'; tz: string; headingLevel: 3 }) {
  const H = `h${headingLevel}` as const;
  return (
    <article id={`incident-${i.id}`} className="rounded border border-edge bg-panel p-4">
      <H className="text-base font-semibold">{i.name}</H>
      {i.components.length > 0 && (
        <p className="mt-1 text-sm text-dim">{t('affected', { list: i.components.map((c) => c.name).join(', ') })}</p>
      )}
      <ol className="mt-3 space-y-3">
        {i.incident_updates.map((u) => (
          <li key={u.id}>
            <p className="text-sm">
              <strong>{t(`status.${u.status as 'investigating'}`)}</strong> — <span className="whitespace-pre-wrap">{u.body}</span>
            </p>
            <p className="text-xs text-dim">
              <time dateTime={u.created_at}>{when(u.created_at, locale, tz)}</time>
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The public page, rendered on the server from the room's public view only. */
export function PublicStatusView({
  status: s,
  locale,
  t,
  subscribe,
}: {
  status: TPublicStatus;
  locale: 'en' | 'zh';
  t: T;
  /** whether the install can send mail (WARROOM_SMTP_URL): without it the form is not shown */
  subscribe: boolean;
}) {
  const tz = s.room.timeZone;
  const other = locale === 'en' ? 'zh' : 'en';
  const members = s.summary.components.filter((c) => !c.group);
  const groups = new Map<string | null, typeof members>();
  for (const c of members) groups.set(c.group_id, [...(groups.get(c.group_id) ?? []), c]);
  const groupName = new Map(s.summary.components.filter((c) => c.group).map((g) => [g.id, g.name]));
  const indicator = s.summary.status.indicator;
  return (
    <div lang={locale === 'zh' ? 'zh-CN' : 'en'} className="mx-auto max-w-3xl px-4 py-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('heading', { title: s.title })}</h1>
        <nav aria-label={t('language')} className="text-sm">
          <a href={`?lang=${other}`} hrefLang={other} lang={other === 'zh' ? 'zh-CN' : 'en'} className="underline">
            {other === 'zh' ? '中文' : 'English'}
          </a>
        </nav>
      </header>

      {s.fromSnapshot && (
        <p role="alert" className="mt-4 rounded border border-warn p-3 text-sm">
          {t('snapshot', { time: when(s.builtAt, locale, tz) })}
        </p>
      )}

      <p data-testid="status-overall" className={`mt-4 rounded border-l-4 p-4 text-lg font-semibold ${INDICATOR_CLASS[indicator] ?? ''}`}>
        {t(`overall.${indicator}`)}
      </p>

      <section aria-labelledby="current" className="mt-8">
        <h2 id="current" className="text-lg font-semibold">
          {t('current')}
        </h2>
        {s.summary.incidents.length === 0 ? (
          <p className="mt-2 text-dim">{t('noCurrent')}</p>
        ) : (
          <div className="mt-3 space-y-3" data-testid="status-current">
            {s.summary.incidents.map((i) => (
              <IncidentCard key={i.id} i={i} t={t} locale={locale} tz={tz} headingLevel={3} />
            ))}
          </div>
        )}
      </section>

      {s.summary.scheduled_maintenances.length > 0 && (
        <section aria-labelledby="maint" className="mt-8">
          <h2 id="maint" className="text-lg font-semibold">
            {t('maintenances')}
          </h2>
          <ul className="mt-3 space-y-3">
            {s.summary.scheduled_maintenances.map((m) => (
              <li key={m.id} className="rounded border border-edge bg-panel p-4">
                <h3 className="font-semibold">{m.name}</h3>
                <p className="text-sm">
                  <strong>{m.status === 'in_progress' ? t('inProgress') : t('scheduled')}</strong> ·{' '}
                  {t('maintenanceWindow', { start: when(m.scheduled_for, locale, tz), end: when(m.scheduled_until, locale, tz) })}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-sm">{m.incident_updates[0]?.body}</p>
                {m.components.length > 0 && (
                  <p className="mt-1 text-sm text-dim">{t('affected', { list: m.components.map((c) => c.name).join(', ') })}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="components" className="mt-8">
        <h2 id="components" className="text-lg font-semibold">
          {t('components')}
        </h2>
        {members.length === 0 && <p className="mt-2 text-dim">{t('noComponents')}</p>}
        {[...groups].map(([gid, list]) => (
          <div key={gid ?? 'none'} className="mt-3">
            {gid && <h3 className="text-sm font-semibold text-dim">{groupName.get(gid)}</h3>}
            <ul className="divide-y divide-edge rounded border border-edge bg-panel">
              {list.map((c) => {
                const bars = s.uptime[c.id];
                const known = bars?.filter((v): v is number => v !== null) ?? [];
                const pct = known.length ? `${((known.reduce((a, b) => a + b, 0) / known.length) * 100).toFixed(2)}%` : null;
                return (
                  <li key={c.id} className="p-4" data-testid="status-component">
                    <div className="flex items-baseline justify-between gap-3">
                      <span className="font-medium">{c.name}</span>
                      <span className={`text-sm font-semibold ${STATE_CLASS[c.status]}`}>{t(`state.${c.status}`)}</span>
                    </div>
                    {c.description && <p className="text-sm text-dim">{c.description}</p>}
                    {bars && (
                      <>
                        <UptimeBars
                          days={s.days}
                          values={bars}
                          t={t}
                          label={pct ? t('uptime', { percent: pct, days: s.days.length }) : t('uptimeNoData')}
                        />
                        <div className="mt-1 flex justify-between text-xs text-dim">
                          <span>{t('daysAgo', { days: s.days.length })}</span>
                          <span>{pct ? t('uptime', { percent: pct, days: s.days.length }) : t('uptimeNoData')}</span>
                          <span>{t('today')}</span>
                        </div>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="past" className="mt-8">
        <h2 id="past" className="text-lg font-semibold">
          {t('past')}
        </h2>
        {s.past.length === 0 ? (
          <p className="mt-2 text-dim">{t('noPast')}</p>
        ) : (
          <div className="mt-3 space-y-3">
            {s.past.map((i) => (
              <IncidentCard key={i.id} i={i} t={t} locale={locale} tz={tz} headingLevel={3} />
            ))}
          </div>
        )}
      </section>

      {subscribe && (
        <SubscribeForm
          slug={s.room.slug}
          locale={locale}
          words={{
            heading: t('subscribe.heading'),
            label: t('subscribe.label'),
            button: t('subscribe.button'),
            note: t('subscribe.note'),
            sent: t('subscribe.sent'),
            failed: t.raw('subscribe.failed') as string,
          }}
        />
      )}

      <footer className="mt-10 flex flex-wrap items-center justify-between gap-3 border-t border-edge pt-4 text-sm text-dim">
        <p>
          {t('updated', { time: when(s.summary.page.updated_at, locale, tz) })}
          {' · '}
          <StatusLive slug={s.room.slug} etag={s.etag} liveWord={t('live')} offlineWord={t('offline')} />
        </p>
        <p className="space-x-3">
          <a className="underline" href={`/status/${s.room.slug}/feed.atom`}>
            {t('feed')}
          </a>
          <a className="underline" href={`/api/v1/status/${s.room.slug}/summary`}>
            {t('summary')}
          </a>
        </p>
      </footer>
    </div>
  );
}
