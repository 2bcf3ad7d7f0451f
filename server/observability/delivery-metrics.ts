import { Gauge, type Registry } from 'prom-client';
import type { TServiceContext } from '../context';
import { deliveryCounters } from '../services/notify/deliver';

/**
 * Notification figures for /metrics: every delivery row of the install by
 * channel kind and state (from the database, so any process answers the
 * same), the outbox depth (pending + retrying), and this process's send
 * outcomes by kind. No channel name, URL or secret appears in a label.
 */
export function registerDeliveryMetrics(ctx: TServiceContext, registry: Registry): void {
  new Gauge({
    name: 'warroom_deliveries',
    help: 'notification deliveries stored, by channel kind and state',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const [groups, channels] = await Promise.all([
        ctx.prisma.delivery.groupBy({ by: ['channelId', 'state'], _count: { _all: true } }),
        ctx.prisma.notifyChannel.findMany({ select: { id: true, kind: true } }),
      ]);
      const kindOf = new Map(channels.map((c) => [c.id, c.kind]));
      for (const g of groups) this.inc({ kind: kindOf.get(g.channelId) ?? 'unknown', state: g.state }, g._count._all);
    },
  });
  new Gauge({
    name: 'warroom_outbox_depth',
    help: 'deliveries waiting to be sent (pending or retrying)',
    registers: [registry],
    async collect() {
      this.set(await ctx.prisma.delivery.count({ where: { state: { in: ['pending', 'retrying'] } } }));
    },
  });
  new Gauge({
    name: 'warroom_delivery_outcomes',
    help: 'send outcomes recorded by this process since it started, by channel kind and resulting state',
    labelNames: ['kind', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, n] of deliveryCounters) {
        const [kind = '', state = ''] = key.split('\u0000');
        this.set({ kind, state }, n);
      }
    },
  });
}
