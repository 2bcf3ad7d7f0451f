import type { TMoment } from '../api/night-report';
import type { TLocale } from '../format/number';

const SOMEONE: Record<TLocale, string> = { en: 'someone', zh: '某人' };

/**
 * A key moment of the report in the reader's language, from its fields
 * ("#3 claimed by Mei" / "#3 由 Mei 认领"); the stored English `text` when a
 * field it needs is missing (a report from an older server).
 */
export function momentWords(m: TMoment, locale: TLocale): string {
  const n = m.incidentNumber === undefined ? '' : `#${m.incidentNumber}`;
  const who = m.who ?? SOMEONE[locale];
  const zh = locale === 'zh';
  switch (m.kind) {
    case 'go-live':
      return zh ? '上线' : 'Go-live';
    case 'annotation':
      return m.title ?? m.text;
    case 'milestone':
      return m.title === undefined ? m.text : zh ? `里程碑：${m.title}` : `Milestone: ${m.title}`;
    case 'incident-opened':
      return m.title === undefined
        ? m.text
        : zh
          ? `${n} 开启：${m.title}（${m.severity ?? ''}）`
          : `${n} opened: ${m.title} (${m.severity ?? ''})`;
    case 'incident-claimed':
      if (m.by) return zh ? `${n} 由 ${m.by} 指派给 ${who}` : `${n} assigned to ${who} by ${m.by}`;
      return zh ? `${n} 由 ${who} 认领` : `${n} claimed by ${who}`;
    case 'incident-resolved':
      return zh ? `${n} 由 ${who} 解决` : `${n} resolved by ${who}`;
    case 'handover':
      if (m.who === undefined) return m.text;
      return zh ? `${m.who} 交班${m.to ? `给 ${m.to}` : ''}` : `Handover from ${m.who}${m.to ? ` to ${m.to}` : ''}`;
    case 'handover-accepted':
      return zh ? `${who} 接班（接受 ${m.to ?? SOMEONE.zh} 的交接）` : `${who} on duty (accepted ${m.to ?? SOMEONE.en}'s handover)`;
    default:
      return m.text;
  }
}
