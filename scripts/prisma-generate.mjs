// Renders prisma/models.prisma into one schema per provider and generates a
// Prisma client for each. Runs on `npm install` (postinstall).
//
// Why two: a Prisma schema's provider is fixed, and a client generated for
// SQLite refuses the PostgreSQL adapter. Why the env variable: Prisma 7's CLI
// downloads its schema engine before any command, and this machine cannot
// reach that host; `generate` does not use the engine, so pointing the
// variable at any existing file lets it run offline (see STACK-NOTES.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = readFileSync(join(root, 'prisma/models.prisma'), 'utf8');

export const PROVIDERS = [
  { name: 'sqlite', provider: 'sqlite' },
  { name: 'postgresql', provider: 'postgresql' },
];

for (const { name, provider } of PROVIDERS) {
  const dir = join(root, 'prisma', 'generated');
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, `${name}.prisma`);
  const header = `// GENERATED from prisma/models.prisma by scripts/prisma-generate.mjs — do not edit.
datasource db {
  provider = "${provider}"
}

generator client {
  provider     = "prisma-client"
  output       = "../../generated/prisma-${name}"
  moduleFormat = "esm"
}

`;
  writeFileSync(schemaPath, header + models);
  execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', schemaPath], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  console.log(`prisma client generated for ${name}`);
}
