import type { TComponent, TComponentInput, TComponentPatch } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { loadComponents } from './status-rows';

const nameTaken = (name: string) =>
  new AppError('conflict', `a component named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

async function assertProbe(ctx: TServiceContext, roomId: string, probe: string | null | undefined): Promise<void> {
  if (!probe) return;
  const found = await ctx.prisma.probe.findFirst({ where: { roomId, name: probe }, select: { id: true } });
  if (!found)
    throw new AppError('validation_failed', `no probe "${probe}" in this room`, [
      { field: 'probe', message: 'no such probe in this room' },
    ]);
}

async function one(ctx: TServiceContext, roomId: string, id: string): Promise<TComponent> {
  const c = (await loadComponents(ctx, roomId)).find((x) => x.id === id);
  if (!c) throw new AppError('not_found', `no component ${id} in this room`);
  const { createdAt: _created, ...dto } = c;
  return dto;
}

/** The room's status page components with the state each shows now (viewer+). */
export async function listComponents(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TComponent[]> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  return (await loadComponents(opts.ctx, room.id)).map(({ createdAt: _c, ...dto }) => dto);
}

/** Adds a component, optionally following one of the room's probes (lead+). */
export async function createComponent(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TComponentInput;
}): Promise<TComponent> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  await assertProbe(ctx, room.id, input.probe);
  try {
    const row = await ctx.prisma.statusComponent.create({
      data: {
        roomId: room.id,
        name: input.name,
        description: input.description ?? null,
        group: input.group ?? null,
        order: input.order ?? 0,
        probeName: input.probe ?? null,
        degradedAfterMs: input.degradedAfterMs ?? null,
        manualStatus: input.status ?? null,
      },
    });
    ctx.bus.emit('status.changed', { roomId: room.id });
    return one(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** Changes a component (lead+); `status: null` hands it back to its probe. */
export async function updateComponent(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TComponentPatch;
}): Promise<TComponent> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.statusComponent.findFirst({ where: { id, roomId: room.id } });
  if (!existing) throw new AppError('not_found', `no component ${id} in this room`);
  await assertProbe(ctx, room.id, input.probe);
  try {
    await ctx.prisma.statusComponent.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        group: input.group,
        order: input.order,
        probeName: input.probe,
        degradedAfterMs: input.degradedAfterMs,
        manualStatus: input.status,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? existing.name);
    throw err;
  }
  ctx.bus.emit('status.changed', { roomId: room.id });
  return one(ctx, room.id, id);
}

/** Deletes a component (lead+); incidents that named it keep the rest. */
export async function deleteComponent(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const done = await ctx.prisma.statusComponent.deleteMany({ where: { id, roomId: room.id } });
  if (done.count === 0) throw new AppError('not_found', `no component ${id} in this room`);
  ctx.bus.emit('status.changed', { roomId: room.id });
  return { deleted: true };
}
