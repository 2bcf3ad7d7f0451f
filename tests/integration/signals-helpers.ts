/** Real Alertmanager webhook v4 payloads (notify/webhook Message: template.Data + version, groupKey, truncatedAlerts). */
export function amAlert(
  fingerprint: string,
  status: 'firing' | 'resolved',
  opts: { startsAt?: string; endsAt?: string; labels?: Record<string, string>; summary?: string; description?: string } = {},
) {
  return {
    status,
    labels: { alertname: 'NodeDown', instance: `node-${fingerprint}:9100`, job: 'node', severity: 'critical', ...opts.labels },
    annotations: { summary: opts.summary ?? `node ${fingerprint} is down`, ...(opts.description ? { description: opts.description } : {}) },
    startsAt: opts.startsAt ?? '2026-11-28T20:19:00.123456789Z',
    endsAt: status === 'resolved' ? (opts.endsAt ?? '2026-11-28T20:29:00Z') : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.local:9090/graph?g0.expr=up%3D%3D0&g0.tab=1',
    fingerprint,
  };
}

export function amPayload(
  groupKey: string,
  alerts: ReturnType<typeof amAlert>[],
  opts: { truncatedAlerts?: number; status?: 'firing' | 'resolved' } = {},
) {
  const status = opts.status ?? (alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved');
  return {
    receiver: 'warroom',
    status,
    alerts,
    groupLabels: { alertname: 'NodeDown' },
    commonLabels: { alertname: 'NodeDown', job: 'node', severity: alerts[0]?.labels.severity ?? 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local:9093',
    version: '4',
    groupKey,
    truncatedAlerts: opts.truncatedAlerts ?? 0,
  };
}

/** Polls a condition with a bounded number of tries (no timing assertions, just waiting for the server's own schedule). */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, tries = 120, everyMs = 250): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
