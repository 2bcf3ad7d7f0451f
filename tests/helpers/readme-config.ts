import { readFileSync } from 'node:fs';

/** Every variable the README's configuration table names (`| \`PORT\` | …`, several per row allowed). */
export function readmeVariables(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'));
  const rows = table.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}
