import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { TIncidentDetail, TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import type { TIncidentsSubscribed } from '../events';
import { queryKeys } from './live-query';
import { onIncidentChanged } from './use-incidents';

const inc = (over: Partial<TIncidentDto> = {}) =>
  ({
    id: 'a',
    roomId: 'r',
    number: 1,
    status: 'investigating',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  }) as TIncidentDto;
const entry = (id: string, seq: number) =>
  ({ id, incidentId: 'a', seq, kind: 'post', body: id, editsId: null, editedBy: null }) as TIncidentEntryDto;
const push = (seq: number, over: Partial<TIncidentDto> = {}) => ({
  roomId: 'r',
  incidentId: 'a',
  seq,
  incident: inc({ version: seq, ...over }),
  entries: [entry(`e${seq}`, seq)],
});

/** A client holding one room's subscription (cursor set by a first push), its open list and incident a's detail. */
function client(room: string) {
  const qc = new QueryClient();
  qc.setQueryData(queryKeys.incidentsLive(room), { roomId: 'r' } as TIncidentsSubscribed);
  qc.setQueryData(queryKeys.incidentList(room, 'open'), [inc()]);
  qc.setQueryData<TIncidentDetail>(queryKeys.incidentDetail(room, 1), { ...inc(), timeline: [] } as unknown as TIncidentDetail);
  return qc;
}
const invalidated = (qc: QueryClient, room: string) => qc.getQueryState(queryKeys.incidentsLive(room))?.isInvalidated;
const timeline = (qc: QueryClient, room: string) =>
  qc.getQueryData<TIncidentDetail>(queryKeys.incidentDetail(room, 1))!.timeline.map((e) => e.seq);

describe('incident:changed on the live subscription', () => {
  it('updates every cached list and detail of the room, each entry once', () => {
    const qc = client('push-apply');
    const key = queryKeys.incidentsLive('push-apply');
    onIncidentChanged(push(1, { title: 'moved' }), qc, key, 'push-apply');
    onIncidentChanged(push(1, { title: 'moved' }), qc, key, 'push-apply');
    expect(qc.getQueryData<TIncidentDto[]>(queryKeys.incidentList('push-apply', 'open'))![0]!.title).toBe('moved');
    expect(timeline(qc, 'push-apply')).toEqual([1]);
    // resolved: it leaves the open list
    onIncidentChanged(push(2, { status: 'resolved' }), qc, key, 'push-apply');
    expect(qc.getQueryData(queryKeys.incidentList('push-apply', 'open'))).toEqual([]);
    expect(invalidated(qc, 'push-apply')).toBe(false);
  });

  it('a push past a hole in the seq is applied, and the subscription reads again from before the hole', () => {
    const qc = client('push-gap');
    const key = queryKeys.incidentsLive('push-gap');
    onIncidentChanged(push(1), qc, key, 'push-gap');
    onIncidentChanged(push(3), qc, key, 'push-gap');
    expect(timeline(qc, 'push-gap')).toEqual([1, 3]);
    expect(invalidated(qc, 'push-gap')).toBe(true);
  });

  it("another room's push changes nothing", () => {
    const qc = client('push-other');
    onIncidentChanged({ ...push(1, { title: 'x' }), roomId: 'elsewhere' }, qc, queryKeys.incidentsLive('push-other'), 'push-other');
    expect(timeline(qc, 'push-other')).toEqual([]);
  });
});
