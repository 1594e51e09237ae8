/**
 * The layering rules of .dependency-cruiser.cjs (`npm run lint:layers`) fire: each fixture tree under
 * tests/fixtures/layering/ is cruised as if it were the project root, with the project's own rules and options, and
 * yields exactly the violations listed here; the allowed layout yields none.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixtures = path.join(root, 'tests/fixtures/layering')
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration

/** Cruises one fixture tree with the project's rules; the fixture's own tsconfig.json (if any) supplies the path aliases. */
async function cruiseFixture(name: string): Promise<ICruiseResult> {
  const baseDir = path.join(fixtures, name)
  const tsFile = path.join(baseDir, 'tsconfig.json')
  const hasTsConfig = fs.existsSync(tsFile)
  // The project's tsconfig maps the aliases onto the real tree, never onto a fixture.
  const { tsConfig: _projectTsConfig, ...options } = config.options ?? {}
  const { output } = await cruise(
    ['.'],
    { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden }, ...(hasTsConfig ? { tsConfig: { fileName: tsFile } } : {}) },
    {},
    hasTsConfig ? { tsConfig: extractTSConfig(tsFile) } : {},
  )
  if (typeof output === 'string') throw new Error('expected a cruise result object')
  expect(output.summary.error, 'fixture trees must parse and resolve (see not-to-unresolvable)').toBe(output.summary.violations.length)
  return output
}

/** The violations as `rule: from → to`, sorted; npm packages shortened to their node_modules path. */
const violationsOf = (result: ICruiseResult) => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^(\.\.\/)+/, '')}`).sort()

describe('layering rules (.dependency-cruiser.cjs) on fixture trees', () => {
  it('has the rules the design asks for, all errors', () => {
    const names = new Set(config.forbidden?.map((r) => r.name))
    for (const name of [
      'no-circular',
      'src-not-upward',
      'plugins-only-from-config',
      'collections-not-to-endpoints',
      'hooks-not-up',
      'endpoints-not-to-seed',
      'no-cross-domain-internals',
      'src-domain-pure',
      'not-to-unresolvable',
    ]) {
      expect(names, name).toContain(name)
    }
    expect(config.forbidden?.every((r) => r.severity === 'error')).toBe(true)
  })

  it('upward: src/ must not import collections or the config (src/app, src/migrations and the entry points may load the config)', async () => {
    expect(violationsOf(await cruiseFixture('upward'))).toEqual([
      'src-not-upward: src/lib/config-user.ts → payload.config.ts',
      'src-not-upward: src/lib/x.ts → collections/catalog/Cars.ts',
      'src-not-upward: src/server.ts → collections/catalog/Cars.ts',
    ])
  })

  it('cycle: a runtime import cycle is an error; a cycle made only of `import type` is not', async () => {
    const result = await cruiseFixture('cycle')
    expect(violationsOf(result)).toEqual(['no-circular: src/lib/a.ts → src/lib/b.ts'])
    expect(result.summary.violations[0].cycle?.map((c) => c.name)).toEqual(['src/lib/b.ts', 'src/lib/a.ts'])
  })

  it("cross-domain: a domain must not reach into another's collections, hooks or src/domain/<B>, but may call its operations", async () => {
    const result = await cruiseFixture('cross-domain')
    expect(violationsOf(result)).toEqual([
      'hooks-not-up: hooks/parking/h.ts → collections/catalog/B.ts',
      'no-cross-domain-internals: collections/parking/A.ts → collections/catalog/B.ts',
      'no-cross-domain-internals: hooks/parking/h.ts → collections/catalog/B.ts',
      'no-cross-domain-internals: seed/parking.ts → collections/catalog/B.ts',
      'no-cross-domain-internals: src/domain/parking/fee.ts → src/domain/catalog/price.ts',
    ])
    // …and the allowed imports were really seen (resolved), not skipped.
    const deps = (source: string) => result.modules.find((m) => m.source === source)?.dependencies.map((d) => d.resolved)
    expect(deps('endpoints/parking/x.ts')).toEqual(['endpoints/catalog/operations/findCars.ts'])
    expect(deps('seed/catalog.ts')).toEqual(['collections/catalog/B.ts'])
    expect(deps('src/domain/parking/fee.ts')).toContain('src/domain/money.ts')
  })

  it('layers: plugins only from the config, collections not to endpoints, hooks not up, endpoints not to seed', async () => {
    expect(violationsOf(await cruiseFixture('layers'))).toEqual([
      'collections-not-to-endpoints: collections/catalog/Cars.ts → endpoints/catalog/moderate.ts',
      'endpoints-not-to-seed: endpoints/catalog/moderate.ts → seed/catalog.ts',
      'hooks-not-up: hooks/stampOwner.ts → collections/catalog/Cars.ts',
      'plugins-only-from-config: collections/catalog/Models.ts → collections/catalog/plugin.ts',
    ])
  })

  it('impure: src/domain must not import payload, pg (even type-only), src/db or src/http; plain packages and builtins are fine', async () => {
    expect(violationsOf(await cruiseFixture('impure'))).toEqual([
      'src-domain-pure: src/domain/x.ts → node_modules/payload/dist/index.js',
      'src-domain-pure: src/domain/y.ts → node_modules/pg/esm/index.mjs',
      'src-domain-pure: src/domain/y.ts → src/db/pool.ts',
      'src-domain-pure: src/domain/y.ts → src/http/respond.ts',
    ])
  })

  it('alias: imports through tsconfig paths (@collections/*, @endpoints/*, @payload-config) are resolved and judged the same', async () => {
    const result = await cruiseFixture('alias')
    expect(violationsOf(result)).toEqual(['no-cross-domain-internals: collections/parking/A.ts → collections/catalog/B.ts', 'src-not-upward: src/lib/x.ts → payload.config.ts'])
    expect(result.modules.find((m) => m.source === 'endpoints/parking/x.ts')?.dependencies.map((d) => d.resolved)).toEqual(['endpoints/catalog/operations/list.ts'])
  })

  it('unresolvable: a missing module is reported; node builtins and package subpaths are not', async () => {
    expect(violationsOf(await cruiseFixture('unresolvable'))).toEqual(['not-to-unresolvable: src/lib/x.ts → ./missing'])
  })

  it('good: the target layout yields no violation', async () => {
    const result = await cruiseFixture('good')
    expect(violationsOf(result)).toEqual([])
    expect(result.summary.totalCruised).toBeGreaterThan(15)
  })

  it('the fixtures are left out of the real lint run (dependency-cruiser and ESLint)', async () => {
    const { output } = await cruise(['tests/fixtures/layering'], { ...config.options, baseDir: root, tsConfig: undefined, ruleSet: { forbidden: config.forbidden }, validate: true })
    expect(typeof output !== 'string' && output.summary.totalCruised).toBe(0)
    const eslint = new ESLint({ cwd: root })
    expect(await eslint.isPathIgnored(path.join(fixtures, 'cycle/src/lib/a.ts'))).toBe(true)
    expect(await eslint.isPathIgnored(path.join(root, 'tests/unit/platform/layering.test.ts'))).toBe(false)
  })
})
