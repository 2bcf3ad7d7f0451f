import type { TDeliveryEvent } from '../../../lib/api/notifications';
import type { TNotifyFacts } from './enqueue-notification';
import { approxSpan } from '../../../lib/capacity/view';

type TLang = 'en' | 'zh';

const WORDS = {
  en: {
    'incident.opened': 'opened',
    'incident.unclaimed': 'unclaimed',
    'incident.escalated': 'escalated',
    'incident.status': 'status changed',
    'incident.resolved': 'resolved',
    'probe.down': 'probe down',
    'probe.up': 'probe up again',
    'handover.created': 'shift handover',
    'handover.accepted': 'handover accepted',
    'capacity.warning': 'capacity warning',
    'status.published': 'status page update',
    'channel.test': 'test message',
    unclaimed: 'unclaimed',
    owner: 'owner',
    open: 'open',
    for: 'for',
    onDuty: 'on-duty lead',
    from: 'from',
    to: 'to',
    anyLead: 'any lead',
    acceptedBy: 'accepted by',
    digest: (n: number) => `${n} notifications`,
    more: (n: number) => `… and ${n} more`,
    status: {
      investigating: 'investigating',
      identified: 'identified',
      monitoring: 'monitoring',
      resolved: 'resolved',
    } as Record<string, string>,
    testText: 'Warroom can reach this channel.',
    severity: 'severity',
  },
  zh: {
    'incident.opened': '新事件',
    'incident.unclaimed': '无人认领',
    'incident.escalated': '已升级',
    'incident.status': '状态变更',
    'incident.resolved': '已解决',
    'probe.down': '探测失败',
    'probe.up': '探测恢复',
    'handover.created': '交接班',
    'handover.accepted': '交接已接受',
    'capacity.warning': '容量预警',
    'status.published': '状态页更新',
    'channel.test': '测试消息',
    unclaimed: '无人认领',
    owner: '负责人',
    open: '已持续',
    for: '已',
    onDuty: '值班负责人',
    from: '交出',
    to: '接手',
    anyLead: '任一负责人',
    acceptedBy: '接受人',
    digest: (n: number) => `${n} 条通知`,
    more: (n: number) => `……另有 ${n} 条`,
    status: {
      investigating: '调查中',
      identified: '已定位',
      monitoring: '观察中',
      resolved: '已解决',
    } as Record<string, string>,
    testText: 'Warroom 可以送达此频道。',
    severity: '级别',
  },
};

/** "7 min", "2 h 5 min", "3 分钟" */
export function formatDuration(ms: number, lang: TLang): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (lang === 'zh') return h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

export interface TMessage {
  /** one line: the chat preview, the email subject */
  title: string;
  /** Markdown body (DingTalk, WeCom, Feishu's text, Slack's mrkdwn-ish) */
  text: string;
}

export interface TRenderable {
  event: TDeliveryEvent;
  facts: TNotifyFacts;
}

/** The link to an incident (or the room's wall) from WARROOM_PUBLIC_URL. */
export function linkOf(f: TNotifyFacts, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return f.incident ? `${base}/incidents/${f.incident.number}?room=${encodeURIComponent(f.room.slug)}` : `${base}/wall/${f.room.slug}`;
}

/** "pool 92 % · full in ~12 min · N+1 in ~5 min", "资源池 92 % · 约 12 分钟后满载": the forecast when the warning fired. */
export function capacityLine(c: NonNullable<TNotifyFacts['capacity']>, lang: TLang): string {
  const pct = c.utilization === null ? '–' : `${Math.round(c.utilization * 100)} %`;
  const when = (ms: number | null, nowText: [string, string], later: [string, string], never: [string, string]) => {
    const [en, zh] = ms === null ? never : ms <= 0 ? nowText : later;
    const t = ms === null ? '' : approxSpan(ms, lang);
    return (lang === 'zh' ? zh : en).replace('{in}', t);
  };
  const full = when(
    c.fullInMs,
    ['full now', '已满载'],
    ['full in ~{in}', '约 {in}后满载'],
    ['not full within the horizon', '预测范围内不会满载'],
  );
  const n1 =
    c.nPlusOneInMs === null ? null : when(c.nPlusOneInMs, ['N+1 full now', 'N+1 已满载'], ['N+1 in ~{in}', 'N+1 约 {in}'], ['', '']);
  return [lang === 'zh' ? `资源池 ${pct}` : `pool ${pct}`, full, ...(n1 ? [n1] : [])].join(' · ');
}

