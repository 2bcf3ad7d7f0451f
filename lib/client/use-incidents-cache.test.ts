import { describe, expect, it } from 'vitest';
import type { TIncidentDetail, TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import { currentText, mergeDetail, mergeIntoList, mergeTimeline } from './use-incidents-cache';

const inc = (over: Partial<TIncidentDto>): TIncidentDto => ({
  id: 'a',
  roomId: 'r',
  number: 1,
  title: 't',
  summary: null,
  severity: 'SEV2',
  status: 'investigating',
  owner: null,
  claimedAt: null,
  ownerActiveAt: null,
  unownedSince: '2026-01-01T00:00:00.000Z',
  idleClaimMinutes: 15,
  idle: false,
  escalatedTo: null,
  helpers: [],
  impact: null,
  links: [],
  findings: [],
  acknowledgedBy: [],
  version: 1,
  source: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  resolvedAt: null,
  ...over,
});
/** An entry's kind with the data of that kind. */
type TKindData = TIncidentEntryDto extends infer E ? (E extends TIncidentEntryDto ? Pick<E, 'kind' | 'data'> : never) : never;
const entry = (
  id: string,
  seq: number,
  over: Partial<Omit<TIncidentEntryDto, 'kind' | 'data'>> & TKindData = { kind: 'post', data: null },
): TIncidentEntryDto => ({
  id,
  incidentId: 'a',
  seq,
  author: null,
  authorName: null,
  body: id,
  editsId: null,
  editedBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('incident cache merges', () => {
  it('upserts newest first and drops an incident that left the filter', () => {
    const list = [inc({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' })];
    const b = inc({ id: 'b', number: 2, createdAt: '2026-01-01T00:05:00.000Z' });
    expect(mergeIntoList(list, [b], 'open').map((i) => i.id)).toEqual(['b', 'a']);
    const resolved = inc({ id: 'a', status: 'resolved', version: 2 });
    expect(mergeIntoList(list, [resolved], 'open')).toEqual([]);
    expect(mergeIntoList([], [resolved], 'resolved')).toEqual([resolved]);
  });

  it('ignores a state older than the cached one (an HTTP answer overtaken by a push)', () => {
    const list = [inc({ version: 3, title: 'new' })];
    expect(mergeIntoList(list, [inc({ version: 2, title: 'old' })], 'open')).toBe(list);
  });

  it('adds timeline entries once, in seq order', () => {
    const t = mergeTimeline([entry('x', 1), entry('z', 3)], [entry('y', 2), entry('z', 3)]);
    expect(t.map((e) => e.id)).toEqual(['x', 'y', 'z']);
    expect(mergeTimeline(t, [entry('y', 2)])).toBe(t);
  });

  it('shows an edited post with its new text and keeps the old one', () => {
    const d: TIncidentDetail = { ...inc({}), timeline: [entry('p', 1, { kind: 'post', data: null, body: 'node 2' })] };
    const merged = mergeDetail(d, undefined, [entry('e', 2, { kind: 'edit', data: { previous: 'node 2' }, editsId: 'p', body: 'node 4' })]);
    const post = merged.timeline[0]!;
    expect(post.body).toBe('node 2');
    expect(currentText(post, merged.timeline)).toBe('node 4');
  });
});
