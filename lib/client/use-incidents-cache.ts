import type { TIncidentDetail, TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';

/** Which incidents a list query holds; 'all' includes resolved ones. */
export type TListStatus = 'open' | 'resolved' | 'all';

/** A pushed or fetched state replaces the cached one only if it is not older: HTTP answers and pushes can cross. */
function isNewer(incoming: TIncidentDto, cached: TIncidentDto): boolean {
  if (incoming.version !== cached.version) return incoming.version > cached.version;
  return Date.parse(incoming.updatedAt) >= Date.parse(cached.updatedAt);
}

function matchesStatus(i: TIncidentDto, status: TListStatus): boolean {
  return status === 'all' || (status === 'open' ? i.status !== 'resolved' : i.status === 'resolved');
}

/** Upserts incidents into a list (newest first), dropping those that no longer match its filter. */
export function mergeIntoList(list: TIncidentDto[], incoming: TIncidentDto[], status: TListStatus): TIncidentDto[] {
  const byId = new Map(list.map((i) => [i.id, i]));
  let changed = false;
  for (const inc of incoming) {
    const cached = byId.get(inc.id);
    if (cached && !isNewer(inc, cached)) continue;
    changed = true;
    if (matchesStatus(inc, status)) byId.set(inc.id, inc);
    else byId.delete(inc.id);
  }
  if (!changed) return list;
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number);
}

/**
 * Adds entries to a timeline by id (a push and a catch-up may carry the same
 * one), keeps it in seq order, and points edited posts at their latest edit.
 */
export function mergeTimeline(timeline: TIncidentEntryDto[], incoming: TIncidentEntryDto[]): TIncidentEntryDto[] {
  const known = new Set(timeline.map((e) => e.id));
  const fresh = incoming.filter((e) => !known.has(e.id));
  if (fresh.length === 0) return timeline;
  const all = [...timeline, ...fresh].sort((a, b) => a.seq - b.seq);
  const latestEdit = new Map<string, string>();
  for (const e of all) if (e.kind === 'edit' && e.editsId) latestEdit.set(e.editsId, e.id);
  return all.map((e) => (latestEdit.has(e.id) && e.editedBy !== latestEdit.get(e.id) ? { ...e, editedBy: latestEdit.get(e.id)! } : e));
}

/** Applies a change (new state and/or new entries) to one incident's detail. */
export function mergeDetail(detail: TIncidentDetail, incident: TIncidentDto | undefined, entries: TIncidentEntryDto[]): TIncidentDetail {
  const own = entries.filter((e) => e.incidentId === detail.id);
  const base = incident && incident.id === detail.id && isNewer(incident, detail) ? { ...detail, ...incident } : detail;
  const timeline = mergeTimeline(base.timeline, own);
  return base === detail && timeline === detail.timeline ? detail : { ...base, timeline };
}

/** The text a post shows now: its latest edit's, else its own. */
export function currentText(entry: TIncidentEntryDto, timeline: TIncidentEntryDto[]): string | null {
  if (!entry.editedBy) return entry.body;
  return timeline.find((e) => e.id === entry.editedBy)?.body ?? entry.body;
}