/** One line naming what happened: "[SEV1] #12 Checkout down — opened". */
export function headline(r: TRenderable, lang: TLang): string {
  const w = WORDS[lang];
  const what = w[r.event];
  const i = r.facts.incident;
  if (i) return `[${i.severity}] #${i.number} ${i.title} — ${what}`;
  if (r.facts.probe) return `${r.facts.probe.name} — ${what}`;
  if (r.facts.title) return `${r.facts.title} — ${what}`;
  return `${r.facts.room.name} — ${what}`;
}

/**
 * One event as a message in the channel's language: severity, room, number
 * and title, status, owner or "unclaimed", how long, and a link.
 */
export function renderMessage(r: TRenderable, lang: TLang, publicUrl: string, now: number): TMessage {
  const w = WORDS[lang];
  const f = r.facts;
  const lines: string[] = [];
  const title = headline(r, lang);
  lines.push(`**${title}**`);
  const roomLine = lang === 'zh' ? `房间：${f.room.name}` : `Room: ${f.room.name}`;
  lines.push(roomLine);
  const i = f.incident;
  if (i) {
    const status = w.status[i.status] ?? i.status;
    const fromTo = f.from ? `${w.status[f.from] ?? f.from} → ${status}` : status;
    const owner = i.owner ? `${w.owner}: ${i.owner}` : `**${w.unclaimed}**`;
    const age = formatDuration(now - Date.parse(i.openedAt), lang);
    lines.push(`${fromTo} · ${owner} · ${lang === 'zh' ? `${w.open} ${age}` : `${w.open} ${age}`}`);
    if (f.fromSeverity) lines.push(`${w.severity}: ${f.fromSeverity} → ${i.severity}`);
  }
  if (f.unclaimedMinutes !== undefined)
    lines.push(lang === 'zh' ? `${w.unclaimed} ${f.unclaimedMinutes} 分钟` : `${w.unclaimed} ${f.unclaimedMinutes} min`);
  if (f.lead !== undefined) lines.push(`${w.onDuty}: ${f.lead ?? '—'}`);
  if (f.probe) lines.push(`${f.probe.url}${f.probe.error ? ` — ${f.probe.error}` : ''}`);
  if (f.capacity) lines.push(capacityLine(f.capacity, lang));
  if (f.handover) {
    const h = f.handover;
    lines.push(`${w.from}: ${h.from} · ${w.to}: ${h.to ?? w.anyLead}${h.acceptedBy ? ` · ${w.acceptedBy}: ${h.acceptedBy}` : ''}`);
  }
  if (r.event === 'channel.test') lines.push(w.testText);
  else if (f.text) lines.push(f.text);
  lines.push(linkOf(f, publicUrl));
  return { title, text: lines.join('\n\n') };
}

/**
 * Several events as one message (a channel over its rate limit): one line
 * each, so every incident is named. `maxBytes` shortens the list (numbers
 * only, then "and N more") for vendors with a size limit.
 */
export function renderDigest(items: TRenderable[], lang: TLang, publicUrl: string, maxBytes = 18_000): TMessage {
  const [first] = items;
  if (!first) throw new Error('a digest of nothing');
  if (items.length === 1) return renderMessage(first, lang, publicUrl, Date.now());
  const w = WORDS[lang];
  const room = first.facts.room;
  const title = `${room.name}: ${w.digest(items.length)}`;
  const link = linkOf({ room }, publicUrl);
  const full = [`**${title}**`, ...items.map((r) => `- ${headline(r, lang)}`), link].join('\n');
  if (Buffer.byteLength(full) <= maxBytes) return { title, text: full };
  // Too long for the vendor: each item by its number (or name) only, still all of them when they fit.
  const short = items.map((r) => (r.facts.incident ? `#${r.facts.incident.number}` : (r.facts.probe?.name ?? w[r.event])));
  const compact = [`**${title}**`, short.join(' '), link].join('\n');
  if (Buffer.byteLength(compact) <= maxBytes) return { title, text: compact };
  const kept: string[] = [];
  let size = Buffer.byteLength(`**${title}**\n${link}\n${w.more(items.length)}`);
  for (const s of short) {
    size += Buffer.byteLength(s) + 1;
    if (size > maxBytes) break;
    kept.push(s);
  }
  return { title, text: [`**${title}**`, `${kept.join(' ')} ${w.more(items.length - kept.length)}`, link].join('\n') };
}

/** Cuts a message to at most maxBytes of UTF-8 without splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const buf = Buffer.from(text).subarray(0, Math.max(0, maxBytes - 3));
  let s = buf.toString('utf8');
  if (s.endsWith('\uFFFD')) s = s.slice(0, -1);
  return `${s}…`;
}
