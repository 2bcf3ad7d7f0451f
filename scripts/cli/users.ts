import type { Command } from 'commander';
import type { TRuntime } from '../../server/context';
import { ZNewUser } from '../../lib/schemas/users';
import { AppError } from '../../server/errors';
import { detailsFromZodError } from '../../lib/errors';
import { createUser } from '../../server/services/users/create-user';
import { listUsers } from '../../server/services/users/list-users';
import { setUserDisabled } from '../../server/services/users/set-user-disabled';
import { CLI_ACTOR, printRows } from './actor';

type TGetRt = () => Promise<TRuntime>;

export function registerUserCommands(program: Command, rt: TGetRt): void {
  const user = program.command('user').description('people and their roles');
  user
    .command('add')
    .description('add a person')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', 'viewer | engineer | lead | admin')
    .option('--password <password>', 'sign-in password (at least 8 characters)')
    .action(async (o: { email: string; name: string; role: string; password?: string }) => {
      const parsed = ZNewUser.safeParse(o);
      if (!parsed.success) {
        const d = detailsFromZodError(parsed.error)[0]!;
        throw new AppError('validation_failed', `--${d.field}: ${d.message}`);
      }
      const ctx = await rt();
      const u = await createUser({ ctx, input: parsed.data });
      console.log(`${u.id} ${u.email} ${u.role}`);
    });
  user
    .command('list')
    .description('id, email, role, state, name')
    .action(async () => {
      const ctx = await rt();
      const rows = await listUsers({ ctx, actor: CLI_ACTOR });
      printRows(rows.map((u) => [u.id, u.email, u.role, u.disabled ? 'disabled' : 'active', u.name]));
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(verb)
      .description(disabled ? 'stop a person signing in or using their tokens; ends their sessions and sockets' : 'let a disabled person back in')
      .requiredOption('--email <email>')
      .action(async (o: { email: string }) => {
        const ctx = await rt();
        const u = await setUserDisabled({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email, disabled } });
        console.log(`${u.email} ${u.disabled ? 'disabled' : 'enabled'}`);
      });
  }
}
