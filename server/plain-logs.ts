/**
 * No ANSI colour codes where nobody reads colour: when stdout is not a
 * terminal (a log file, a pipe, a service manager), colour is off for every
 * library that asks the environment — Next's own log lines among them — even
 * when FORCE_COLOR was inherited from a CI runner or a task runner. Imported
 * first (server/index.ts, scripts/start.ts), before those libraries load.
 */
if (!process.stdout.isTTY) {
  delete process.env.FORCE_COLOR;
  process.env.NO_COLOR = '1';
}
