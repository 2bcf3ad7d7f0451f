// `npm run demo`: starts Warroom as `npm start` does, makes a cast of made-up
// people the admin's way, then replays a launch night into it through the
// public HTTP API only. Options: --scenario, --speed, --seed, --exit.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { bootstrap } from '../server/bootstrap';
import { createCredential } from '../server/services/access/create-credential';
import { prepareCast, type TCast } from './demo/cast';
import { pointRoomAtChat, startChatStandIn, waitChatSent, type TChatStandIn } from './demo/chat-stand-in';
import { WarroomClient } from './demo/client';
import { DEFAULT_SCENARIO, loadScenario, ScenarioError } from './demo/load-scenario';
import { runReplay } from './demo/runner';
import { startWarroom, type TRunningWarroom } from './demo/serve';

function number(min: number, max: number, integer: boolean) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return n;
  };
}

const program = new Command('demo')
  .description('Start Warroom and replay a launch night into it through the public API')
  .option('--scenario <path>', 'scenario file (YAML or JSON; see docs/scenarios.md)', DEFAULT_SCENARIO)
  .option('--speed <n>', "how many times faster than real time (1 = real time; default: the scenario's)", number(1, 1_000_000, false))
  .option('--seed <n>', "seed of the noise: same scenario and seed, same points (default: the scenario's)", number(0, 2 ** 31 - 1, true))
  .option('--exit', 'stop Warroom when the replay ends (default: keep serving)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const fail = (message: string, code = 1): never => {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(code);
};

let opts: { scenario: string; speed?: number; seed?: number; exit?: boolean };
try {
  opts = program.parse(process.argv).opts();
} catch (err) {
  process.exit(err instanceof CommanderError ? err.exitCode : 1);
}

// The scenario is checked before anything starts: a bad file costs no build.
let scenario: ReturnType<typeof loadScenario> | undefined;
try {
  scenario = loadScenario(opts.scenario);
} catch (err) {
  fail(err instanceof ScenarioError ? err.message : String(err), 2);
}
const speed = opts.speed ?? scenario!.speed;
const seed = opts.seed ?? scenario!.seed;

const aborter = new AbortController();
let warroom: TRunningWarroom | undefined;
const shutdown = async (signal: string) => {
  if (aborter.signal.aborted) return;
  process.stderr.write(`demo: ${signal}, stopping\n`);
  aborter.abort(new Error(signal));
  await warroom?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// However this process ends (a crash, a closed stdout), it must not leave Warroom running orphaned.
process.on('exit', () => {
  if (warroom && warroom.proc.exitCode === null && warroom.proc.signalCode === null) warroom.proc.kill('SIGTERM');
});

let chat: TChatStandIn | undefined;
try {
  // The team's chat group, on this machine: one log line per message the night sends it.
  chat = await startChatStandIn((m) => console.log(`demo: chat ← ${m.title || m.text.split('\n')[0]}`));
  warroom = await startWarroom({ signal: aborter.signal });
  // The admin's path, as `npm run warroom -- user add / token create / ingest-key create` would.
  const rt = await bootstrap();
  let cast: TCast;
  let wallLink: string;
  let chatChannel: string;
  try {
    cast = await prepareCast({ ctx: rt, scenario: scenario! });
    chatChannel = await pointRoomAtChat(rt, cast.room.id, chat);
    const display = await createCredential({ ctx: rt, kind: 'display', roomId: cast.room.id, name: 'demo wall' });
    wallLink = `${warroom.url}/wall/${cast.room.slug}?key=${encodeURIComponent(display.secret)}`;
  } finally {
    await rt.close();
  }
  console.log(`demo: the wall, no sign-in needed: ${wallLink}`);
  console.log(`demo: chat: the room's DingTalk channel posts to a stand-in on ${new URL(chat.webhookUrl).host}`);
  console.log(
    `demo: cast: ${Object.values(cast.people)
      .map((p) => `${p.name} (${p.role}, ${p.email})`)
      .join(', ')}`,
  );

  const client = new WarroomClient(warroom.url, { signal: aborter.signal });
  const summary = await runReplay({
    scenario: scenario!,
    seed,
    speed,
    client,
    cast,
    signal: aborter.signal,
    log: (l) => console.log(`demo: ${l}`),
  });
  console.log(
    `demo: done: ${summary.points} points in ${summary.posts} posts, ${summary.events} events, ${Object.keys(summary.incidents).length} incidents, ${(summary.wallMs / 1000).toFixed(1)} s`,
  );
  for (const f of summary.fallbacks) console.log(`demo: this server has no endpoint for ${f}`);
  if (opts.exit) {
    // The outbox sends after each event's commit: let the last messages reach the chat before stopping.
    const rt2 = await bootstrap();
    try {
      const left = await waitChatSent(rt2, chatChannel);
      if (left) console.log(`demo: ${left} chat messages still unsent when the demo stopped`);
    } finally {
      await rt2.close();
    }
    console.log(`demo: chat: ${chat.received.length} messages received`);
    await chat.close();
    await warroom.stop();
    process.exit(0);
  }
  console.log(`demo: Warroom keeps serving on ${warroom.url}; Ctrl-C stops it`);
  warroom.proc.once('exit', (code) => process.exit(code ?? 0));
} catch (err) {
  // After a signal, shutdown() stops Warroom and exits; leaving here first would orphan it.
  if (!aborter.signal.aborted) {
    await warroom?.stop();
    fail(err instanceof Error ? err.message : String(err));
  }
}
