/**
 * Never 500: for every collection of the config (a new collection is covered without editing this file), garbage
 * queries — where-operators on every top-level and nested field with wrong-typed values, garbage limit/page/sort/
 * depth/locale — over REST (and a sample over GraphQL) answer 2xx or a 4xx in Payload's error shape, and no list
 * answer holds more than the maximum page size. Seeded (FUZZ_SEED to replay, FUZZ_RUNS to widen), so a failure is
 * reproducible: the failing seed and request are in the assertion message.
 */
import fc from 'fast-check'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { get, gql, isErrorShape } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const SEED = Number(process.env.FUZZ_SEED ?? 20261130)
const RUNS = Number(process.env.FUZZ_RUNS ?? 600)
const MAX = 3

interface Target {
  slug: string
  paths: string[]
}

/** Every queryable-looking path: top-level and nested fields (groups, tabs, arrays, blocks), polymorphic sub-paths. */
function pathsOf(fields: readonly any[], prefix = '', depth = 0): string[] {
  const out: string[] = []
  for (const f of fields) {
    if (!f.name) continue
    const p = prefix ? `${prefix}.${f.name}` : f.name
    out.push(p)
    if (depth > 3) continue
    if (f.flattenedFields) out.push(...pathsOf(f.flattenedFields, p, depth + 1))
    if (f.blocks) for (const b of f.blocks) out.push(...pathsOf(b.flattenedFields ?? [], p, depth + 1))
    if ((f.type === 'relationship' || f.type === 'upload') && Array.isArray(f.relationTo)) out.push(`${p}.relationTo`, `${p}.value`)
    if ((f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string') out.push(`${p}.id`, `${p}.createdAt`)
  }
  return out
}

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  'bogus',
]
const GARBAGE: unknown[] = [
  '1',
  'abc',
  '-1',
  '1.5',
  '',
  'null',
  '1,2,3',
  'true',
  '2020-13-45',
  '9'.repeat(40),
  '1e309',
  'NaN',
  "'; select 1; --",
  '%00',
  'cars',
  ['a', 'b'],
  ['1', '2'],
  { x: '1' },
  { relationTo: 'cars', value: 'x' },
  '2026-01-01T00:00:00Z',
  '0',
]
const PARAM_GARBAGE: unknown[] = ['1', '5', '-1', 'abc', '0', '1e9', '', '1.5', '99999999999999999999', '-0', '2', ['1', '2'], { a: '1' }, 'Infinity']
/** The sweep: per field, the operators that broke before (near on non-points, bare polymorphic) and wrong types. */
const SWEEP: [string, unknown][] = [
  ['in', '1'],
  ['near', '1,2,3'],
  ['exists', 'true'],
  ['equals', { a: 1 }],
  ['all', '1'],
]
const LOCALES = ['xx', 'all', 'en', 'ar', '', '<script>', ['en', 'ar']]

let admin: TestUser
let buyer: TestUser
let targets: Target[] = []
let graphQLLists: string[] = []

beforeAll(async () => {
  const payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
  buyer = await createUser({ roles: ['buyer'] })
  for (let i = 0; i < MAX + 2; i++) await createUser({ roles: ['seller'], login: false })
  targets = payload.config.collections.map((c) => ({
    slug: c.slug,
    paths: pathsOf(c.flattenedFields),
  }))
  // GraphQL list queries: every query field taking limit and page and answering a page of docs
  const schema = await gql('{ __schema { queryType { fields { name args { name } type { fields { name } } } } } }')
  const fields = (schema.body.data as any).__schema.queryType.fields as { name: string; args: { name: string }[]; type: { fields?: { name: string }[] | null } }[]
  graphQLLists = fields.filter((f) => f.args.some((a) => a.name === 'limit') && f.args.some((a) => a.name === 'page') && f.type.fields?.some((x) => x.name === 'docs')).map((f) => f.name)
  process.env.MAX_PAGE_SIZE = String(MAX)
})

afterAll(() => {
  delete process.env.MAX_PAGE_SIZE
})

/** Absent 3 times in 4: each request mixes a few bad parameters with defaults, so valid paths are explored too. */
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })

