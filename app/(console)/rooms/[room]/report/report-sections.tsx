import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import type { TLocale } from '@/lib/format/number';
import type { TReport } from '@/lib/api/night-report';
import { formatCount, formatSeconds, formatStamp, sourceText } from '@/lib/night/format';
import { formatPlanDelta } from '@/lib/night/figures';
import { momentWords } from '@/lib/night/moment-words';
import type { TReportLabels } from './labels';

type TProps = { report: TReport; t: TReportLabels };
const TH = 'whitespace-nowrap border-b border-edge px-2 py-1 text-left font-semibold';
const TD = 'border-b border-edge px-2 py-1 align-top';

export function Block({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section
      data-testid={testId}
      className="break-inside-avoid-page rounded-xl border border-edge bg-panel p-4 print:rounded-none print:border-0 print:p-0 print:py-2"
    >
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="min-w-0">
      <div className="text-xs uppercase tracking-wide text-dim">{label}</div>
      <div className="tabular text-xl font-semibold">{value}</div>
      {sub ? <div className="text-xs text-dim">{sub}</div> : null}
    </div>
  );
}

export function FiguresBlock({ report, t }: TProps) {
  const f = report.figures;
  const tz = report.room.timeZone;
  const at = (iso: string | null) => (iso ? `${t.at} ${formatStamp(iso, tz).slice(11)}` : undefined);
  // The reader's language, whatever the room's.
  const loc = useLocale() as TLocale;
  return (
    <Block title={t.figures} testId="report-figures">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 print:grid-cols-4">
        <Figure label={`${t.users} · ${t.start} → ${t.end}`} value={`${formatCount(f.users.start)} → ${formatCount(f.users.end)}`} />
        <Figure label={`${t.users} · ${t.peak}`} value={formatCount(f.users.peak)} sub={at(f.users.peakAt)} />
        <Figure label={`${t.online} · ${t.peak}`} value={formatCount(f.online.peak)} sub={at(f.online.peakAt)} />
        <Figure
          label={t.vsPlan}
          value={f.plan ? formatPlanDelta(f.plan.ratio) : '—'}
          sub={f.plan ? `${t.plan} ${formatCount(f.plan.planned)} ${at(f.plan.at)}` : undefined}
        />
        <Figure
          label={t.fastestMinute}
          value={f.fastestGrowth.perMinute ? `+${formatCount(f.fastestGrowth.perMinute.value)}` : '—'}
          sub={at(f.fastestGrowth.perMinute?.at ?? null)}
        />
        <Figure
          label={t.fastestHour}
          value={f.fastestGrowth.perHour ? `+${formatCount(f.fastestGrowth.perHour.value)}` : '—'}
          sub={at(f.fastestGrowth.perHour?.at ?? null)}
        />
        <Figure
          label={`${t.timeToClaim} · ${t.median} / p90`}
          value={`${formatSeconds(report.timeToClaim.median, loc)} / ${formatSeconds(report.timeToClaim.p90, loc)}`}
          sub={`n = ${report.timeToClaim.count}`}
        />
        <Figure
          label={`${t.timeToResolve} · ${t.median} / p90`}
          value={`${formatSeconds(report.timeToResolve.median, loc)} / ${formatSeconds(report.timeToResolve.p90, loc)}`}
          sub={`n = ${report.timeToResolve.count}`}
        />
      </div>
      <p className="mt-2 text-xs text-dim" data-testid="report-claim-help">
        {t.timeToClaimHelp}
      </p>
    </Block>
  );
}

export function MilestonesBlock({ report, t }: TProps) {
  return (
    <Block title={t.milestones} testId="report-milestones">
      {report.milestones.length === 0 ? <p className="text-dim">{t.noMilestones}</p> : null}
      <ul className="grid gap-1">
        {report.milestones.map((m) => (
          <li key={m.id} className="tabular">
            <span className="font-semibold">{m.label}</span> — {m.reachedAt ? formatStamp(m.reachedAt, report.room.timeZone) : '—'}
          </li>
        ))}
      </ul>
    </Block>
  );
}

