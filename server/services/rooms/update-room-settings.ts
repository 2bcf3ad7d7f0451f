import { parseEscalation } from '../../../lib/escalation';
import type { TRoomSettings } from '../../../lib/api/rooms';
import type { TRoomSettingsPatch } from '../../../lib/api/room-requests';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { mergeSeriesBounds, parseSeriesBounds } from '../../../lib/series-bounds';
import { relabelDefaultMilestones } from './ensure-default-room';
import { roomSettingsRoomDto } from './room-settings-dto';
import { roomFor } from './room-for';

const toDate = (t: string | number) => new Date(typeof t === 'number' ? t : Date.parse(t));

/** Changes a room's name, locale, time zone, go-live time, stale threshold, series bounds, escalation or status page switch (lead+). */
export async function updateRoomSettings(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TRoomSettingsPatch;
}): Promise<TRoomSettings['room']> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  if (input.statusPage) {
    const page = { enabled: input.statusPage.enabled, ...(input.statusPage.title !== undefined ? { title: input.statusPage.title } : {}) };
    await ctx.prisma.statusPage.upsert({ where: { roomId: room.id }, create: { roomId: room.id, ...page }, update: page });
  }
  const updated = await ctx.prisma.room.update({
    where: { id: room.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.staleAfterSeconds !== undefined ? { staleAfterSeconds: input.staleAfterSeconds } : {}),
      ...(input.seriesBounds !== undefined
        ? { seriesBounds: JSON.stringify(mergeSeriesBounds(parseSeriesBounds(room.seriesBounds), input.seriesBounds)) }
        : {}),
      ...(input.escalation !== undefined
        ? { escalation: JSON.stringify({ ...parseEscalation(room.escalation), ...input.escalation }) }
        : {}),
      ...(input.goLiveAt !== undefined ? { goLiveAt: input.goLiveAt === null ? null : toDate(input.goLiveAt) } : {}),
    },
  });
  if (input.locale) await relabelDefaultMilestones({ ctx, roomId: room.id, from: room.locale, to: input.locale });
  ctx.bus.emit('room.changed', { roomId: room.id });
  // Name, language, time zone and the page switch all show on the public page.
  ctx.bus.emit('status.changed', { roomId: room.id });
  return roomSettingsRoomDto(updated);
}
