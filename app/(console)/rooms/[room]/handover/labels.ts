'use client';

import { useTranslations } from 'next-intl';

/** The handover page's words, in the person's language (messages/*.json, namespace "handover"). */
export function useHandoverLabels() {
  const t = useTranslations('handover');
  return {
    title: t('title'),
    onDuty: t('onDuty'),
    since: t('since'),
    nobodyOnDuty: t('nobodyOnDuty'),
    start: t('start'),
    preview: t('preview'),
    to: t('to'),
    anyLead: t('anyLead'),
    note: t('note'),
    send: t('send'),
    cancel: t('cancel'),
    pending: t('pending'),
    accept: t('accept'),
    takeOwnership: t('takeOwnership'),
    history: t('history'),
    none: t('none'),
    acceptedBy: t('acceptedBy'),
    notAccepted: t('notAccepted'),
    tookOver: t('tookOver'),
    openIncidents: t('openIncidents'),
    /** an incident status's word */
    status: (s: string) => (t.has(`status.${s}`) ? t(`status.${s}`) : s),
    /** what a timeline entry without text was: opened, claimed … */
    entryKind: (k: string) => (t.has(`entryKind.${k}`) ? t(`entryKind.${k}`) : t('entryKind.other')),
    noOpen: t('noOpen'),
    lastUpdate: t('lastUpdate'),
    ruledOut: t('ruledOut'),
    openedSince: t('openedSince'),
    resolvedSince: t('resolvedSince'),
    figures: t('figures'),
    usersGained: t('usersGained'),
    onlinePeak: t('onlinePeak'),
    milestones: t('milestones'),
    serversDrained: t('serversDrained'),
    probesDown: t('probesDown'),
    nothing: t('nothing'),
    unowned: t('unowned'),
    leadsOnly: t('leadsOnly'),
  };
}
