/**
 * Statements PostgreSQL plans once per connection (src/db/plan-cache.ts), over the demo data:
 * - `in` and `not_in` lists go as one array parameter: every collection answers the same documents as with drizzle's
 *   `in (…)`, and lists of different lengths give one statement text;
 * - the read batcher sends each statement alone, named once its text repeats: a REST car detail answers what it
 *   answers with the statements combined, and its second read sends named statements;
 * - after a few executions on one connection PostgreSQL runs such a statement with its generic plan (not planned again);
 * - writes and the domains' own SQL are named the same way (every drizzle session); scripts and DDL never are.
 */
import { createLocalReq, type CollectionSlug, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { installAnyOperators } from '../../../src/db/plan-cache'
import { installReadBatcher } from '../../../src/db/read-batch'
import { sql, withTransaction } from '../../../src/db/transaction'
import { get } from '../../helpers/api'
import { demoPayload } from '../../helpers/payload'
import { statementsSentBy } from '../../helpers/sql'

let payload: Payload

beforeAll(async () => {
  payload = await demoPayload()
}, 300_000)

afterAll(() => {
  installAnyOperators(payload, true)
  installReadBatcher(payload, true)
})

const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

/** The statements `fn` sends, with the name each was sent under (undefined: unnamed). */
async function namedStatements(fn: () => Promise<unknown>): Promise<{ text: string; name?: string }[]> {
  const { default: pg } = await import('pg')
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }
  const original = proto.query
  const seen: { text: string; name?: string }[] = []
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as { text?: string; name?: string } | string
    if (typeof q === 'string') seen.push({ text: q })
    else if (q?.text) seen.push({ text: q.text, name: q.name })
    return original.apply(this, a)
  }
  try {
    await fn()
  } finally {
    proto.query = original
  }
  return seen
}

