// A check in `npm test`: every repository file path named in the docs and in
// code comments exists. A comment pointing at a file that was renamed or
// never written sends the next reader nowhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const ROOTS = '(?:app|lib|server|scripts|tests|bench|prisma|docs|tools|public|scenarios|\\.ci)';
const PATH_RE = new RegExp(`(?<![\\w./@-])${ROOTS}/[\\w\\-./\\[\\]()]*\\.(?:tsx?|mjs|js|md|sql|prisma|ya?ml|json|png|css|sh)\\b`, 'g');
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(md|tsx?|mjs|js|sh|css|ya?ml)$/.test(f) && !f.startsWith('tools/prisma-migrate/node_modules') && existsSync(f));

const missing = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    // In code, only comments name files for people; imports are checked by TypeScript.
    const isCode = !file.endsWith('.md');
    const part = isCode ? (line.match(/(?:\/\/|\/\*|^\s*\*|#)\s?(.*)$/)?.[1] ?? '') : line;
    for (const m of part.matchAll(PATH_RE)) {
      const p = m[0].split('](')[0].replace(/[.)]+$/, '');
      if (p.includes('*') || p.includes('<')) continue;
      if (!existsSync(p)) missing.push(`${file}:${i + 1}: ${p}`);
    }
  });
}
if (missing.length) {
  console.error(`${missing.length} file path(s) named in docs or comments do not exist:\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`file paths named in ${files.length} files all exist`);
