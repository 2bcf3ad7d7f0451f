import type { TActor } from '../../server/services/access/actor';

/** Whoever can run the CLI has the server's shell and database: they act as an admin. */
export const CLI_ACTOR: TActor = { kind: 'cli' };

/** A table with a header line, columns padded to line up; '-' for empty. Nothing but the header when there are no rows. */
export function printRows(headers: string[], rows: (string | null | undefined)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined || c === '' ? '-' : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const r of cells) console.log(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}
