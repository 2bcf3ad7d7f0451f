import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from './load-scenario';

const BASE = `
name: t
start: -5m
end: 10m
step: 1m
people:
  - { key: erin, name: Erin, role: engineer }
  - { key: lou, name: Lou, role: lead }
series:
  - name: users_total
    curve: { kind: keyframes, points: [{ at: 0, value: 1M }] }
`;

function problems(text: string, file = 'game-day.yaml') {
  try {
    parseScenario(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario loader', () => {
  it('loads the shipped scenarios', () => {
    expect(loadScenario('scenarios/default.yaml').name).toBe('Launch night');
    expect(loadScenario('scenarios/test-short.yaml').events.length).toBeGreaterThan(5);
  });

  it('names the file and each bad field path in its message', () => {
    const text = BASE.replace('step: 1m', 'step: 1 minute').replace('value: 1M', 'value: many');
    try {
      parseScenario(text, 'scenarios/bad.yaml');
      throw new Error('not refused');
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/^scenarios\/bad\.yaml: invalid scenario/);
      expect(msg).toContain('step: "1 minute" is not a duration');
      expect(msg).toContain('series.0.curve.points.0.value: "many" is not a number');
    }
  });

  it('refuses unknown keys, wrong kinds and missing fields', () => {
    const p = problems(`${BASE}\ncolour: red\nevents:\n  - { at: 1m, type: dance, by: erin }\n`);
    expect(p.map((x) => x.field)).toEqual(expect.arrayContaining(['(body)', 'events.0.type']));
    expect(problems('name: x').map((x) => x.field)).toEqual(expect.arrayContaining(['start', 'end', 'step', 'series']));
  });

  it('checks references: people, incidents, findings, followed series, servers, time order', () => {
    const p = problems(`${BASE}
  - name: cpu_ratio
    servers: [web-1]
    curve: { kind: follow, series: users_online, min: 0, max: 1 }
    overrides: [{ server: web-9, from: 0, to: 5m, set: 1 }]
events:
  - { at: 1m, type: claim, incident: dirty, by: erin }
  - { at: 2m, type: incident, ref: dirty, by: nobody, title: T, severity: SEV2 }
  - { at: 1m30s, type: update, incident: dirty, by: erin, body: early }
  - { at: 3m, type: decide, incident: dirty, by: erin, finding: code, state: ruled_out }
  - { at: 3m, type: escalate, incident: dirty, by: erin, to: erin }
  - { at: 1h, type: annotate, label: late, by: erin }
`);
    const byField = Object.fromEntries(p.map((x) => [x.field, x.message]));
    expect(byField['series.1.curve.series']).toMatch(/no series "users_online"/);
    expect(byField['series.1.overrides.0.server']).toMatch(/"web-9" is not one of/);
    expect(byField['events.0.at']).toMatch(/before incident "dirty" is opened/);
    expect(byField['events.1.by']).toMatch(/no person with key "nobody"/);
    expect(byField['events.2.at']).toMatch(/before incident "dirty"/);
    expect(byField['events.3.finding']).toMatch(/no finding with ref "code"/);
    expect(byField['events.4.to']).toMatch(/no lead with key "erin"/);
    expect(byField['events.5.at']).toMatch(/between start and end/);
    expect(byField['events.5.by']).toMatch(/not a lead/);
  });

  it('refuses an override without exactly one effect, and end before start', () => {
    const p = problems(
      BASE.replace('end: 10m', 'end: -10m').replace(
        'points: [{ at: 0, value: 1M }] }',
        'points: [{ at: 0, value: 1M }] }\n    overrides: [{ from: 1m, to: 2m }]',
      ),
    );
    expect(p.map((x) => x.field)).toEqual(expect.arrayContaining(['end', 'series.0.overrides.0']));
  });

  it('refuses a step that would make millions of points', () => {
    expect(
      problems(BASE.replace('end: 10m', 'end: 1000h').replace('step: 1m', 'step: 1s')).find((x) => x.field === 'step')?.message,
    ).toMatch(/points; at most/);
  });

  it('says where YAML and JSON syntax breaks, and when the file is missing', () => {
    expect(problems('name: [unclosed\nstart: 0')[0]!.field).toMatch(/^line \d+, column \d+$/);
    expect(problems('{"name": ', 'x.json')[0]!.message).toMatch(/^not valid JSON/);
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    expect(() => loadScenario(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: invalid scenario\n {2}\(file\): no such file/);
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({
        name: 'j',
        start: 0,
        end: '1m',
        step: '30s',
        series: [{ name: 'x', curve: { kind: 'keyframes', points: [{ at: 0, value: 1 }] } }],
      }),
    );
    expect(loadScenario(join(dir, 'ok.json')).step).toBe(30);
  });
});
