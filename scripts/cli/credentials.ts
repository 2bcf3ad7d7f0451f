import type { Command } from 'commander';
import type { TRuntime } from '../../server/context';
import { AppError } from '../../server/errors';
import { createCredential } from '../../server/services/access/create-credential';
import { listCredentials } from '../../server/services/access/list-credentials';
import { issueCredential } from '../../server/services/access/issue-credential';
import { revokeCredential } from '../../server/services/access/revoke-credential';
import type { TCredentialKind } from '../../server/services/access/secrets';
import { CLI_ACTOR, printRows } from './actor';

type TGetRt = () => Promise<TRuntime>;

/** `<group> list` and `<group> revoke <id-or-prefix>` for one kind of credential. */
function addListAndRevoke(group: Command, kind: TCredentialKind, rt: TGetRt): void {
  group
    .command('list')
    .description('id, prefix, name, owner or room, created, last used (revoked ones with --all)')
    .option('--all', 'include revoked ones')
    .action(async (o: { all?: boolean }) => {
      const ctx = await rt();
      const rows = await listCredentials({ ctx, actor: CLI_ACTOR, input: { kind, includeRevoked: !!o.all } });
      printRows(
        ['ID', 'PREFIX', 'NAME', kind === 'token' ? 'USER' : 'ROOM', 'CREATED', 'LAST USED', 'REVOKED'],
        rows.map((c) => [
          c.id,
          c.prefix,
          c.name,
          c.user?.email ?? c.room?.slug ?? (kind === 'ingest' ? 'any-room' : ''),
          c.createdAt,
          c.lastUsedAt ?? 'never',
          c.revokedAt ? `revoked ${c.revokedAt}` : '',
        ]),
      );
    });
  group
    .command('revoke')
    .description('revoke by id or by the prefix shown in list; open sockets using it are closed')
    .argument('<id-or-prefix>')
    .action(async (ref: string) => {
      const ctx = await rt();
      const r = await revokeCredential({ ctx, actor: CLI_ACTOR, input: { idOrPrefix: ref, kind } });
      console.log(`revoked ${r.id}`);
    });
}

export function registerCredentialCommands(program: Command, rt: TGetRt): void {
  const token = program.command('token').description('personal API tokens');
  token
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
  addListAndRevoke(token, 'token', rt);

  const ingest = program.command('ingest-key').description('keys that may only push metrics and alerts');
  ingest
    .command('create')
    .description('print a new ingest key')
    .option('--room <slug>', 'limit the key to one room (default: any room)')
    .option('--name <name>', 'what the key is for', '')
    .action(async (o: { room?: string; name: string }) => {
      const ctx = await rt();
      const c = await issueCredential({ ctx, actor: CLI_ACTOR, input: { kind: 'ingest', room: o.room, name: o.name } });
      console.log(c.secret);
    });
  addListAndRevoke(ingest, 'ingest', rt);

  const display = program.command('display-link').description('read-only wall-display links');
  display
    .command('create')
    .description('print a wall-display URL that needs no sign-in')
    .option('--room <slug>', 'the room (default: the default room)')
    .option('--name <name>', 'which screen it is for', '')
    .action(async (o: { room?: string; name: string }) => {
      const ctx = await rt();
      const c = await issueCredential({ ctx, actor: CLI_ACTOR, input: { kind: 'display', room: o.room, name: o.name } });
      console.log(c.url);
    });
  addListAndRevoke(display, 'display', rt);
}
