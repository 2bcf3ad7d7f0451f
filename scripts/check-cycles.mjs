// Import circles and upward arrows, checked by dependency-cruiser's own
// analysis (its `cruise()` API: the CLI refuses Node 20, the library runs).
// Fails on any cycle in app/ server/ lib/ scripts/ — type-only imports
// count — and on anything in lib/ importing server/.
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// Folders to check (arguments, for the test's fixtures; by default the app's own).
const ROOTS = process.argv.length > 2 ? process.argv.slice(2) : ['app', 'server', 'lib', 'scripts'];
const under = (dirs) => `^(${dirs.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})/`;

const RULES = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the shared part into its own module.',
      from: { path: under(ROOTS) },
      to: { circular: true },
    },
    {
      name: 'lib-not-to-server',
      severity: 'error',
      comment: 'lib/ is shared by browser and server; it never imports server/.',
      from: { path: '^lib/' },
      to: { path: '^server/' },
    },
  ],
};

const result = await cruise(
  ['app', 'server', 'lib', 'scripts', 'proxy.ts'],
  {
    validate: true,
    ruleSet: RULES,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|generated)/' },
    moduleSystems: ['es6', 'cjs'],
  },
  {},
  { tsConfig: extractTSConfig('tsconfig.json') },
);

const violations = result.output.summary.violations;
for (const v of violations) {
  const via = v.cycle ? ` via ${v.cycle.map((c) => c.name ?? c).join(' → ')}` : '';
  console.error(`${v.rule.name}: ${v.from} → ${v.to}${via}`);
}
console.log(`import graph: ${result.output.summary.totalCruised} modules, ${violations.length} violation(s)`);
process.exit(violations.length > 0 ? 1 : 0);
