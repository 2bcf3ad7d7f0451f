// Completes package-lock.json for `npm ci` when the registry this machine
// reaches lacks another platform's build of a package (e.g. @next/swc-darwin-*
// or @tailwindcss/oxide-android-*): npm then leaves those optional entries out
// of the lock and `npm ci` refuses the lock as out of sync. Such packages are
// never installed on this platform, so an entry naming its version, os and cpu
// is all `npm ci` needs. Run after changing dependencies:
//   npm install --package-lock-only && node scripts/fill-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];
const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;

for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const parent = where === '' ? '' : `${where}/`;
    const nested = `${parent}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const tokens = name.split(/[/@-]/);
    const os = OS.filter((o) => tokens.includes(o));
    const cpu = CPU.filter((c) => tokens.includes(c));
    if (!os.length && !cpu.length) continue; // not a platform build: leave it to npm
    if (os.includes(process.platform) && (cpu.length === 0 || cpu.includes(process.arch))) continue; // ours: must really resolve
    lock.packages[hoisted] = {
      version: String(version).replace(/^[\^~]/, ''),
      ...(cpu.length ? { cpu } : {}),
      dev: pkg.dev || undefined,
      optional: true,
      ...(os.length ? { os } : {}),
    };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fill-lock: added ${added} platform entries`);
