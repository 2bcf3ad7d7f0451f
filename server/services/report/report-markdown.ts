import type { TReport } from '../../../lib/api/night-report';
import { formatCount, formatSeconds, formatStamp, sourceText } from '../../../lib/night/format';
import { formatPlanDelta } from '../../../lib/night/figures';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown: the same figures as the JSON, for a ticket or a chat. */
export function reportToMarkdown(r: TReport): string {
  const tz = r.room.timeZone;
  const at = (t: string | null) => (t ? formatStamp(t, tz) : '—');
  const f = r.figures;
  const lines: string[] = [];
  lines.push(`# Night report: ${r.room.name}`, '', `${at(r.from)} → ${at(r.to)} (${tz})`, '');
  lines.push('## Figures', '');
  lines.push(
    `- Registered users: ${formatCount(f.users.start)} → ${formatCount(f.users.end)}, peak ${formatCount(f.users.peak)} at ${at(f.users.peakAt)}`,
  );
  lines.push(`- Online peak: ${formatCount(f.online.peak)} at ${at(f.online.peakAt)}`);
  if (f.fastestGrowth.perMinute)
    lines.push(
      `- Fastest growth per minute: +${formatCount(f.fastestGrowth.perMinute.value)} (minute to ${at(f.fastestGrowth.perMinute.at)})`,
    );
  if (f.fastestGrowth.perHour)
    lines.push(`- Fastest growth per hour: +${formatCount(f.fastestGrowth.perHour.value)} (hour to ${at(f.fastestGrowth.perHour.at)})`);
  if (f.plan)
    lines.push(
      `- Against the plan: ${formatPlanDelta(f.plan.ratio)} (${formatCount(f.plan.actual)} actual, ${formatCount(f.plan.planned)} planned at ${at(f.plan.at)})`,
    );
  lines.push(
    `- Time to claim: median ${formatSeconds(r.timeToClaim.median)}, p90 ${formatSeconds(r.timeToClaim.p90)} (${r.timeToClaim.count} claimed; to the first owner, by a claim or a lead's assignment)`,
  );
  lines.push(
    `- Time to resolve: median ${formatSeconds(r.timeToResolve.median)}, p90 ${formatSeconds(r.timeToResolve.p90)} (${r.timeToResolve.count} resolved)`,
    '',
  );
  lines.push('## Milestones', '');
  if (r.milestones.length === 0) lines.push('None reached in this window.');
  for (const m of r.milestones) lines.push(`- ${m.label}: ${at(m.reachedAt)}`);
  lines.push('', '## Incidents', '');
  if (r.incidents.length === 0) lines.push('None.');
  else {
    lines.push('| # | Title | Severity | Source | Opened | Claimed after | Resolved after | Owner |', '|---|---|---|---|---|---|---|---|');
    for (const i of r.incidents) {
      const source = sourceText(i.source, 'person');
      lines.push(
        `| ${i.number} | ${cell(i.title)} | ${i.severity} | ${cell(source)} | ${at(i.openedAt)} | ${formatSeconds(i.claimedAfterSeconds)} | ${formatSeconds(i.resolvedAfterSeconds)} | ${cell(i.owner?.name ?? 'unowned')} |`,
      );
    }
  }
  lines.push('', '## Load per person', '');
  if (r.people.length === 0) lines.push('Nobody owned, claimed or posted.');
  else {
    lines.push('| Person | Incidents owned | Claims | Posts |', '|---|---|---|---|');
    for (const p of r.people) lines.push(`| ${cell(p.person.name)} | ${p.incidentsOwned} | ${p.claims} | ${p.posts} |`);
  }
  lines.push('', '## Handovers', '');
  if (r.handovers.length === 0) lines.push('None.');
  for (const h of r.handovers) {
    const accepted = h.acceptedAt ? `accepted by ${h.acceptedBy?.name ?? '?'} at ${at(h.acceptedAt)}` : 'not accepted';
    lines.push(`- ${at(h.createdAt)}: ${h.from.name} → ${h.to?.name ?? 'any lead'}, ${accepted}${h.note ? ` — ${cell(h.note)}` : ''}`);
  }
  lines.push('', '## Timeline', '');
  if (r.timeline.length === 0) lines.push('Nothing happened.');
  for (const m of r.timeline) lines.push(`- ${at(m.at)} ${m.text}`);
  return `${lines.join('\n')}\n`;
}
