import type { TPublicIncident, TPublicStatus } from './public';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of the page's public incidents, one entry per update (newest first). Only public words. */
export function atomFeed(s: TPublicStatus): string {
  const url = s.summary.page.url;
  const incidents: TPublicIncident[] = [...s.summary.incidents, ...s.past];
  const entries = incidents
    .flatMap((i) => i.incident_updates.map((u) => ({ i, u })))
    .sort((a, b) => b.u.created_at.localeCompare(a.u.created_at))
    .slice(0, 100);
  const updated = entries[0]?.u.created_at ?? s.summary.page.updated_at;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${s.room.locale === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <id>${esc(url)}</id>`,
    `  <title>${esc(s.title)}</title>`,
    `  <link rel="alternate" type="text/html" href="${esc(url)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(url)}/feed.atom"/>`,
    `  <updated>${updated}</updated>`,
    ...entries.flatMap(({ i, u }) => [
      '  <entry>',
      `    <id>${esc(`${url}#update-${u.id}`)}</id>`,
      `    <title>${esc(`${i.name} — ${u.status}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${esc(i.shortlink)}"/>`,
      `    <updated>${u.created_at}</updated>`,
      `    <published>${u.created_at}</published>`,
      `    <author><name>${esc(s.title)}</name></author>`,
      `    <content type="text">${esc(u.body)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

const COLOURS: Record<string, string> = {
  none: '#2e7d32',
  minor: '#b26a00',
  major: '#c62828',
  critical: '#b71c1c',
  maintenance: '#1565c0',
};
const SHORT: Record<string, string> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial outage',
  critical: 'major outage',
  maintenance: 'maintenance',
};

/** A shields-style SVG badge: "status | operational", coloured by the page indicator. */
export function statusBadge(s: TPublicStatus): string {
  const label = 'status';
  const value = SHORT[s.summary.status.indicator] ?? s.summary.status.indicator;
  // Verdana 11px is about 6.5 px a character; enough for a badge.
  const lw = Math.round(label.length * 6.5 + 12);
  const vw = Math.round(value.length * 6.5 + 12);
  const w = lw + vw;
  const colour = COLOURS[s.summary.status.indicator] ?? '#555';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${label}: ${value}"><title>${label}: ${value}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/><g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="14">${label}</text><text x="${lw + vw / 2}" y="14">${value}</text></g></svg>\n`;
}