export function IncidentsBlock({ report, t }: TProps) {
  const tz = report.room.timeZone;
  // The reader's language, whatever the room's.
  const loc = useLocale() as TLocale;
  return (
    <Block title={t.incidents} testId="report-incidents">
      {report.incidents.length === 0 ? (
        <p className="text-dim">{t.noIncidents}</p>
      ) : (
        // On paper nothing scrolls: the table shrinks its type and wraps its cells so every column stays on the A4 page.
        <div className="overflow-x-auto print:overflow-visible">
          <table className="w-full border-collapse text-sm print:text-xs" data-testid="incidents-table">
            <thead>
              <tr>
                {[t.number, t.incidentTitle, t.severity, t.source, t.opened, t.claimedAfter, t.resolvedAfter, t.owner].map((h) => (
                  <th key={h} className={TH}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.incidents.map((i) => (
                <tr key={i.id}>
                  <td className={`${TD} tabular`}>{i.number}</td>
                  <td className={TD}>{i.title}</td>
                  <td className={TD}>{i.severity}</td>
                  <td className={`${TD} break-words`}>{sourceText(i.source, t.person, t.sourceKinds)}</td>
                  <td className={`${TD} tabular whitespace-nowrap`}>{formatStamp(i.openedAt, tz)}</td>
                  <td className={`${TD} tabular`}>{formatSeconds(i.claimedAfterSeconds, loc)}</td>
                  <td className={`${TD} tabular`}>{formatSeconds(i.resolvedAfterSeconds, loc)}</td>
                  <td className={TD}>{i.owner?.name ?? t.unowned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Block>
  );
}

export function PeopleBlock({ report, t }: TProps) {
  return (
    <Block title={t.people} testId="report-people">
      {report.people.length === 0 ? (
        <p className="text-dim">{t.noPeople}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              {[
                ['person', ''],
                ['owned', t.owned],
                ['claims', t.claims],
                ['posts', t.posts],
              ].map(([k, h]) => (
                <th key={k} className={TH}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.people.map((p) => (
              <tr key={p.person.id}>
                <td className={TD}>{p.person.name}</td>
                <td className={`${TD} tabular`}>{p.incidentsOwned}</td>
                <td className={`${TD} tabular`}>{p.claims}</td>
                <td className={`${TD} tabular`}>{p.posts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Block>
  );
}

export function HandoversBlock({ report, t }: TProps) {
  const tz = report.room.timeZone;
  return (
    <Block title={t.handovers} testId="report-handovers">
      {report.handovers.length === 0 ? <p className="text-dim">{t.noHandovers}</p> : null}
      <ul className="grid gap-2">
        {report.handovers.map((h) => (
          <li key={h.id}>
            <span className="tabular">{formatStamp(h.createdAt, tz)}</span> {h.from.name} → {h.to?.name ?? t.anyLead},{' '}
            {h.acceptedAt ? `${t.accepted} ${h.acceptedBy?.name ?? '?'} ${formatStamp(h.acceptedAt, tz).slice(11)}` : t.pending}
            {h.note ? <p className="whitespace-pre-wrap text-sm text-dim">{h.note}</p> : null}
          </li>
        ))}
      </ul>
    </Block>
  );
}

export function TimelineBlock({ report, t }: TProps) {
  const loc = useLocale() as TLocale;
  return (
    <Block title={t.timeline} testId="report-timeline">
      {report.timeline.length === 0 ? <p className="text-dim">{t.noMoments}</p> : null}
      <ol className="grid gap-1 text-sm">
        {report.timeline.map((m) => (
          <li key={`${m.at}|${m.kind}|${m.text}`} className="flex gap-3">
            <span className="tabular shrink-0 text-dim">{formatStamp(m.at, report.room.timeZone)}</span>
            <span>{momentWords(m, loc)}</span>
          </li>
        ))}
      </ol>
    </Block>
  );
}
