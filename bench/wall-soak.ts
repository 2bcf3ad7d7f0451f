/**
 * A week unattended (issue 26): the real wall (display link, 1920×1080) in
 * headless Chromium, fed `--days` of compressed time while the bench breaks
 * everything around it — Warroom restarted `--restarts` times (every third a
 * `kill -9`), the database restarted (`--db postgres`: a private PostgreSQL
 * the bench starts on a free port; never the shared one) or its file locked
 * (`--db sqlite`: an exclusive transaction held for `--lock-s`), and the
 * network between browser and server cut `--drops` times for up to
 * `--drop-s` (a TCP proxy in this process that drops every connection and
 * refuses new ones).
 *
 * Compressed time: the server (a `--import` preload) and the page (an init
 * script) run the same fast clock, sim = SIM0 + (real − REAL0) × rate, so
 * the room's time zone (Europe/Berlin) crosses midnight every day, the go-live
 * countdown crosses a midnight, and day 4 is the spring DST change. Each day
 * a launch curve of registered/online users (a point every 250 ms of real
 * time) and two incidents opened and resolved. The room's stale threshold
 * is `--stale-s` seconds of real time.
 *
 * Printed per simulated day: JS heap after GC (the least of five readings: the page allocates between
 * the GC and the reading), DOM nodes and listeners
 * (CDP Memory.getDOMCounters), WebSockets open in the page (CDP Network events), the longest time
 * a number was on screen without a stale mark while it was not current (its
 * value older than the threshold: the producer makes a new one every 250 ms
 * whether or not anything can deliver it; each such stretch is printed
 * with what the wall said, the fault before it, and how late the page's own timers were when the
 * sample read the screen: a starved renderer's overdue stale check), back-to-LIVE after each restart
 * (from the new process being ready), reloads and blank samples.
 *
 *   npx tsx bench/wall-soak.ts [--db sqlite|postgres] [--days 7] [--minutes 30] [--restarts 100]
 *       [--db-restarts 3] [--db-down-s 10] [--lock-s 60] [--drops 5] [--drop-s 120] [--stale-s 3] [--json FILE]
 *       [--snapshots DIR [--snap-days 1,7]] [--js-flags '--no-opt --no-maglev --no-sparkplug']
 *
 * `--snapshots`: a heap snapshot after the reading on those days (a 3–6 s pause of the page), written to DIR and
 * split into the page's objects and V8's compiled code (bytecode, baseline and optimized code, feedback): the
 * code grows for days as more of the page's functions get hot enough to be compiled, which is not the page
 * keeping anything. `--js-flags`: V8 flags for the page's Chromium, for experiments only (the flags above turn the
 * compiling tiers off).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { startPrivatePostgres } from '../tests/helpers/private-postgres';
import { api, startServer, type TTestServer } from '../tests/helpers/server';
import { heap, heapSnapshot, openSockets, pageProbe, sample, type TSample, within } from './wall-soak-page';
import { cuttableProxy } from './wall-soak-proxy';
import { load, report, type TDay } from './wall-soak-report';

const argv = process.argv.slice(2);
const num = (name: string, d: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : d);
const str = (name: string, d: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : d);
const DB = str('db', 'postgres') as 'sqlite' | 'postgres';
const DAYS = Math.max(1, Math.min(14, num('days', 7)));
const MINUTES = Math.max(0.5, Math.min(240, num('minutes', 30)));
const RESTARTS = Math.max(0, Math.min(200, num('restarts', 100)));
const DB_RESTARTS = DB === 'postgres' ? Math.max(0, Math.min(10, num('db-restarts', 3))) : 0;
const DB_DOWN_S = Math.max(0, Math.min(120, num('db-down-s', 10)));
const LOCKS = DB === 'sqlite' ? Math.max(0, Math.min(3, num('locks', 1))) : 0;
const LOCK_S = Math.max(1, Math.min(120, num('lock-s', 60)));
const DROPS = Math.max(0, Math.min(10, num('drops', 5)));
const DROP_S = Math.max(1, Math.min(120, num('drop-s', 120)));
const STALE_S = Math.max(1, Math.min(30, num('stale-s', 3)));
const JSON_OUT = str('json', '');
/** Heap snapshots (CDP) after the day's heap reading, written to `--snapshots DIR` as dayN.heapsnapshot, for `--snap-days 1,7`. */
const SNAP_DIR = str('snapshots', '');
const SNAP_DAYS = str('snap-days', `1,${DAYS}`).split(',').map(Number);
/** Experiment only: V8 flags for the page's Chromium (e.g. `--no-opt --no-maglev --no-sparkplug`: no compiled code but bytecode). */
const JS_FLAGS = str('js-flags', '');

