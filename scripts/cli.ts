// The admin CLI: `npm run warroom -- <command>`. Exit 0 on success; otherwise
// non-zero with a one-line reason on stderr.
import { Command, CommanderError } from 'commander';
import { bootstrap } from '../server/bootstrap';
import { envValue, isPostgresUrl, loadConfig, sqlitePathFromUrl } from '../server/config';
import { isAppError } from '../server/errors';
import { loadDotEnv, readServerInfo } from '../server/server-info';
import { registerCredentialCommands } from './cli/credentials';
import { registerUserCommands } from './cli/users';
import { registerReportCommand } from './cli/report';

type TRt = Awaited<ReturnType<typeof bootstrap>>;
const opened: { rt?: TRt } = {};
// The same settings as the server: its .env, and the address of the server running on the same database.
loadDotEnv();
let where = '';

/** Opens the database (and migrates it) on first use, so --help needs none. */
async function rt(): Promise<TRt> {
  if (!opened.rt) {
    let config = loadConfig();
    const running = readServerInfo(config.DATABASE_URL);
    if (!envValue('WARROOM_PUBLIC_URL') && running) config = loadConfig({ ...process.env, WARROOM_PUBLIC_URL: running.url });
    const db = config.DATABASE_URL;
    where = isPostgresUrl(db) ? `PostgreSQL ${new URL(db).host}${new URL(db).pathname}` : `SQLite ${sqlitePathFromUrl(db)}`;
    opened.rt = await bootstrap({ config });
  }
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
  // Which database the command read or wrote, so a CLI on the wrong one is noticed.
  if (where) process.stderr.write(`(database: ${where})\n`);
} catch (err) {
  await opened.rt?.close().catch(() => {});
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const msg = isAppError(err) ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`warroom: ${msg.split('\n')[0]}\n`);
  process.exit(1);
}
