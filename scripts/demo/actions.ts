// What each scenario event does, through the public HTTP API only. Where an
// optional endpoint (findings, helpers, escalation, annotations, room
// settings) is not there, the step is written another public way and noted.
import type { TScenarioEvent } from '../../lib/schemas/scenario-events';
import type { TCast, TCastMember } from './cast';
import type { WarroomClient } from './client';
import { leadOf, optional, ReplayRoom } from './replay-room';

/** The metric name of an annotation written as a metric mark when the annotations endpoint is missing. */
export const ANNOTATION_MARK_SERIES = 'demo_annotation';

export class ReplayActions {
  readonly incidents = new Map<string, { id: string; number: number; title: string }>();
  /** incidents a rule will open when the data crosses it: ref → rule id */
  private readonly pendingRules = new Map<string, string>();
  /** when each alert (by ref) started firing, for its resolve */
  private readonly alertStarts = new Map<string, string>();
  private readonly findings = new Map<string, { incidentRef: string; id: string | null; text: string }>();
  /** public status incidents by scenario ref */
  private readonly publicIncidents = new Map<string, string>();
  /** steps written a fallback way because their endpoint was missing, e.g. "annotations → metric marks" */
  readonly fallbacks = new Set<string>();
  /** the room's settings and its metric points (an annotation falls back to a metric mark) */
  readonly room: ReplayRoom;

  constructor(
    private readonly client: WarroomClient,
    private readonly cast: TCast,
    /** prefix of this run's Idempotency-Keys: a retried create never creates twice */
    private readonly runId: string,
    /** the replay's speed: a rule's forSeconds is scenario time, the server counts on the points' compressed clock */
    private readonly speed = 1,
  ) {
    this.room = new ReplayRoom(client, cast, this.fallbacks, speed);
  }

  /** The first lead (or admin) of the cast: marks annotations and sets go-live. */
  get lead(): TCastMember | undefined {
    return leadOf(this.cast);
  }

  private person(key: string): TCastMember {
    const p = this.cast.people[key];
    if (!p) throw new Error(`no person "${key}" in the cast`);
    return p;
  }

  private incident(ref: string) {
    const i = this.incidents.get(ref);
    if (!i) throw new Error(`incident "${ref}" was not opened`);
    return i;
  }

