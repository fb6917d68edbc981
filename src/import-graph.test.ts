import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the code, read from its imports (dependency-cruiser): no cycle anywhere; the platform imports no
 * module; a module reaches another only through its index.ts (a schema may name another's table for a foreign key);
 * no module imports the module list; pure code imports neither side; the web's pages of one capability do not
 * reach into another's.
 */
const rules: IForbiddenRuleType[] = [
  { name: 'no-cycle', severity: 'error', from: {}, to: { circular: true } },
  {
    name: 'platform-imports-no-module',
    severity: 'error',
    from: { path: '^src/server/(platform|db)/' },
    to: { path: '^src/server/modules/' },
  },
  {
    name: 'modules-meet-through-index',
    severity: 'error',
    from: { path: '^src/server/modules/([^/]+)/', pathNot: '/schema\\.ts$' },
    to: { path: '^src/server/modules/[^/]+/', pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'] },
  },
  {
    name: 'schemas-name-other-schemas-only',
    severity: 'error',
    from: { path: '^src/server/modules/([^/]+)/.*schema\\.ts$' },
    to: { path: '^src/server/modules/', pathNot: ['^src/server/modules/$1/', '/schema\\.ts$'] },
  },
  {
    name: 'no-module-imports-the-list',
    severity: 'error',
    from: { path: '^src/server/modules/' },
    to: { path: '^src/server/modules/index\\.ts$' },
  },
  { name: 'pure-code-stays-pure', severity: 'error', from: { path: '^src/(contracts|shared)/' }, to: { path: '^src/(server|web)/' } },
  { name: 'web-imports-no-server', severity: 'error', from: { path: '^src/web/' }, to: { path: '^src/server/' } },
  {
    name: 'web-pages-meet-through-platform',
    severity: 'error',
    from: { path: '^src/web/routes/([^/]+)/' },
    to: { path: '^src/web/routes/', pathNot: '^src/web/routes/$1/' },
  },
  {
    name: 'web-platform-imports-no-pages',
    severity: 'error',
    from: { path: '^src/web/', pathNot: ['^src/web/routes/', '^src/web/modules\\.ts$'] },
    to: { path: '^src/web/routes/' },
  },
];

describe('import graph', () => {
  it('has no cycle and keeps modules, platform and pages apart', { timeout: 120_000 }, async () => {
    const result = await cruise(['src'], {
      ruleSet: { forbidden: rules },
      validate: true,
      tsPreCompilationDeps: true,
      tsConfig: { fileName: 'tsconfig.json' },
      doNotFollow: { path: 'node_modules' },
      exclude: { path: ['node_modules', '\\.json$', '\\.css$'] },
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['import', 'require', 'node', 'default', 'types'],
      },
    });
    if (typeof result.output === 'string') throw new Error(result.output);
    const modules = result.output.modules;
    // The graph was read (a resolution problem would leave it empty and the rules vacuously kept).
    expect(modules.filter((module) => module.source.startsWith('src/server/modules/')).length).toBeGreaterThan(50);
    const unresolved = modules.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.couldNotResolve).map((dependency) => `${module.source} → ${dependency.module}`),
    );
    expect(unresolved).toEqual([]);
    const violations = result.output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
    expect(violations).toEqual([]);
  });
});
