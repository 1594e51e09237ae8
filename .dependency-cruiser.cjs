// @ts-check
/**
 * The layering of DESIGN.md "Layout": payload.config.ts → collections/<domain>/plugin.ts → collections, endpoints,
 * hooks → src/. Nothing imports upward, no runtime cycles, and a domain reaches another only through that domain's
 * exported operations (endpoints/<domain>/operations/) or the Local API.
 *
 * Run: `npm run lint:layers`. tests/unit/platform/layering.test.ts proves every rule fires on small fixture trees
 * (tests/fixtures/layering/), so keep the rules' paths relative to the project root (no absolute paths, no `^\./`).
 */

/** The domain folder names, the same under collections/, endpoints/, hooks/, seed/ and src/domain/. */
const DOMAINS = ['identity', 'catalog', 'discovery', 'content', 'community', 'negotiation', 'commerce', 'parking', 'services', 'analytics']
const D = `(${DOMAINS.join('|')})`

/** Process entry points that boot Payload and so must load the config (as the Next routes under src/app/ do). */
const ENTRY_POINTS = ['src/server\\.ts$', 'src/jobs/worker\\.ts$']

/** A package, resolved into node_modules or left unresolved (then the path is the bare specifier). */
const pkg = (names) => [`(^|/)node_modules/(${names})/`, `^(${names})(/|$)`]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A runtime import cycle: every link is a runtime import. A cycle with an `import type` link is erased by the compiler and not reported ' +
        '(dependency-cruiser checks one cycle per import, so a runtime cycle hidden behind a type-only one can slip through). ' +
        'Break it by moving the shared piece down a layer (src/) or by depending on an operation instead of its module.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'src-not-upward',
      severity: 'error',
      comment:
        'src/ is the bottom layer: it must not import collections/, endpoints/, hooks/, seed/, globals/ or payload.config.ts. ' +
        'Only the Next routes (src/app/) and the migrations (src/migrations/) sit above it. A shared helper belongs in src/; a registration belongs in the domain plugin.',
      from: { path: '^src/', pathNot: ['^src/(app|migrations)/', ...ENTRY_POINTS.map((p) => `^${p}`)] },
      to: { path: ['^(collections|endpoints|hooks|seed|globals)/', '^payload\\.config\\.ts$'] },
    },
    {
      name: 'src-not-upward',
      severity: 'error',
      comment: 'The process entry points (src/server.ts, src/jobs/worker.ts) may load payload.config.ts, and nothing else above src/.',
      from: { path: ENTRY_POINTS.map((p) => `^${p}`) },
      to: { path: '^(collections|endpoints|hooks|seed|globals)/' },
    },
    {
      name: 'plugins-only-from-config',
      severity: 'error',
      comment: "A domain's plugin (collections/<domain>/plugin.ts) is registered once, in payload.config.ts; only tests and the benchmark may import it too.",
      from: { pathNot: '^(payload\\.config\\.ts$|tests/|bench/)' },
      to: { path: '^collections/[^/]+/plugin\\.ts$' },
    },
    {
      name: 'collections-not-to-endpoints',
      severity: 'error',
      comment: 'Collections sit beside endpoints, not above them: only the domain plugin (collections/<domain>/plugin.ts) wires endpoints in.',
      from: { path: '^collections/', pathNot: '^collections/[^/]+/plugin\\.ts$' },
      to: { path: '^endpoints/' },
    },
    {
      name: 'hooks-not-up',
      severity: 'error',
      comment:
        "hooks/ holds hooks shared by several domains or attached to another domain's collections: they must not import collections/, seed/ or endpoint files; " +
        "a domain's named operations (endpoints/<domain>/operations/) are its exported API and may be called.",
      from: { path: '^hooks/' },
      to: { path: '^(collections|endpoints|seed)/', pathNot: '^endpoints/[^/]+/operations/' },
    },
    {
      name: 'endpoints-not-to-seed',
      severity: 'error',
      comment: 'Endpoints must not import demo data (seed/).',
      from: { path: '^endpoints/' },
      to: { path: '^seed/' },
    },
    {
      name: 'no-cross-domain-internals',
      severity: 'error',
      comment:
        "A domain uses another only through that domain's exported operations (endpoints/<domain>/operations/) or the Local API, never its collections, endpoints or hooks. " +
        'Move a shared pure helper to src/domain/*.ts, or export an operation.',
      from: { path: `^(?:collections|endpoints|hooks)/${D}/` },
      to: {
        path: `^(?:collections|endpoints|hooks)/${D}/`,
        pathNot: ['^(?:collections|endpoints|hooks)/$1/', '^endpoints/[^/]+/operations/'],
      },
    },
    {
      // seed/<domain>.ts or seed/<domain>/…: its own rule, so that the domain is capture group $1 here too.
      name: 'no-cross-domain-internals',
      severity: 'error',
      comment: "Demo data of one domain must not import another domain's collections, endpoints or hooks (operations are fine).",
      from: { path: `^seed/${D}(?:/|\\.[cm]?[jt]sx?$)` },
      to: {
        path: `^(?:collections|endpoints|hooks)/${D}/`,
        pathNot: ['^(?:collections|endpoints|hooks)/$1/', '^endpoints/[^/]+/operations/'],
      },
    },
    {
      name: 'no-cross-domain-internals',
      severity: 'error',
      comment: 'src/domain/<A>/ must not import src/domain/<B>/: shared pure helpers live in top-level src/domain/*.ts files.',
      from: { path: `^src/domain/${D}/` },
      to: { path: `^src/domain/${D}/`, pathNot: '^src/domain/$1/' },
    },
    {
      name: 'src-domain-pure',
      severity: 'error',
      comment: 'src/domain/ is pure logic: no payload, @payloadcms/*, pg, src/db or src/http (type imports from payload-types.ts are fine).',
      from: { path: '^src/domain/' },
      to: { path: [...pkg('payload|@payloadcms/[^/]+|pg'), '^src/(db|http)/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import dependency-cruiser cannot resolve: a typo, a missing package, or an alias it does not know (which would hide layering violations).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: ['(^|/)\\.next/', '^\\.data/', '^\\.scratch/', '^\\.test-data/', '^bench/\\.work/', '^media/', '^coverage/', '^tests/fixtures/layering/'],
    },
    moduleSystems: ['es6', 'cjs', 'tsd'],
    // Type-only imports count for the layering rules (an upward `import type` is still an upward dependency);
    // no-circular ignores cycles made only of them (see above).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'development'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
