import type { Command } from 'commander';
import { detailsFromZodError } from '../../lib/errors';
import { ZCreateRoom } from '../../lib/api/room-requests';
import type { TRuntime } from '../../server/context';
import { AppError } from '../../server/errors';
import { createRoom } from '../../server/services/rooms/create-room';
import { listRooms } from '../../server/services/rooms/list-rooms';
import { updateRoom } from '../../server/services/rooms/update-room';
import { CLI_ACTOR, printRows } from './actor';

type TGetRt = () => Promise<TRuntime>;

const OPTION: Record<string, string> = { slug: '--slug', name: '--name', timeZone: '--time-zone', locale: '--locale' };

/** `room add|list|archive`: the same services as POST/GET /api/v1/rooms and PATCH /api/v1/rooms/:room. */
export function registerRoomCommands(program: Command, rt: TGetRt): void {
  const room = program.command('room').description('rooms: one per launch, service or cutover');
  room
    .command('add')
    .description('create a room (prints its wall path)')
    .requiredOption('--slug <slug>', 'lower-case letters, digits and dashes: /wall/<slug>')
    .requiredOption('--name <name>', 'what people call it')
    .option('--time-zone <tz>', 'IANA time zone, e.g. Asia/Shanghai', 'UTC')
    .option('--locale <locale>', 'zh or en: the wall and status page speak it', 'en')
    .action(async (o: { slug: string; name: string; timeZone: string; locale: string }) => {
      const r = ZCreateRoom.safeParse(o);
      if (!r.success) {
        const d = detailsFromZodError(r.error)[0]!;
        throw new AppError('validation_failed', `${OPTION[d.field] ?? d.field}: ${d.message}`);
      }
      const made = await createRoom({ ctx: await rt(), actor: CLI_ACTOR, input: r.data });
      console.log(`created room ${made.slug} (${made.locale}, ${made.timeZone}): /wall/${made.slug}`);
    });
  room
    .command('list')
    .description('slug, name, language, time zone, open incidents, archived (archived ones included)')
    .action(async () => {
      const rows = await listRooms({ ctx: await rt(), actor: CLI_ACTOR, archived: true });
      printRows(
        ['SLUG', 'NAME', 'LOCALE', 'TIME ZONE', 'OPEN', 'ARCHIVED'],
        rows.map((r) => [r.slug, r.name, r.locale, r.timeZone, String(r.openIncidents), r.archived ? 'archived' : '']),
      );
    });
  room
    .command('archive')
    .description('make a room read-only: history, report and wall stay; ingest and new incidents answer 409')
    .requiredOption('--slug <slug>', 'the room')
    .action(async (o: { slug: string }) => {
      const r = await updateRoom({ ctx: await rt(), actor: CLI_ACTOR, slug: o.slug, input: { archived: true } });
      console.log(`archived room ${r.slug}`);
    });
}
