/**
 * An incident's timeline entries as the API answers them: the fields every
 * entry has, and what each kind's `data` carries. Strict objects: an answer
 * whose data has a field the contract does not name fails the tests that
 * check answers against these schemas (the document's output schemas say
 * additionalProperties: false either way).
 */
import { z } from 'zod';
import type { TEntryKind } from '../incidents';
import { ZAlertStatus, ZFindingState, ZIsoTime, ZPersonRef, ZSeverity, ZSignalKind, ZStatus } from './common';

export const ZSignalState = z.enum(['firing', 'recovered']);

/** a person opened it: the title and severity it was opened with */
const ZCreatedData = z.strictObject({ title: z.string(), severity: ZSeverity });
/** a signal opened it: the same, and the signal's kind and deduplication key */
const ZAutoOpenedData = ZCreatedData.extend({ source: ZSignalKind, key: z.string() });

/** What a probe's change of state notes: the probe, its URL, and the failed check's reason and HTTP status. */
const ZProbeNote = z.strictObject({
  probe: z.string(),
  url: z.string(),
  error: z.string().nullable(),
  status: z.number().int().nullable(),
});
/** What a threshold rule's firing or recovery notes: the point that crossed. */
const ZRuleNote = z.strictObject({
  rule: z.string(),
  series: z.string(),
  labels: z.record(z.string(), z.string()),
  value: z.number(),
  threshold: z.number(),
});
/** What an Alertmanager notification notes: the alerts of the group that changed. */
const ZAlertmanagerNote = z.strictObject({
  groupKey: z.string(),
  alerts: z.array(
    z.strictObject({
      fingerprint: z.string(),
      status: ZAlertStatus,
      name: z.string(),
      /** what the alert's own annotations and labels said, kept as sent */
      summary: z.string().optional(),
      description: z.string().optional(),
      instance: z.string().optional(),
    }),
  ),
  truncatedAlerts: z.number().int(),
});
/** What a capacity warning notes: the load, the limit of the healthy pool and when the forecast says it is full. */
const ZCapacityNote = z.strictObject({
  load: z.number().nullable(),
  limit: z.number(),
  healthyServers: z.number().int(),
  saturatesAt: ZIsoTime.nullable(),
  nPlusOneSaturatesAt: ZIsoTime.nullable(),
});
/** The details a signal's notes carry, by signal kind (a generic webhook's carry none). */
export const SIGNAL_NOTES = { probe: ZProbeNote, rule: ZRuleNote, alertmanager: ZAlertmanagerNote, capacity: ZCapacityNote };

/** a signal fired again or recovered: which signal, its state now, and its kind's details */
const observed = { key: z.string(), state: ZSignalState };
const ZSignalObservedData = z.discriminatedUnion('signal', [
  z.strictObject({ signal: z.literal('probe'), ...observed, ...ZProbeNote.shape }),
  z.strictObject({ signal: z.literal('rule'), ...observed, ...ZRuleNote.shape }),
  z.strictObject({ signal: z.literal('alertmanager'), ...observed, ...ZAlertmanagerNote.shape }),
  z.strictObject({ signal: z.literal('webhook'), ...observed }),
  z.strictObject({ signal: z.literal('capacity'), ...observed, ...ZCapacityNote.shape }),
]);

/** Impact figure as stored on the incident. */
const ZImpactFigure = z.strictObject({ text: z.string(), value: z.number().nullable(), unit: z.string().nullable() });

/**
 * Each entry kind's `data`, one schema per kind (null: the kind carries none;
 * its text, if any, is `body`). The server writes entries through these types
 * (appendEntry), and ZIncidentEntryDto below pairs each kind with its data.
 */
export const ENTRY_DATA = {
  created: ZCreatedData,
  /** a post's text is its body */
  post: z.null(),
  comment: z.null(),
  status: z.strictObject({ from: ZStatus, to: ZStatus, reopened: z.boolean() }),
  severity: z.strictObject({ from: ZSeverity, to: ZSeverity }),
  claim: z.strictObject({ owner: ZPersonRef }),
  /** from: the owner who was released (null if that person no longer exists) */
  release: z.strictObject({ from: ZPersonRef.nullable() }),
  /** from: null when nobody owned it; takeover: a lead took it for themselves from its owner */
  handover: z.strictObject({ from: ZPersonRef.nullable(), to: ZPersonRef, takeover: z.boolean() }),
  escalation: z.strictObject({ to: ZPersonRef }),
  helper: z.strictObject({ helper: ZPersonRef, removed: z.boolean() }),
  /** from: null when the finding was added */
  finding: z.strictObject({ findingId: z.string(), text: z.string(), from: ZFindingState.nullable(), to: ZFindingState }),
  /** from: null when no impact was set before */
  impact: z.strictObject({ from: ZImpactFigure.nullable(), to: ZImpactFigure }),
  link: z.strictObject({ seriesName: z.string(), labels: z.record(z.string(), z.string()), removed: z.boolean() }),
  ack: z.null(),
  /** written by a signal: the incident it opened, a firing again or recovery, or (Alertmanager) alerts of the group that changed */
  auto: z.union([ZAutoOpenedData, ZSignalObservedData, ZAlertmanagerNote]),
  /** the new text is the body; previous: the text it replaced */
  edit: z.strictObject({ previous: z.string().nullable() }),
  server: z.strictObject({ action: z.enum(['drain', 'restore']), server: z.string(), reason: z.string().nullable() }),
} satisfies Record<TEntryKind, z.ZodType>;

const ZEntryCommon = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  author: ZPersonRef.nullable(),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  editsId: z.string().nullable(),
  /** for a post that was edited: the id of the latest edit entry */
  editedBy: z.string().nullable().optional(),
  createdAt: ZIsoTime,
});
const entryOf = <K extends TEntryKind>(kind: K) => ZEntryCommon.extend({ kind: z.literal(kind), data: ENTRY_DATA[kind] });

/** A timeline entry: the fields every entry has, and the kind's details in `data`. */
export const ZIncidentEntryDto = z.discriminatedUnion('kind', [
  entryOf('created'),
  entryOf('post'),
  entryOf('comment'),
  entryOf('status'),
  entryOf('severity'),
  entryOf('claim'),
  entryOf('release'),
  entryOf('handover'),
  entryOf('escalation'),
  entryOf('helper'),
  entryOf('finding'),
  entryOf('impact'),
  entryOf('link'),
  entryOf('ack'),
  entryOf('auto'),
  entryOf('edit'),
  entryOf('server'),
]);
export type TIncidentEntryDto = z.infer<typeof ZIncidentEntryDto>;
