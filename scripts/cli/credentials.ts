import type { Command } from 'commander';
import type { TRuntime } from '../../server/context';
import { AppError } from '../../server/errors';
import { createCredential } from '../../server/services/access/create-credential';
import { resolveRoom } from '../../server/services/rooms/resolve-room';

type TGetRt = () => Promise<TRuntime>;

export function registerCredentialCommands(program: Command, rt: TGetRt): void {
  program
    .command('token')
    .description('personal API tokens')
    .command('create')
    .description('print a personal API token that acts as the user')
    .requiredOption('--email <email>', "the user's email")
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (o: { email: string; name: string }) => {
      const ctx = await rt();
      const user = await ctx.prisma.user.findUnique({ where: { email: o.email.toLowerCase() } });
      if (!user) throw new AppError('not_found', `no user with email ${o.email}`);
      if (user.disabled) throw new AppError('forbidden', `user ${o.email} is disabled`);
      const c = await createCredential({ ctx, kind: 'token', userId: user.id, name: o.name });
      console.log(c.secret);
    });

  program
    .command('ingest-key')
    .description('keys that may only push metrics and alerts')
    .command('create')
    .description('print a new ingest key')
    .option('--room <slug>', 'limit the key to one room (default: any room)')
    .option('--name <name>', 'what the key is for', '')
    .action(async (o: { room?: string; name: string }) => {
      const ctx = await rt();
      const room = o.room ? await resolveRoom({ ctx, slug: o.room }) : null;
      const c = await createCredential({ ctx, kind: 'ingest', roomId: room?.id ?? null, name: o.name });
      console.log(c.secret);
    });

  program
    .command('display-link')
    .description('read-only wall-display links')
    .command('create')
    .description('print a wall-display URL that needs no sign-in')
    .option('--room <slug>', 'the room (default: the default room)')
    .option('--name <name>', 'which screen it is for', '')
    .action(async (o: { room?: string; name: string }) => {
      const ctx = await rt();
      const room = await resolveRoom({ ctx, slug: o.room });
      const c = await createCredential({ ctx, kind: 'display', roomId: room.id, name: o.name });
      console.log(`${ctx.config.publicUrl}/wall/${room.slug}?key=${encodeURIComponent(c.secret)}`);
    });
}
