// The admin CLI: `npm run warroom -- <command>`. Exit 0 on success; otherwise
// non-zero with a one-line reason on stderr.
import { Command, CommanderError } from 'commander';
import { bootstrap } from '../server/bootstrap';
import { isAppError } from '../server/errors';
import { registerCredentialCommands } from './cli/credentials';
import { registerUserCommands } from './cli/users';
import { registerReportCommand } from './cli/report';

type TRt = Awaited<ReturnType<typeof bootstrap>>;
const opened: { rt?: TRt } = {};
/** Opens the database (and migrates it) on first use, so --help needs none. */
async function rt(): Promise<TRt> {
  opened.rt ??= await bootstrap();
  return opened.rt;
}

const program = new Command('warroom')
  .description('Warroom administration')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });
registerUserCommands(program, rt);
registerCredentialCommands(program, rt);
registerReportCommand(program, rt);

try {
  await program.parseAsync(process.argv);
  await opened.rt?.close();
} catch (err) {
  await opened.rt?.close().catch(() => {});
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const msg = isAppError(err) ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`warroom: ${msg.split('\n')[0]}\n`);
  process.exit(1);
}