  /**
   * The incident a rule opened, found by its source once the data crossed the
   * rule (the server evaluates as points arrive, just after they are stored):
   * asked a bounded number of times.
   */
  private async awaitRuleIncident(ref: string): Promise<void> {
    const ruleId = this.pendingRules.get(ref);
    if (this.incidents.has(ref) || !ruleId || !this.lead) return;
    for (let i = 0; i < 40; i++) {
      const res = await this.client.request('GET', `/api/v1/incidents?status=all&room=${encodeURIComponent(this.cast.room.slug)}`, {
        token: this.lead.token,
      });
      const list = (
        res.body as { incidents: { id: string; number: number; title: string; source: { kind: string; key: string } | null }[] }
      ).incidents;
      const found = list.find((x) => x.source?.kind === 'rule' && (x.source.key === ruleId || x.source.key.startsWith(`${ruleId} `)));
      if (found) {
        this.incidents.set(ref, { id: found.id, number: found.number, title: found.title });
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`rule for incident "${ref}" opened no incident: did its series cross the threshold?`);
  }

  private path(ref: string, rest = ''): string {
    return `/api/v1/incidents/${encodeURIComponent(this.incident(ref).id)}${rest}`;
  }

  /** Runs one scenario event at wall time `time` (epoch ms); returns a line for the log. */
  async run(e: TScenarioEvent, index: number, time: number): Promise<string> {
    const idem = `${this.runId}-${index}`;
    if ('incident' in e && e.incident) await this.awaitRuleIncident(e.incident);
    switch (e.type) {
      case 'rule': {
        const by = this.person(e.by);
        const res = await this.client.request('POST', `/api/v1/rooms/${this.cast.room.slug}/rules`, {
          token: by.token,
          idempotencyKey: idem,
          body: {
            name: e.name,
            series: e.series,
            labels: e.labels,
            when: e.when,
            threshold: e.threshold,
            forSeconds: Math.round(e.forSeconds / this.speed),
            severity: e.severity,
            title: e.title,
          },
        });
        this.pendingRules.set(e.ref, (res.body as { rule: { id: string } }).rule.id);
        return `${by.name} set a rule: ${e.series} ${e.when} ${e.threshold} for ${e.forSeconds} s → ${e.severity}`;
      }
      case 'alert': {
        // What Prometheus Alertmanager posts (webhook v4), with the ingest key.
        const startsAt =
          e.status === 'firing' ? new Date(time).toISOString() : (this.alertStarts.get(e.ref) ?? new Date(time).toISOString());
        if (e.status === 'firing') this.alertStarts.set(e.ref, startsAt);
        const labels = { alertname: e.alertname, severity: e.severity, ...(e.instance ? { instance: e.instance } : {}) };
        const alert = {
          status: e.status,
          labels,
          annotations: e.summary ? { summary: e.summary } : {},
          startsAt,
          endsAt: e.status === 'resolved' ? new Date(time).toISOString() : '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus.demo:9090/graph',
          fingerprint: `demo-${e.ref}`,
        };
        const res = await this.client.request('POST', `/api/v1/alerts/alertmanager?room=${encodeURIComponent(this.cast.room.slug)}`, {
          token: this.cast.ingestKey,
          body: {
            version: '4',
            groupKey: `{}:{alertname="${e.alertname}"}`,
            truncatedAlerts: 0,
            status: e.status,
            receiver: 'warroom',
            groupLabels: { alertname: e.alertname },
            commonLabels: labels,
            commonAnnotations: alert.annotations,
            externalURL: 'http://alertmanager.demo:9093',
            alerts: [alert],
          },
        });
        const got = (res.body as { incidents: { id: string; number: number; action: string }[] }).incidents[0];
        if (got && e.status === 'firing' && !this.incidents.has(e.ref))
          this.incidents.set(e.ref, { id: got.id, number: got.number, title: e.summary ?? e.alertname });
        return `Alertmanager: ${e.alertname}${e.instance ? ` ${e.instance}` : ''} ${e.status}${got ? ` → #${got.number} ${got.action}` : ''}`;
      }
      case 'annotate': {
        const by = e.by ? this.person(e.by) : this.lead!;
        const done = await optional(this.fallbacks, 'annotations → metric marks', () =>
          this.client.request('POST', `/api/v1/rooms/${this.cast.room.slug}/annotations`, {
            token: by.token,
            body: { label: e.label, time },
          }),
        );
        if (!done) await this.room.pushMetrics([{ name: ANNOTATION_MARK_SERIES, value: 1, time, labels: { label: e.label } }]);
        return `annotation "${e.label}"${done ? ` by ${by.name}` : ' (as a metric mark)'}`;
      }
      case 'incident': {
        const by = this.person(e.by);
        const res = await this.client.request('POST', '/api/v1/incidents', {
          token: by.token,
          idempotencyKey: idem,
          body: { title: e.title, severity: e.severity, ...(e.summary ? { summary: e.summary } : {}), room: this.cast.room.slug },
        });
        const inc = res.body as { id: string; number: number };
        this.incidents.set(e.ref, { id: inc.id, number: inc.number, title: e.title });
        return `${by.name} opened #${inc.number} ${e.severity} "${e.title}"`;
      }
      case 'claim': {
        const by = this.person(e.by);
        await this.client.request('POST', this.path(e.incident, '/claim'), { token: by.token, body: {} });
        return `${by.name} claimed #${this.incident(e.incident).number}`;
      }
      case 'update': {
        const by = this.person(e.by);
        await this.update(e.incident, by, e.body, idem, e.status);
        return `${by.name} on #${this.incident(e.incident).number}: ${e.status ? `[${e.status}] ` : ''}${e.body}`;
      }
      case 'escalate': {
        const by = this.person(e.by);
        const to = this.person(e.to);
        const done = await optional(this.fallbacks, 'escalation → timeline posts', () =>
          this.client.request('POST', this.path(e.incident, '/escalate'), { token: by.token, body: { leadId: to.userId } }),
        );
        if (!done) await this.update(e.incident, by, `Pulling in ${to.name} (lead).`, idem);
        return `${by.name} pulled ${to.name} into #${this.incident(e.incident).number}`;
      }
      case 'join': {
        const by = this.person(e.by);
        const done = await optional(this.fallbacks, 'helpers → timeline posts', () =>
          this.client.request('POST', this.path(e.incident, '/helpers'), { token: by.token, body: { userId: by.userId } }),
        );
        if (!done) await this.update(e.incident, by, `${by.name} is also on this.`, idem);
        return `${by.name} joined #${this.incident(e.incident).number}`;
      }
      case 'finding': {
        const by = this.person(e.by);
        let id: string | null = null;
        const done = await optional(this.fallbacks, 'findings → timeline posts', async () => {
          const res = await this.client.request('POST', this.path(e.incident, '/findings'), {
            token: by.token,
            idempotencyKey: idem,
            body: { text: e.text },
          });
          const found = (res.body as { findings?: { id: string; text: string }[] }).findings?.filter((f) => f.text === e.text).at(-1);
          id = found?.id ?? null;
        });
        if (!done) await this.update(e.incident, by, `Hypothesis: ${e.text}?`, idem);
        if (e.ref) this.findings.set(e.ref, { incidentRef: e.incident, id, text: e.text });
        return `${by.name} on #${this.incident(e.incident).number}: ${e.text}?`;
      }
      case 'decide': {
        const by = this.person(e.by);
        const f = this.findings.get(e.finding);
        if (!f) throw new Error(`finding "${e.finding}" was not posted`);
        const words = e.state === 'ruled_out' ? 'ruled out' : e.state === 'confirmed' ? 'confirmed' : 'open again';
        const findingId = f.id;
        const done =
          findingId !== null &&
          (await optional(this.fallbacks, 'findings → timeline posts', () =>
            this.client.request('PATCH', this.path(e.incident, `/findings/${encodeURIComponent(findingId)}`), {
              token: by.token,
              body: { state: e.state },
            }),
          ));
        if (!done) await this.update(e.incident, by, `${f.text}: ${words}.`, idem);
        return `${by.name} on #${this.incident(e.incident).number}: ${f.text} ${words}`;
      }
      case 'publish': {
        const by = e.by ? this.person(e.by) : this.lead!;
        const components = await this.statusComponents(by, e.components);
        const res = await this.client.request('POST', `/api/v1/rooms/${this.cast.room.slug}/status-incidents`, {
          token: by.token,
          idempotencyKey: idem,
          body: {
            title: e.title,
            impact: e.impact,
            components,
            message: e.message,
            ...(e.incident ? { incidentId: this.incident(e.incident).id } : {}),
          },
        });
        this.publicIncidents.set(e.ref, (res.body as { id: string }).id);
        return `${by.name} published on the status page: "${e.title}" (${e.impact})`;
      }
      case 'public-update': {
        const by = e.by ? this.person(e.by) : this.lead!;
        const id = this.publicIncidents.get(e.ref);
        if (!id) throw new Error(`public incident "${e.ref}" was not published`);
        await this.client.request('POST', `/api/v1/rooms/${this.cast.room.slug}/status-incidents/${encodeURIComponent(id)}/updates`, {
          token: by.token,
          idempotencyKey: idem,
          body: { status: e.status, message: e.message },
        });
        return `${by.name} on the status page: [${e.status}] ${e.message}`;
      }
      case 'drain': {
        const by = this.person(e.by);
        const incident = e.incident ? this.incident(e.incident).number : undefined;
        const done = await optional(this.fallbacks, 'drains → timeline posts', () =>
          this.client.request('POST', `/api/v1/rooms/${this.cast.room.slug}/servers/${encodeURIComponent(e.server)}/drain`, {
            token: by.token,
            body: { ...(e.reason ? { reason: e.reason } : {}), ...(incident !== undefined ? { incident } : {}) },
          }),
        );
        if (!done && e.incident)
          await this.update(e.incident, by, `Drained ${e.server} from the pool${e.reason ? `: ${e.reason}` : ''}.`, idem);
        return `${by.name} drained ${e.server}${e.reason ? ` (${e.reason})` : ''}${incident !== undefined ? ` on #${incident}` : ''}`;
      }
    }
  }

  /** Turns the room's status page on and makes the named components exist; their ids. */
  private async statusComponents(by: TCastMember, names: string[]): Promise<string[]> {
    const room = this.cast.room.slug;
    await this.client.request('PATCH', `/api/v1/rooms/${room}/settings`, { token: by.token, body: { statusPage: { enabled: true } } });
    const list = (await this.client.request('GET', `/api/v1/rooms/${room}/components`, { token: by.token })).body as {
      components: { id: string; name: string }[];
    };
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const found = list.components.find((c) => c.name === name);
      if (found) ids.push(found.id);
      else {
        const made = await this.client.request('POST', `/api/v1/rooms/${room}/components`, { token: by.token, body: { name, order: i } });
        ids.push((made.body as { id: string }).id);
      }
    }
    return ids;
  }

  private async update(ref: string, by: TCastMember, body: string, idempotencyKey: string, status?: string) {
    await this.client.request('POST', this.path(ref, '/updates'), {
      token: by.token,
      idempotencyKey,
      body: { body, ...(status ? { status } : {}) },
    });
  }
}