const requestArb = () =>
  fc
    .record({
      target: fc.nat(),
      conditions: fc.array(fc.record({ path: fc.oneof(fc.nat(), fc.constantFrom('nope', 'id', 'and', 'a.b.c', '')), op: fc.constantFrom(...OPERATORS), value: fc.constantFrom(...GARBAGE) }), {
        maxLength: 2,
      }),
      or: fc.boolean(),
      limit: sometimes(fc.constantFrom(...PARAM_GARBAGE)),
      page: sometimes(fc.constantFrom(...PARAM_GARBAGE)),
      depth: sometimes(fc.constantFrom(...PARAM_GARBAGE)),
      pagination: sometimes(fc.constantFrom('false', 'true', 'abc')),
      sort: sometimes(fc.oneof(fc.nat(), fc.constantFrom('-nope', '???', '-', ',', 'a.b', 'id,-id'))),
      locale: sometimes(fc.constantFrom(...LOCALES)),
      who: fc.constantFrom('anonymous', 'buyer', 'admin'),
    })
    .map((r) => {
      const t = targets[r.target % targets.length]
      const pathOf = (p: number | string) => (typeof p === 'number' ? t.paths[p % t.paths.length] : p)
      const conds = r.conditions.map((c) => ({ [pathOf(c.path)]: { [c.op]: c.value } }))
      const where = conds.length === 0 ? undefined : r.or ? { or: conds } : Object.assign({}, ...conds)
      const query: Record<string, unknown> = { where, limit: r.limit, page: r.page, depth: r.depth, pagination: r.pagination, locale: r.locale }
      if (r.sort !== undefined) query.sort = typeof r.sort === 'number' ? `${r.sort % 2 ? '-' : ''}${pathOf(r.sort)}` : r.sort
      const qs = stringify(query, { addQueryPrefix: true, skipNulls: true })
      return { url: `/${t.slug}${qs}`, who: r.who as 'anonymous' | 'buyer' | 'admin' }
    })

describe('never 500 (REST, every collection)', () => {
  it('garbage where/limit/page/sort/depth/locale → 2xx or 4xx in Payload error shape, pages ≤ max', async () => {
    const seen = { ok: 0, client: 0 }
    await fc.assert(
      fc.asyncProperty(requestArb(), async ({ url, who }) => {
        const token = who === 'admin' ? admin.token : who === 'buyer' ? buyer.token : undefined
        const res = await get(url, { token })
        const where = `${who} GET ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
        if (res.status >= 200 && res.status < 300) {
          seen.ok++
          if (Array.isArray(res.body?.docs) && res.body.docs.length > MAX) throw new Error(`page larger than ${MAX}: ${where}`)
          return
        }
        if (res.status >= 400 && res.status < 500 && isErrorShape(res.body)) {
          seen.client++
          return
        }
        throw new Error(`not a 2xx nor a 4xx in Payload's error shape: ${where}`)
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
    // both kinds of answer were exercised, so the property is not vacuous
    expect(seen.ok).toBeGreaterThan(RUNS / 10)
    expect(seen.client).toBeGreaterThan(RUNS / 10)
  })

  it('every field of every collection, every operator, one wrong-typed value each: never a 500', async () => {
    const failures: string[] = []
    const urls = targets.flatMap((t) => t.paths.flatMap((path) => SWEEP.map(([op, value]) => `/${t.slug}?${stringify({ where: { [path]: { [op]: value } }, limit: 1 })}`)))
    const check = async (url: string) => {
      const res = await get(url, { token: admin.token })
      if (res.status >= 500 || (res.status >= 400 && !isErrorShape(res.body))) failures.push(`${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
    }
    for (let i = 0; i < urls.length; i += 8) await Promise.all(urls.slice(i, i + 8).map(check))
    expect(urls.length).toBeGreaterThan(targets.length * SWEEP.length)
    expect(failures).toEqual([])
  }, 120_000)
})

describe('never 500 (GraphQL sample)', () => {
  it('garbage limit/page/sort/where on every collection list query → no 5xx, pages ≤ max', async () => {
    const listed = graphQLLists
    // one list query per collection (plus version lists)
    expect(listed.length).toBeGreaterThanOrEqual(targets.length)
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          target: fc.nat(),
          limit: fc.constantFrom(-1, 0, 1, 2 ** 31 - 1, -(2 ** 31)),
          page: fc.constantFrom(-1, 0, 1, 5000),
          sort: fc.constantFrom('"-nope"', '"???"', '"id"', '"-createdAt"'),
          where: fc.constantFrom('', 'where: { id: { equals: -1 } }', 'where: { id: { in: [1, 2] } }', 'where: { createdAt: { less_than: "garbage" } }'),
          admin: fc.boolean(),
        }),
        async (r) => {
          const t = listed[r.target % listed.length]
          const query = `{ ${t}(limit: ${r.limit}, page: ${r.page}, sort: ${r.sort}${r.where ? `, ${r.where}` : ''}) { docs { id } totalDocs } }`
          const res = await gql(query, {}, { token: r.admin ? admin.token : undefined })
          const text = `${query} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
          if (res.status >= 500) throw new Error(text)
          for (const e of res.body.errors ?? []) {
            const status = Number((e.extensions as { statusCode?: number } | undefined)?.statusCode ?? 400)
            if (status >= 500) throw new Error(`GraphQL error with status ${status}: ${text}`)
          }
          const docs = (res.body.data as Record<string, { docs?: unknown[] } | null> | undefined)?.[t]?.docs
          if (docs && docs.length > MAX) throw new Error(`page larger than ${MAX}: ${text}`)
        },
      ),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    )
  })
})