describe('lists as one array parameter', () => {
  it('every collection answers `in` and `not_in` as with drizzle’s lists', async () => {
    const slugs = payload.config.collections.map((c) => c.slug as CollectionSlug)
    let compared = 0
    for (const slug of slugs) {
      const all = await payload.find({ collection: slug, limit: 6, sort: 'id', depth: 0, overrideAccess: true, pagination: false })
      if (all.docs.length < 2) continue
      const ids = all.docs.map((d) => d.id)
      const wheres: Where[] = [{ id: { in: ids.slice(0, 3) } }, { id: { not_in: ids.slice(0, 2) } }, { id: { in: [ids[1], ids[1], ids[0]] } }]
      for (const where of wheres) {
        const read = async () => wire((await payload.find({ collection: slug, where, limit: 10, sort: 'id', depth: 0, overrideAccess: true })).docs)
        installAnyOperators(payload, false)
        const listed = await read()
        installAnyOperators(payload, true)
        expect(await read(), `${slug} ${JSON.stringify(where)}`).toEqual(listed)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(60)
  }, 120_000)

  it('selects, relationships, text and enum columns: same rows; lists of any length give one text', async () => {
    const cars = await payload.find({ collection: 'cars', limit: 8, depth: 0, overrideAccess: true, sort: 'id' })
    const makeIds = [...new Set(cars.docs.map((c) => c.make as number))]
    const wheres: Where[] = [
      { status: { in: ['active', 'sold'] } },
      { status: { not_in: ['draft', 'pending_review', 'archived'] } },
      { make: { in: makeIds } },
      { slug: { in: cars.docs.map((c) => c.slug as string) } },
      { features: { in: [1, 2, 3] } },
    ]
    for (const where of wheres) {
      const read = async () => wire((await payload.find({ collection: 'cars', where, limit: 50, sort: 'id', depth: 0, overrideAccess: true })).docs)
      installAnyOperators(payload, false)
      const listed = await read()
      installAnyOperators(payload, true)
      expect(await read(), JSON.stringify(where)).toEqual(listed)
    }
    const textOf = async (ids: number[]) => {
      const texts = await statementsSentBy(() => payload.find({ collection: 'makes', where: { id: { in: ids } }, depth: 0, overrideAccess: true, pagination: false }))
      return texts.filter((t) => t.includes('"makes"'))
    }
    const three = await textOf(makeIds.slice(0, 1).concat([1, 2]))
    const five = await textOf([1, 2, 3, 4, 5])
    expect(three.length).toBeGreaterThan(0)
    expect(three).toEqual(five)
    expect(three.join('\n')).toMatch(/"makes"\."id" = any\(\$1\)/)
  })
})

describe('named statements', () => {
  it('a REST car detail: the same body as with the statements combined; its second read sends named statements', async () => {
    const [car] = (await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    const read = () => get(`/api/cars/${car.id}?depth=1`)
    installReadBatcher(payload, true, { combine: true })
    const combined = await read()
    installReadBatcher(payload, true)
    const first = await namedStatements(read)
    let second: Awaited<ReturnType<typeof read>> | undefined
    const again = await namedStatements(async () => {
      second = await read()
    })
    expect(second?.status).toBe(200)
    expect(second?.body).toEqual(combined.body)
    const documents = (list: { text: string; name?: string }[]) => list.filter((s) => s.text.includes('jsonb_build_object('))
    // the car, then each populated collection, each alone: none combined
    expect(documents(again).length).toBeGreaterThanOrEqual(4)
    expect(again.filter((s) => / as "r1"/.test(s.text))).toEqual([])
    // the same statements (sent concurrently: in any order)
    expect(
      documents(first)
        .map((s) => s.text)
        .sort(),
    ).toEqual(
      documents(again)
        .map((s) => s.text)
        .sort(),
    )
    // named on the second read (the first may have been the texts' first sighting), by a digest of the text
    for (const s of documents(again)) expect(s.name, s.text.slice(0, 80)).toMatch(/^ah_[0-9a-f]{32}$/)
    expect(new Set(documents(again).map((s) => s.name)).size).toBe(new Set(documents(again).map((s) => s.text)).size)
  })

  it('on one connection, a repeated document read runs with its generic plan', async () => {
    installReadBatcher(payload, true)
    const [car] = (await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    const req = await createLocalReq({}, payload)
    const plans = await withTransaction(req, async (tx) => {
      for (let i = 0; i < 10; i++) await payload.findByID({ collection: 'cars', id: car.id, depth: 0, req, overrideAccess: true })
      const res = await tx.execute(sql`select name, generic_plans, custom_plans from pg_prepared_statements where left(name, 3) = 'ah_' and position('"cars"' in statement) > 0`)
      return res.rows as { name: string; generic_plans: number; custom_plans: number }[]
    })
    expect(plans.length).toBeGreaterThan(0)
    expect(Math.max(...plans.map((p) => Number(p.generic_plans)))).toBeGreaterThanOrEqual(1)
  })

  it('names writes and the domains’ SQL too, in and out of transactions; never a script or DDL', async () => {
    const stamp = Date.now()
    const created = await namedStatements(async () => {
      for (let i = 0; i < 3; i++) await payload.create({ collection: 'makes', data: { name: `Plan Cache ${stamp} ${i}` }, overrideAccess: true })
    })
    const inserts = created.filter((s) => /^insert into "makes"/.test(s.text))
    expect(inserts).toHaveLength(3)
    expect(inserts[0].name).toBeUndefined()
    expect(inserts[2].name).toMatch(/^ah_[0-9a-f]{32}$/)
    const req = await createLocalReq({}, payload)
    const own = await namedStatements(() =>
      withTransaction(req, async (tx) => {
        for (let i = 0; i < 3; i++) await tx.execute(sql`select count(*)::int as n from makes where name like ${`Plan Cache ${stamp}%`}`)
        for (let i = 0; i < 3; i++) await tx.execute(sql.raw(`create temporary table if not exists plan_cache_probe (id int) on commit drop`))
      }),
    )
    const counts = own.filter((s) => s.text.startsWith('select count(*)::int as n from makes'))
    expect(counts.map((s) => Boolean(s.name))).toEqual([false, true, true])
    const ddl = own.filter((s) => /^create /i.test(s.text))
    expect(ddl).toHaveLength(3)
    expect(ddl.every((s) => s.name === undefined)).toBe(true)
    await payload.delete({ collection: 'makes', where: { name: { like: `Plan Cache ${stamp}` } }, overrideAccess: true })
  })
})
