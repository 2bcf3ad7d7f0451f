import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ApiError, createApiClient, requestText } from '../../lib/client/api';
import type { TRuntime } from '../../server/context';
import { AppError } from '../../server/errors';
import { createCredential } from '../../server/services/access/create-credential';
import { revokeCredential } from '../../server/services/access/revoke-credential';
import { roomFor } from '../../server/services/rooms/room-for';
import { CLI_ACTOR } from './actor';

type TGetRt = () => Promise<TRuntime>;

function isoOrFail(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw new AppError('validation_failed', `--${field}: "${value}" is not an ISO-8601 time`);
  return new Date(Date.parse(value)).toISOString();
}

/** The running server answers, or a one-line reason why it cannot be reached. */
async function assertServerUp(base: string): Promise<void> {
  try {
    await Promise.race([
      createApiClient({ baseUrl: base }).system.health(),
      new Promise((_r, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref()),
    ]);
    return;
  } catch {
    // fall through
  }
  throw new AppError(
    'unavailable',
    `the server is not running at ${base} (start it with npm start, or set WARROOM_PUBLIC_URL / PORT to reach it)`,
  );
}

/**
 * `report --room SLUG [--from T] [--to T] --format md|json|pdf [--out FILE]`:
 * asks the running server, as a display link made for this one report and
 * revoked after it — JSON and Markdown from the API, PDF from the report page
 * printed by Chromium — so the figures are those the page shows.
 */
export function registerReportCommand(program: Command, rt: TGetRt): void {
  program
    .command('report')
    .description("the night report of a room (default window: the room's last 24 hours)")
    .requiredOption('--room <slug>', 'the room')
    .option('--from <time>', 'ISO-8601 start of the window')
    .option('--to <time>', 'ISO-8601 end of the window')
    .requiredOption('--format <format>', 'md, json or pdf')
    .option('--out <file>', 'write to a file instead of stdout (required for pdf on a terminal)')
    .action(async (o: { room: string; from?: string; to?: string; format: string; out?: string }) => {
      if (!['md', 'json', 'pdf'].includes(o.format))
        throw new AppError('validation_failed', `--format must be md, json or pdf, not "${o.format}"`);
      const from = isoOrFail(o.from, 'from');
      const to = isoOrFail(o.to, 'to');
      const ctx = await rt();
      const base = ctx.config.publicUrl.replace(/\/$/, '');
      await assertServerUp(base);
      const room = await roomFor({ ctx, actor: CLI_ACTOR, slug: o.room, permission: 'room:read' });
      const key = await createCredential({ ctx, kind: 'display', roomId: room.id, name: 'report (CLI, revoked after use)' });
      try {
        const q = new URLSearchParams({ key: key.secret });
        if (from) q.set('from', from);
        if (to) q.set('to', to);
        let out: Buffer;
        if (o.format === 'pdf') {
          // Loaded only here: every other command stays free of Playwright.
          const { printReportPdf } = await import('./report-pdf');
          out = await printReportPdf(`${base}/rooms/${encodeURIComponent(room.slug)}/report?${q}`);
        } else if (o.format === 'json') {
          const report = await createApiClient({ baseUrl: base, token: key.secret })
            .night.report({ params: { room: room.slug }, query: { from, to } })
            .catch((e: unknown) => {
              throw new AppError('bad_request', e instanceof ApiError ? e.message : String(e));
            });
          out = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          // The report's other form (text/markdown), through the same client and its refusals.
          const text = await requestText({ baseUrl: base, token: key.secret }, 'night', 'report', {
            params: { room: room.slug },
            query: { from, to, format: 'md' },
          }).catch((e: unknown) => {
            throw new AppError('bad_request', e instanceof ApiError ? e.message : String(e));
          });
          out = Buffer.from(text);
        }
        if (o.out) {
          writeFileSync(o.out, out);
          // Say where it went: the file is what people forward, and a relative --out is easy to lose.
          console.log(`wrote ${resolve(o.out)} (${out.length} bytes)`);
        } else process.stdout.write(out);
      } finally {
        await revokeCredential({ ctx, actor: CLI_ACTOR, input: { idOrPrefix: key.id } }).catch(() => {});
      }
    });
}
