import type { Command } from 'commander';
import type { z } from 'zod';
import { detailsFromZodError } from '../../lib/errors';
import { ROLES, type TRole } from '../../lib/roles';
import { ZNewUser, ZRole } from '../../lib/api/users';
import type { TRuntime } from '../../server/context';
import { AppError } from '../../server/errors';
import { createUser } from '../../server/services/users/create-user';
import { listUsers } from '../../server/services/users/list-users';
import { createPasswordLink } from '../../server/services/users/create-password-link';
import { setUserDisabled } from '../../server/services/users/set-user-disabled';
import { setUserPassword } from '../../server/services/users/set-user-password';
import { setUserRole } from '../../server/services/users/set-user-role';
import { unlockUser } from '../../server/services/users/unlock-user';
import { CLI_ACTOR, printRows } from './actor';
import { readSecret } from './prompt';

type TGetRt = () => Promise<TRuntime>;

const ZPassword = ZNewUser.shape.password.unwrap();

/** A zod failure as the CLI's one-line reason, naming the option. */
function checked<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = detailsFromZodError(r.error)[0]!;
  throw new AppError('validation_failed', `${d.field === '(body)' ? option : `--${d.field}`}: ${d.message}`);
}

async function passwordFrom(o: { password?: string; passwordStdin?: boolean; prompt?: boolean }): Promise<string | undefined> {
  if (o.password !== undefined) return checked(ZPassword, o.password, '--password');
  if (o.passwordStdin) return checked(ZPassword, await readSecret({ prompt: '', fromStdin: true }), '--password-stdin');
  if (!o.prompt) return undefined;
  const first = await readSecret({ prompt: 'new password (at least 8 characters): ', fromStdin: false });
  checked(ZPassword, first, 'password');
  const again = await readSecret({ prompt: 'again: ', fromStdin: false });
  if (again !== first) throw new AppError('validation_failed', 'the two passwords differ; nothing was changed');
  return first;
}

export function registerUserCommands(program: Command, rt: TGetRt): void {
  const user = program.command('user').description('people and their roles');
  user
    .command('add')
    .description('add a person; without a password, prints a one-time link where they choose their own')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--password <password>', 'sign-in password (at least 8 characters; npm prints it — prefer --password-stdin)')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (o: { email: string; name: string; role: string; password?: string; passwordStdin?: boolean }) => {
      const password = await passwordFrom(o);
      const input = checked(ZNewUser, { email: o.email, name: o.name, role: o.role, ...(password ? { password } : {}) }, '--email');
      const ctx = await rt();
      const u = await createUser({ ctx, input });
      console.log(`added ${u.email} as ${u.role}`);
      if (!password) {
        const link = await createPasswordLink({ ctx, actor: CLI_ACTOR, input: { idOrEmail: u.email } });
        console.log(`they choose a password here (one use, until ${link.expiresAt}):\n${link.url}`);
      }
    });
  user
    .command('list')
    .description('everyone with an account')
    .action(async () => {
      const ctx = await rt();
      const rows = await listUsers({ ctx, actor: CLI_ACTOR });
      printRows(
        ['ID', 'EMAIL', 'ROLE', 'STATE', 'NAME'],
        rows.map((u) => [u.id, u.email, u.role, u.disabled ? 'disabled' : 'active', u.name]),
      );
    });
  user
    .command('set-role')
    .description("change a person's role (the last admin keeps theirs)")
    .requiredOption('--email <email>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .action(async (o: { email: string; role: string }) => {
      const role: TRole = checked(ZRole, o.role, '--role');
      const ctx = await rt();
      const u = await setUserRole({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email, role } });
      console.log(`${u.email} is now ${u.role}`);
    });
  user
    .command('set-password')
    .description('set a password (asked at a prompt that shows nothing, or read from stdin), or print a one-time link')
    .requiredOption('--email <email>')
    .option('--password-stdin', 'read the new password from the first line of stdin')
    .option('--link', 'print a one-time link where the person chooses it themselves')
    .action(async (o: { email: string; passwordStdin?: boolean; link?: boolean }) => {
      if (o.link) {
        const ctx = await rt();
        const link = await createPasswordLink({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email } });
        console.log(`${link.email} chooses a password here (one use, until ${link.expiresAt}):\n${link.url}`);
        return;
      }
      if (!o.passwordStdin && !process.stdin.isTTY)
        throw new AppError('bad_request', 'no terminal to ask at: pipe the password with --password-stdin, or use --link');
      const password = (await passwordFrom({ passwordStdin: o.passwordStdin, prompt: true }))!;
      const ctx = await rt();
      const u = await setUserPassword({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email, password } });
      console.log(`password set for ${u.email}; their other sessions were signed out`);
    });
  user
    .command('unlock')
    .description('clear the sign-in lockout of an account after too many wrong passwords (the per-address limit stays)')
    .requiredOption('--email <email>')
    .action(async (o: { email: string }) => {
      const ctx = await rt();
      const u = await unlockUser({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email } });
      console.log(`${u.email} may sign in again`);
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(verb)
      .description(
        disabled ? 'stop a person signing in or using their tokens; ends their sessions and sockets' : 'let a disabled person back in',
      )
      .requiredOption('--email <email>')
      .action(async (o: { email: string }) => {
        const ctx = await rt();
        const u = await setUserDisabled({ ctx, actor: CLI_ACTOR, input: { idOrEmail: o.email, disabled } });
        console.log(`${u.email} ${u.disabled ? 'disabled' : 'enabled'}`);
      });
  }
}
