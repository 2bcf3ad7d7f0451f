// Development time: writes the SQL that takes both databases from the last
// migrated model (prisma/migrations/models.snapshot.prisma) to the current
// prisma/models.prisma, one folder per provider. `npm start` applies them with
// server/db/migrate.ts.
//
// Why Prisma 6 in tools/: Prisma 7's migrate commands download a schema engine
// this network cannot reach; Prisma 6 with engine "js" uses a WebAssembly one
// and `migrate diff` between two schema files needs no database at all.
//
//   node scripts/new-migration.mjs add_probes
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tool = join(root, 'tools/prisma-migrate');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: node scripts/new-migration.mjs <name>');
  process.exit(2);
}
if (!existsSync(join(tool, 'node_modules/prisma'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: tool, stdio: 'inherit' });
}

const models = join(root, 'prisma/models.prisma');
const snapshot = join(root, 'prisma/migrations/models.snapshot.prisma');
const work = join(tmpdir(), `warroom-migration-${process.pid}`);
mkdirSync(work, { recursive: true });

function prisma6Schema(provider, modelsText) {
  return `datasource db {\n  provider = "${provider}"\n  url = env("DATABASE_URL")\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n  engineType = "client"\n}\n\n${modelsText}`;
}

const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
let wrote = 0;
for (const provider of ['sqlite', 'postgresql']) {
  const to = join(work, `${provider}.to.prisma`);
  writeFileSync(to, prisma6Schema(provider, readFileSync(models, 'utf8')));
  const args = ['migrate', 'diff', '--to-schema-datamodel', to, '--script'];
  if (existsSync(snapshot)) {
    const from = join(work, `${provider}.from.prisma`);
    writeFileSync(from, prisma6Schema(provider, readFileSync(snapshot, 'utf8')));
    args.push('--from-schema-datamodel', from);
  } else {
    args.push('--from-empty');
  }
  const sql = execFileSync(process.execPath, [join(tool, 'node_modules/prisma/build/index.js'), ...args], {
    cwd: tool,
    encoding: 'utf8',
    env: {
      ...process.env,
      MIGRATE_PROVIDER: provider,
      MIGRATE_SCHEMA: to,
      DATABASE_URL: provider === 'sqlite' ? 'file:./unused.db' : 'postgresql://127.0.0.1/postgres',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (/empty migration/i.test(sql) || !sql.trim()) {
    console.log(`${provider}: no change`);
    continue;
  }
  const dir = join(root, 'prisma/migrations', provider, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  console.log(`${provider}: wrote ${dir}`);
  wrote++;
}
if (wrote) copyFileSync(models, snapshot);
rmSync(work, { recursive: true, force: true });
