import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../incidents';
import { ENTRY_DATA, ZIncidentEntryDto } from './incident-timeline';

const common = {
  id: 'e1',
  incidentId: 'i1',
  seq: 1,
  author: { id: 'u1', name: 'Ada' },
  authorName: 'Ada',
  body: null,
  editsId: null,
  editedBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('timeline entries in the contract', () => {
  it('has one member per entry kind, each with its own data schema', () => {
    expect(ZIncidentEntryDto.options.map((o) => o.shape.kind.value)).toEqual([...ENTRY_KINDS]);
    expect(Object.keys(ENTRY_DATA).sort()).toEqual([...ENTRY_KINDS].sort());
  });

  it("checks an entry's data against its kind", () => {
    const status = { ...common, kind: 'status', data: { from: 'resolved', to: 'investigating', reopened: true } };
    expect(ZIncidentEntryDto.safeParse(status).success).toBe(true);
    // another kind's data, a field no kind names, data on a kind that carries none
    expect(ZIncidentEntryDto.safeParse({ ...status, kind: 'severity' }).success).toBe(false);
    expect(ZIncidentEntryDto.safeParse({ ...status, data: { ...status.data, extra: 1 } }).success).toBe(false);
    expect(ZIncidentEntryDto.safeParse({ ...common, kind: 'post', data: { text: 'x' } }).success).toBe(false);
  });

  it('takes each shape a signal writes as automatic data', () => {
    const auto = (data: unknown) => ZIncidentEntryDto.safeParse({ ...common, kind: 'auto', data }).success;
    expect(auto({ title: 'api down', severity: 'SEV2', source: 'probe', key: 'p1' })).toBe(true);
    expect(auto({ signal: 'probe', key: 'p1', state: 'firing', probe: 'api', url: 'http://x', error: 'timeout', status: null })).toBe(true);
    expect(auto({ signal: 'rule', key: 'r1', state: 'recovered', rule: 'errors', series: 'e', labels: {}, value: 1, threshold: 2 })).toBe(
      true,
    );
    expect(auto({ signal: 'webhook', key: 'w1', state: 'recovered' })).toBe(true);
    expect(auto({ groupKey: 'g', alerts: [{ fingerprint: 'f', status: 'resolved', name: 'a' }], truncatedAlerts: 0 })).toBe(true);
    // a probe's note without the probe's details
    expect(auto({ signal: 'probe', key: 'p1', state: 'firing' })).toBe(false);
  });
});
