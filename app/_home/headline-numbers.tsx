import { formatDelta, formatHeadline, type TLocale } from '@/lib/format/number';
import { staleAge } from '@/lib/format/state-words';
import type { TRate } from '@/lib/wall/growth';
import type { THomeLabels } from './labels';

type TAge = { stale: boolean; ageMs: number } | null;

/**
 * Users and online, big; growth per minute and per hour beneath (one rate in
 * two units, over fresh data only). A number past the room's stale threshold
 * greys and says its age. Plain text, so it paints before any chart code loads.
 */
export function HeadlineNumbers(props: {
  users: number | undefined;
  online: number | undefined;
  usersAge: TAge;
  onlineAge: TAge;
  rate: TRate | null;
  locale: TLocale;
  t: THomeLabels;
}) {
  const { locale, t, rate } = props;
  const estimate = rate !== null && !rate.complete;
  return (
    <section aria-label={`${t.users}, ${t.online}`} className="grid grid-cols-2 gap-2">
      <Tile label={t.users} testId="headline-users" valueClass="text-users" age={props.usersAge} locale={locale}>
        {props.users === undefined ? null : formatHeadline(props.users, locale)}
      </Tile>
      <Tile label={t.online} testId="headline-online" valueClass="text-online" age={props.onlineAge} locale={locale}>
        {props.online === undefined ? null : formatHeadline(props.online, locale)}
      </Tile>
      <Growth label={t.perMinute} value={rate?.perMinute} estimate={estimate} locale={locale} testId="growth-minute" t={t} />
      <Growth label={t.perHour} value={rate?.perHour} estimate={estimate} locale={locale} testId="growth-hour" t={t} />
    </section>
  );
}

function Tile(props: { label: string; testId: string; valueClass: string; age: TAge; locale: TLocale; children: string | null }) {
  const stale = props.age?.stale ?? false;
  return (
    <div
      data-testid={`${props.testId}-tile`}
      data-stale={stale ? 'yes' : 'no'}
      className={`min-w-0 rounded-xl border bg-panel px-3 py-2.5 ${stale ? 'border-dashed border-dim' : 'border-edge'}`}
    >
      <h2 className="flex min-w-0 justify-between gap-2 text-xs font-medium uppercase tracking-wide text-dim">
        <span className="truncate">{props.label}</span>
        {stale && props.age ? (
          <span data-testid={`${props.testId}-age`} className="shrink-0 normal-case text-warn">
            {staleAge(props.age.ageMs, props.locale)}
          </span>
        ) : null}
      </h2>
      <p
        data-testid={props.testId}
        className={`tabular mt-0.5 truncate text-[1.65rem] font-bold leading-tight md:text-4xl ${stale ? 'text-dim' : props.valueClass}`}
      >
        {props.children ?? <span className="text-base font-normal text-dim">—</span>}
      </p>
    </div>
  );
}

function Growth(props: { label: string; value: number | undefined; estimate: boolean; locale: TLocale; testId: string; t: THomeLabels }) {
  const v = props.value;
  const tone = v === undefined || Math.round(v) === 0 ? 'text-dim' : v > 0 ? 'text-online' : 'text-sev2';
  return (
    <div className="min-w-0 rounded-xl border border-edge bg-panel px-3 py-2">
      <h2 className="truncate text-xs font-medium uppercase tracking-wide text-dim">{props.label}</h2>
      <p
        data-testid={props.testId}
        className={`tabular truncate text-lg font-semibold ${tone}`}
        title={v === undefined ? props.t.noRate : undefined}
      >
        {v === undefined ? '—' : formatDelta(Math.round(v), props.locale)}
        {v !== undefined && props.estimate ? <span className="ml-1 text-xs font-normal text-dim">({props.t.estimate})</span> : null}
      </p>
    </div>
  );
}