const TIME_ZONE = 'Europe/Berlin';
/** 00:00 CET on Thursday 25 March 2027; Sunday the 28th (day 4) springs forward at 02:00. */
const SIM0 = Date.parse('2027-03-24T23:00:00Z');
const DAY = 86_400_000;
/** Set when the week starts (after setup): until then every clock runs at real speed. */
let REAL0 = Number.POSITIVE_INFINITY;
const RATE = (DAYS * DAY) / (MINUTES * 60_000);
const simNow = (real = Date.now()) => SIM0 + (real - REAL0) * RATE;
const realAt = (sim: number) => REAL0 + (sim - SIM0) / RATE;
const TICK_MS = 250;

/**
 * The fast clock, for the server: a preload (data: URL) that reads `sim0 real0 rate` from a file at
 * boot and again on SIGUSR2 — the bench sets it once setup is done, and every restarted process
 * reads the same. Only Date moves fast; timers keep real time. A string: tsx's helpers are not there.
 */
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'warroom-soak-clock-')), 'clock');
writeFileSync(CLOCK_FILE, `0 0 1`);
const serverClock = `import { readFileSync } from 'node:fs';
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let c = [0, 0, 1];
const read = () => { c = readFileSync(${JSON.stringify(CLOCK_FILE)}, 'utf8').trim().split(' ').map(Number); };
read();
process.on('SIGUSR2', read);
const sim = () => Math.floor(c[0] + (realNow() - c[1]) * c[2]);
class FastDate extends RealDate {
  constructor(...a) { if (a.length === 0) super(sim()); else super(...a); }
  static now() { return sim(); }
}
globalThis.Date = FastDate;`;
/**
 * The same clock in the page, fixed from the start (the page opens after the week has started).
 * engine.io-client's heartbeat check compares Date.now() with a deadline it set from Date.now()
 * plus real milliseconds (its timers are real): it keeps real time, found by its method names.
 */
const pageClock = () => `(() => {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const sim = () => Math.floor(${SIM0} + (realNow() - ${REAL0}) * ${RATE});
  const heartbeat = () => /_hasPingExpired|_resetPingTimeout/.test(new Error().stack || '');
  class FastDate extends RealDate {
    constructor(...a) { if (a.length === 0) super(sim()); else super(...a); }
    static now() { return heartbeat() ? realNow() : sim(); }
  }
  globalThis.Date = FastDate;
})();`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the run
type TEvent = { kind: 'restart'; signal: NodeJS.Signals } | { kind: 'db-restart' } | { kind: 'lock' } | { kind: 'drop'; seconds: number };

function plan(): { at: number; ev: TEvent }[] {
  const evs: TEvent[] = [];
  for (let i = 0; i < RESTARTS; i++) evs.push({ kind: 'restart', signal: i % 3 === 2 ? 'SIGKILL' : 'SIGTERM' });
  const others: TEvent[] = [];
  for (let i = 0; i < DB_RESTARTS; i++) others.push({ kind: 'db-restart' });
  for (let i = 0; i < LOCKS; i++) others.push({ kind: 'lock' });
  // Drops of different lengths, the longest `--drop-s`.
  for (let i = 0; i < DROPS; i++) others.push({ kind: 'drop', seconds: Math.max(1, Math.round(DROP_S * (0.4 + (0.6 * (i + 1)) / DROPS))) });
  // Spread the rarer faults evenly through the week, the restarts between them.
  const total = evs.length + others.length;
  const out: TEvent[] = [];
  let o = 0;
  let r = 0;
  for (let i = 0; i < total; i++) {
    const wantOther = others.length && o < others.length && (i + 1) / total >= (o + 0.5) / others.length;
    if (wantOther || r >= evs.length) out.push(others[o++]!);
    else out.push(evs[r++]!);
  }
  // Leave the first and last tenth of the week quiet (the baseline and the final reading).
  const span = MINUTES * 60_000 * 0.8;
  return out.map((ev, i) => ({ at: REAL0 + MINUTES * 60_000 * 0.1 + (span * (i + 0.5)) / total, ev }));
}

