'use client';

import { useTranslations } from 'next-intl';
import type { TFindingDto } from '@/lib/api/incidents';

/** "db pool ruled out after 7 min" / "db pool 于 7 分钟后排除": a decided finding in one line. */
export function useFindingLine() {
  const t = useTranslations('incident.findings');
  return (f: TFindingDto, incidentCreatedAt: string): string => {
    if (f.state === 'open' || !f.decidedAt) return `${f.text}?`;
    const minutes = Math.max(0, Math.round((Date.parse(f.decidedAt) - Date.parse(incidentCreatedAt)) / 60_000));
    return t(f.state === 'ruled_out' ? 'ruledOutAfter' : 'confirmedAfter', { text: f.text, minutes });
  };
}
