import type { Command } from 'commander';
import type { TRuntime } from '../../server/context';
import { ZNewUser } from '../../lib/schemas/users';
import { AppError } from '../../server/errors';
import { detailsFromZodError } from '../../lib/errors';
import { createUser } from '../../server/services/users/create-user';

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
}
