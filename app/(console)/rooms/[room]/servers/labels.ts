'use client';

import { useTranslations } from 'next-intl';

/** Every word on the servers page, in the person's language (messages/*.json, namespace "servers"). */
export function useFleetLabels() {
  const t = useTranslations('servers');
  return {
    title: t('title'),
    filter: t('filter'),
    sortBy: t('sortBy'),
    worst: t('worst'),
    name: t('name'),
    lastSeen: t('lastSeen'),
    server: t('server'),
    metrics: t('metrics'),
    action: '',
    drain: t('drain'),
    restore: t('restore'),
    confirmDrain: t('confirmDrain'),
    confirmRestore: t('confirmRestore'),
    cancel: t('cancel'),
    reason: t('reason'),
    incident: t('incident'),
    noIncident: t('noIncident'),
    ago: t('ago'),
    drainedBy: t('drainedBy'),
    outlier: t('outlier'),
    none: t('none'),
    noMatch: t('noMatch'),
    summary: (n: number) => t('summary', { n }),
    wall: t('wall'),
    leadsOnly: t('leadsOnly'),
  };
}
export type TFleetLabels = ReturnType<typeof useFleetLabels>;
