import type { TChannel, TChannelInput, TChannelPatch } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { isUniqueViolation } from '../../errors';
import { notFound } from '../rooms/room-settings-dto';
import { roomFor } from '../rooms/room-for';
import { loadChannelDtos } from './channel-dto';

const nameTaken = (name: string) =>
  new AppError('conflict', `a channel named "${name}" exists in this room`, [{ field: 'name', message: 'already used in this room' }]);

async function one(ctx: TServiceContext, roomId: string, id: string): Promise<TChannel> {
  const [c] = await loadChannelDtos(ctx, roomId, id);
  if (!c) throw notFound('channel', id);
  return c;
}

/** The room's channels with their health, never their secrets (lead+). */
export async function listChannels(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TChannel[]> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  return loadChannelDtos(opts.ctx, room.id);
}

/** Adds a channel (lead+); its secret is stored and never read back. */
export async function createChannel(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TChannelInput }): Promise<TChannel> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  try {
    const row = await ctx.prisma.notifyChannel.create({
      data: {
        roomId: room.id,
        name: input.name,
        kind: input.kind,
        url: input.url ?? null,
        secret: input.secret ?? null,
        recipients: JSON.stringify(input.to ?? []),
        events: JSON.stringify([...new Set(input.events)]),
        minSeverity: input.minSeverity,
        language: input.language ?? null,
        paused: input.paused,
        ratePerMinute: input.ratePerMinute ?? null,
      },
    });
    return one(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** Changes a channel (lead+); `secret: null` removes it, an absent secret keeps it. */
export async function updateChannel(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TChannelPatch;
}): Promise<TChannel> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.notifyChannel.findFirst({ where: { id, roomId: room.id }, select: { id: true } });
  if (!existing) throw notFound('channel', id);
  try {
    await ctx.prisma.notifyChannel.update({
      where: { id },
      data: {
        name: input.name,
        url: input.url,
        secret: input.secret,
        recipients: input.to ? JSON.stringify(input.to) : undefined,
        events: input.events ? JSON.stringify([...new Set(input.events)]) : undefined,
        minSeverity: input.minSeverity,
        language: input.language,
        paused: input.paused,
        ratePerMinute: input.ratePerMinute,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? '');
    throw err;
  }
  return one(ctx, room.id, id);
}

/** Deletes a channel and its delivery log (lead+). */
export async function deleteChannel(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const gone = await opts.ctx.prisma.notifyChannel.deleteMany({ where: { id: opts.id, roomId: room.id } });
  if (gone.count === 0) throw notFound('channel', opts.id);
  return { deleted: true };
}
