import type { TActor } from '../../server/services/access/actor';

/** Whoever can run the CLI has the server's shell and database: they act as an admin. */
export const CLI_ACTOR: TActor = { kind: 'user', userId: 'cli', name: 'admin CLI', email: '', role: 'admin', via: 'token' };

/** One line per row, columns separated by two spaces; '-' for empty. */
export function printRows(rows: (string | null | undefined)[][]): void {
  for (const r of rows) console.log(r.map((c) => (c === null || c === undefined || c === '' ? '-' : c)).join('  '));
}