/** Registered users: 1,000,000 then each day a launch curve (steep in the evening, flat at night); online follows the day. */
function launchCurve(sim: number) {
  const local = new Date(sim).toLocaleString('en-US', { timeZone: TIME_ZONE, hour12: false, hour: 'numeric', minute: 'numeric' });
  const [h, m] = local.split(':').map(Number) as [number, number];
  const hour = (h % 24) + m / 60;
  // Evening launch at 20:00 local: a bell of sign-ups.
  const bell = Math.exp(-(((hour - 20.5) / 1.5) ** 2));
  return { growthPerTick: 1 + Math.round(40 * bell), online: Math.round(20_000 + 80_000 * bell + 5_000 * Math.sin(hour / 3)) };
}

async function main() {
  buildIfNeeded();
  console.log(
    `wall soak: ${DAYS} days in ${MINUTES} min (×${Math.round(RATE)}), ${DB}, ${RESTARTS} restarts, ${DB_RESTARTS} database restarts, ${LOCKS} locks of ${LOCK_S} s, ${DROPS} network drops ≤ ${DROP_S} s, stale after ${STALE_S} s; load ${load()}`,
  );
  const privatePg = DB === 'postgres' ? await startPrivatePostgres() : null;
  let server: TTestServer | null = null;
  const proxy = cuttableProxy(() => server!.port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: JS_FLAGS ? [...CHROMIUM_ARGS, `--js-flags=${JS_FLAGS}`] : CHROMIUM_ARGS,
    headless: true,
  });
  // Interrupted: stop what this bench started (its server, its PostgreSQL, Chromium), then exit.
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      void (async () => {
        await browser.close().catch(() => {});
        proxy.close();
        await server?.stop().catch(() => {});
        privatePg?.destroy();
        process.exit(130);
      })();
    });
  const dataUrl = `data:text/javascript,${encodeURIComponent(serverClock)}`;
  try {
    server = await startServer({
      db: DB,
      ...(privatePg ? { databaseUrl: privatePg.url } : {}),
      nodeFlags: ['--import', dataUrl],
    });
    const key = await server.createIngestKey();
    const display = await server.createDisplayLink();
    const eng = await server.createUser('engineer');
    const room = await server.ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
    await server.ctx.prisma.room.update({
      where: { id: room.id },
      data: {
        timeZone: TIME_ZONE,
        staleAfterSeconds: Math.ceil((STALE_S * 1000 * RATE) / 1000),
        // The countdown crosses midnight: go-live at 00:30 on day 3, local time.
        goLiveAt: new Date(SIM0 + 2 * DAY + 30 * 60_000),
      },
    });
    // Settings are read at boot and cached: one unmeasured restart picks them up.
    await server.restart();
    const proxyPort = await proxy.listen();
    // The week starts: the server's clock jumps to the first midnight and runs fast, the page's with it.
    REAL0 = Date.now();
    writeFileSync(CLOCK_FILE, `${SIM0} ${REAL0} ${RATE}`);
    server.proc.kill('SIGUSR2');

    // ------------------------------------------------ the producer: a point every 250 ms, delivered or not
    const produced: { value: number; at: number }[] = [];
    let users = 1_000_000;
    let stopFeed = false;
    let posted = 0;
    let refused = 0;
    const feed = (async () => {
      while (!stopFeed) {
        const at = Date.now();
        const sim = simNow(at);
        const c = launchCurve(sim);
        users += c.growthPerTick;
        produced.push({ value: users, at });
        const body = JSON.stringify({
          points: [
            { name: 'users_total', value: users, time: Math.floor(sim) },
            { name: 'users_online', value: c.online, time: Math.floor(sim) },
          ],
        });
        try {
          // Bounded as a whole: a fetch aborted while its body is read can stay pending for ever (Node 20's
          // undici, nodejs/node#56917), and the producer with it: no point stored for the rest of the week.
          const status = await within(
            (async () => {
              const res = await fetch(`${server!.url}/api/v1/metrics`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
                body,
                signal: AbortSignal.timeout(2000),
              });
              await res.arrayBuffer();
              return res.status;
            })(),
            3000,
            'a post',
          );
          if (status === 202) posted++;
          else refused++;
        } catch {
          refused++;
        }
        await sleep(Math.max(0, TICK_MS - (Date.now() - at)));
      }
    })();
    /** When the value on screen stopped being the newest: when the next one was produced. */
    const supersededAt = (v: number) => {
      let lo = 0;
      let hi = produced.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (produced[mid]!.value < v) lo = mid + 1;
        else hi = mid;
      }
      // produced[lo] is the first value ≥ v (what is on screen, or what it counts up to).
      return produced[lo + 1]?.at ?? Number.POSITIVE_INFINITY;
    };

    // ------------------------------------------------ incidents: two a day, opened and resolved
    let incidentsOpened = 0;
    let incidentsResolved = 0;
    /**
     * One incident write, as a person's screen would make it: tried again while the server is restarting
     * (refused, or 503 from an unreachable database), under one Idempotency-Key so an answer lost in a
     * restart never applies it twice. The answer, or null after 5 tries (and why).
     */
    const write = async (what: string, path: string, body: unknown, key: string) => {
      let why = '';
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = await api(server!, 'POST', path, { token: eng.token, body, headers: { 'idempotency-key': key } }).catch(
          (e: Error & { cause?: { code?: string } }) => ({ status: 0, body: e.cause?.code ?? e.message }),
        );
        if (r.status === 201) return r;
        why = `${r.status || 'no answer'} ${String(JSON.stringify(r.body)).slice(0, 200)}`;
        await sleep(2000);
      }
      console.warn(`${what} failed 5 times: ${why}`);
      return null;
    };
    const openIncident = async (title: string) => {
      const r = await write('opening an incident', '/api/v1/incidents', { title, severity: 'SEV3' }, `soak-${title}-${Date.now()}`);
      if (r) incidentsOpened++;
      return r ? (r.body.id as string) : null;
    };
    const resolveIncident = async (id: string) => {
      const r = await write(
        'resolving an incident',
        `/api/v1/incidents/${id}/updates`,
        { body: 'fixed', status: 'resolved' },
        `soak-resolve-${id}`,
      );
      if (r) incidentsResolved++;
    };

    // ------------------------------------------------ the wall
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: TIME_ZONE });
    await context.addInitScript(pageClock());
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketCreated', (e) => openSockets.add(e.requestId));
    cdp.on('Network.webSocketClosed', (e) => openSockets.delete(e.requestId));
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    await page.goto(`http://127.0.0.1:${proxyPort}/wall/launch?key=${encodeURIComponent(display)}`);
    await page.getByTestId('connection').and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
    const firstLoadId = (await sample(page)).loadId;
    console.log(`wall live ${((Date.now() - REAL0) / 1000).toFixed(1)} s into day 1; WebSockets open: ${openSockets.size}`);
    const navigationsAtStart = navigations;

    // ------------------------------------------------ per-day records and the sampler
    const days: TDay[] = Array.from({ length: DAYS }, () => ({
      maxSockets: 0,
      unmarkedMs: 0,
      blank: 0,
      samples: 0,
      backToLive: [],
      notBack: 0,
      events: [],
    }));
    const dayOf = (real: number) => Math.max(0, Math.min(DAYS - 1, Math.floor((simNow(real) - SIM0) / DAY)));
    let latest: TSample = await sample(page);
    let unmarkedSince: number | null = null;
    let unmarkedWas = '';
    /** The sample before the stretch began: what the wall said the moment before, to tell a glide from a missed mark. */
    let beforeStretch = '';
    let previous: TSample = latest;
    const tell = (s: TSample) =>
      `${((s.at - REAL0) / 1000).toFixed(2)} s ${s.state}${s.panelStale ? ' stale-marked' : ''} ${s.value ?? '—'}` +
      (s.value === null ? '' : ` (superseded ${((s.at - supersededAt(s.value)) / 1000).toFixed(1)} s before)`) +
      (s.timersLateMs !== null && s.timersLateMs > 100 ? `, the page's timers ${s.timersLateMs} ms late` : '');
    let stopSampling = false;
    let reloads = 0;
    let lastFault = 'none';
    const sampler = (async () => {
      while (!stopSampling) {
        const s = await sample(page);
        latest = s;
        const d = days[dayOf(s.at)]!;
        d.samples++;
        if (!s.wall || s.access) d.blank++;
        if (s.loadId !== null && s.loadId !== firstLoadId) reloads = 1;
        d.maxSockets = Math.max(d.maxSockets, s.sockets);
        if (s.sockets > 1)
          console.warn(`${s.sockets} WebSockets at ${((s.at - REAL0) / 1000).toFixed(1)} s (${s.state}); last fault: ${lastFault}`);
        // A wall with no number in the headline ("waiting for data") shows nothing as current; a blank page is
        // counted apart.
        const notCurrent = s.value !== null && s.at - supersededAt(s.value) > STALE_S * 1000;
        const marked = s.state !== 'live' || s.panelStale;
        if (notCurrent && !marked) {
          if (unmarkedSince === null) {
            unmarkedSince = s.at;
            unmarkedWas = tell(s);
            beforeStretch = tell(previous);
          }
          d.unmarkedMs = Math.max(d.unmarkedMs, s.at - unmarkedSince);
        } else {
          // Each stretch, even of one sample, with the samples around it and the fault before it: where to look.
          if (unmarkedSince !== null)
            console.log(
              `unmarked ${((s.at - unmarkedSince) / 1000).toFixed(2)} s to the next sample: before [${beforeStretch}], first [${unmarkedWas}], after [${tell(s)}]; last fault: ${lastFault}`,
            );
          unmarkedSince = null;
        }
        previous = s;
        await sleep(150);
      }
    })();
    const waitLive = async (from: number, day: TDay, timeoutMs = 90_000) => {
      while (Date.now() - from < timeoutMs) {
        if (latest.at > from && latest.state === 'live') {
          day.backToLive.push(latest.at - from);
          return;
        }
        await sleep(50);
      }
      day.notBack++;
    };

    // ------------------------------------------------ days: readings at each boundary, incidents
    const dayWatch = (async () => {
      for (let d = 0; d < DAYS; d++) {
        const open1 = realAt(SIM0 + d * DAY + 19 * 3_600_000);
        const resolve1 = realAt(SIM0 + d * DAY + 21 * 3_600_000);
        const end = realAt(SIM0 + (d + 1) * DAY) - 200;
        let inc: string | null = null;
        await sleep(open1 - Date.now());
        inc = await openIncident(`day ${d + 1}: sign-ups slow`);
        const inc2 = await openIncident(`day ${d + 1}: payments`);
        await sleep(resolve1 - Date.now());
        if (inc) await resolveIncident(inc);
        if (inc2) await resolveIncident(inc2);
        await sleep(end - Date.now());
        // Read a live wall every day: a wall between connections holds no room snapshot, a live one holds
        // it, so a day read in the middle of a fault is not the same page. At most the longest cut and 30 s
        // more (a full week's first run read four days' ends offline with a 15 s wait).
        const liveBy = Date.now() + ((DROPS ? DROP_S : 0) + 30) * 1000;
        while (latest.state !== 'live' && Date.now() < liveBy) await sleep(100);
        // The sockets and state the heap is read on (the faults go on: a minute later the wall may be reconnecting).
        days[d]!.socketsAtReading = latest.sockets;
        days[d]!.stateAtReading = latest.state ?? '?';
        days[d]!.heap = await within(heap(cdp), 20_000, 'a heap reading').catch(() => undefined);
        {
          const h = days[d]!.heap;
          console.log(
            `day ${d + 1} heap: least of 5 ${h?.heapMB.toFixed(3)} MB (first ${h?.heapFirstMB.toFixed(3)}, most ${h?.heapMaxMB.toFixed(3)})`,
          );
        }
        if (SNAP_DIR && SNAP_DAYS.includes(d + 1)) {
          const t0 = Date.now();
          const split = await heapSnapshot(cdp, join(SNAP_DIR, `day${d + 1}.heapsnapshot`));
          days[d]!.split = split;
          console.log(
            `day ${d + 1} snapshot (${Date.now() - t0} ms): V8 ${split.v8MB.toFixed(3)} MB = objects ${split.objectsMB.toFixed(3)} + compiled code ${split.codeMB.toFixed(3)}`,
          );
        }
        days[d]!.wallClock =
          (await page
            .getByTestId('clock')
            .textContent({ timeout: 2000 })
            .catch(() => null)) ?? '?';
      }
    })();

    // ------------------------------------------------ faults
    const schedule = plan();
    let lockDb: Database.Database | null = null;
    for (const { at, ev } of schedule) {
      await sleep(at - Date.now());
      lastFault = `${ev.kind}${ev.kind === 'restart' ? ` ${ev.signal}` : ''} at ${((Date.now() - REAL0) / 1000).toFixed(1)} s`;
      const day = days[dayOf(Date.now())]!;
      if (ev.kind === 'restart') {
        await server.kill(ev.signal);
        await server.restart();
        await waitLive(Date.now(), day);
        day.events.push(ev.signal === 'SIGKILL' ? 'kill-9' : 'restart');
      } else if (ev.kind === 'db-restart') {
        privatePg!.stop();
        await sleep(DB_DOWN_S * 1000);
        privatePg!.start();
        day.events.push(`db-restart ${DB_DOWN_S}s`);
        await waitLive(Date.now(), day);
      } else if (ev.kind === 'lock') {
        lockDb = new Database(server.databaseUrl.replace(/^file:/, ''));
        lockDb.pragma('busy_timeout = 5000');
        lockDb.exec('BEGIN EXCLUSIVE');
        await sleep(LOCK_S * 1000);
        lockDb.exec('ROLLBACK');
        lockDb.close();
        lockDb = null;
        day.events.push(`sqlite-lock ${LOCK_S}s`);
        await waitLive(Date.now(), day);
      } else {
        proxy.setCut(true);
        await sleep(ev.seconds * 1000);
        proxy.setCut(false);
        day.events.push(`net-drop ${ev.seconds}s`);
        await waitLive(Date.now(), day);
      }
    }
    await dayWatch;
    // The last reading: back to LIVE after everything, with how many sockets.
    const lastDay = days.at(-1)!;
    await waitLive(Date.now() - 1, { ...lastDay, backToLive: [], notBack: 0 }, 30_000);
    const final = { state: latest.state, sockets: latest.sockets, wall: latest.wall };
    stopFeed = true;
    stopSampling = true;
    await Promise.all([feed, sampler]);
    reloads += navigations - navigationsAtStart;

    // ------------------------------------------------ report
    const summary = report(days, {
      db: DB,
      rate: RATE,
      restarts: RESTARTS,
      dbRestarts: DB_RESTARTS,
      locks: LOCKS,
      drops: DROPS,
      faults: schedule.length,
      overranS: Math.max(0, (Date.now() - REAL0) / 1000 - MINUTES * 60),
      reloads,
      final,
      posted,
      refused,
      incidentsOpened,
      incidentsResolved,
    });
    if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(summary));
  } finally {
    await browser.close().catch(() => {});
    proxy.close();
    await server?.stop().catch(() => {});
    privatePg?.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
