import type { TBrief } from '@/lib/api/night-report';
import { formatCount, formatStamp } from '@/lib/night/format';
import { useHandoverLabels } from './labels';

/** The brief as the incoming lead reads it: open incidents first, then the shift. */
export function BriefView({ brief, timeZone }: { brief: TBrief; timeZone: string }) {
  const t = useHandoverLabels();
  const at = (iso: string | null) => (iso ? formatStamp(iso, timeZone) : '—');
  const f = brief.figures;
  return (
    <div className="grid gap-3 text-sm" data-testid="brief">
      <p className="text-dim">
        {at(brief.since)} → {at(brief.until)}
      </p>
      <div>
        <h4 className="font-semibold">{t.openIncidents}</h4>
        {brief.openIncidents.length === 0 ? <p className="text-dim">{t.noOpen}</p> : null}
        <ul className="grid gap-2" data-testid="brief-open">
          {brief.openIncidents.map((i) => (
            <li key={i.id} className="rounded-lg border border-edge p-2">
              <div>
                <span className="font-semibold">
                  #{i.number} {i.title}
                </span>{' '}
                · {i.severity} · {t.status(i.status)} · {i.owner?.name ?? t.unowned}
              </div>
              {i.lastUpdate ? (
                <div className="text-dim">
                  {t.lastUpdate} {at(i.lastUpdate.at).slice(11)} {i.lastUpdate.by ?? ''}:{' '}
                  {i.lastUpdate.text ?? t.entryKind(i.lastUpdate.kind)}
                </div>
              ) : null}
              {i.ruledOut.length ? (
                <div>
                  {t.ruledOut}: {i.ruledOut.map((r) => r.text).join(', ')}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <h4 className="font-semibold">{t.figures}</h4>
          <p>
            {f.usersGained === null ? '—' : `+${formatCount(f.usersGained)}`} {t.usersGained}; {t.onlinePeak} {formatCount(f.onlinePeak)}
            {f.onlinePeakAt ? ` (${at(f.onlinePeakAt).slice(11)})` : ''}
          </p>
          <h4 className="mt-2 font-semibold">{t.milestones}</h4>
          <p>{brief.milestones.length ? brief.milestones.map((m) => `${m.label} (${at(m.reachedAt).slice(11)})`).join(', ') : t.nothing}</p>
        </div>
        <div>
          <h4 className="font-semibold">{t.openedSince}</h4>
          <p>{brief.openedIncidents.length ? brief.openedIncidents.map((i) => `#${i.number} ${i.title}`).join(', ') : t.nothing}</p>
          <h4 className="mt-2 font-semibold">{t.resolvedSince}</h4>
          <p>{brief.resolvedIncidents.length ? brief.resolvedIncidents.map((i) => `#${i.number} ${i.title}`).join(', ') : t.nothing}</p>
          <h4 className="mt-2 font-semibold">{t.serversDrained}</h4>
          <p>
            {brief.serversDrained.length
              ? brief.serversDrained.map((s) => (typeof s === 'object' && s && 'name' in s ? String(s.name) : JSON.stringify(s))).join(', ')
              : t.nothing}
          </p>
          <h4 className="mt-2 font-semibold">{t.probesDown}</h4>
          <p>
            {brief.probesDown.length ? brief.probesDown.map((p) => `${p.name}${p.error ? ` (${p.error})` : ''}`).join(', ') : t.nothing}
          </p>
        </div>
      </div>
    </div>
  );
}
