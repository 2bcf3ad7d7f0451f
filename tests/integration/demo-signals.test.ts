import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { prepareCast, type TCast } from '../../scripts/demo/cast';
import { WarroomClient } from '../../scripts/demo/client';
import { parseScenario } from '../../scripts/demo/load-scenario';
import { runReplay, type TReplaySummary } from '../../scripts/demo/runner';
import { KINDS } from './incidents-helpers';

/** The demo's signals: an incident opened by a rule on the data, another by an Alertmanager alert; nobody types them. */
const scenario = parseScenario(
  `
name: Signals rehearsal
start: -2m
end: 16m
step: 30s
speed: 600
seed: 3
people:
  - { key: erin, name: Erin Signal, role: engineer, email: erin@signals.warroom }
  - { key: lou, name: Lou Signal, role: lead, email: lou@signals.warroom }
series:
  - name: users_total
    curve: { kind: keyframes, points: [{ at: -2m, value: 1000 }, { at: 16m, value: 2000 }] }
    round: true
  - name: partner_dirty_ratio
    curve: { kind: keyframes, interpolate: linear, points: [{ at: -2m, value: 0 }, { at: 2m, value: 0 }, { at: 3m, value: 0.003 }, { at: 10m, value: 0.003 }, { at: 11m, value: 0.0001 }] }
events:
  - { at: -1m, type: rule, ref: dirty, by: lou, name: Partner data dirty, series: partner_dirty_ratio, when: above, threshold: 0.002, forSeconds: 60, severity: SEV2, title: Partner feed sends dirty records }
  - { at: 5m, type: claim, incident: dirty, by: erin }
  - { at: 6m, type: alert, ref: node, status: firing, alertname: HighErrorRate, instance: web-3, severity: error, summary: web-3 error rate 7 % }
  - { at: 7m, type: claim, incident: node, by: erin }
  - { at: 9m, type: alert, ref: node, status: resolved, alertname: HighErrorRate, instance: web-3, severity: error }
`,
  'signals.yaml',
);

describe.each(KINDS)('demo signals on %s', (kind) => {
  let server: TTestServer;
  let cast: TCast;
  let summary: TReplaySummary;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    cast = await prepareCast({ ctx: server.ctx, scenario });
    summary = await runReplay({ scenario, seed: 3, speed: 600, client: new WarroomClient(server.url), cast });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the rule opened the dirty-data incident and the alert the node incident; people claimed them', async () => {
    const get = async (ref: string) =>
      (await api(server, 'GET', `/api/v1/incidents/${summary.incidents[ref]!.id}`, { token: cast.people.erin!.token })).body;
    const dirty = await get('dirty');
    expect(dirty).toMatchObject({
      title: 'Partner feed sends dirty records',
      severity: 'SEV2',
      source: { kind: 'rule', name: 'Partner data dirty' },
      owner: { name: 'Erin Signal' },
    });
    expect(dirty.impact.value).toBeGreaterThan(0.002);
    const node = await get('node');
    expect(node).toMatchObject({
      title: 'web-3 error rate 7 %',
      severity: 'SEV2',
      status: 'monitoring',
      source: { kind: 'alertmanager' },
      owner: { name: 'Erin Signal' },
    });
    // Nobody typed either: no "created" entry by a person.
    for (const i of [dirty, node]) expect(i.timeline.filter((e: { kind: string }) => e.kind === 'created')).toEqual([]);
  });
});
