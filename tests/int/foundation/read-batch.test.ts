/**
 * Concurrent reads in one round trip (src/db/read-batch.ts, called by the drizzle patch for every page statement, and
 * the payload patch that lets a request's population finds run together), over the demo data. The batcher combines
 * only with the plan cache off (SQL_PLAN_CACHE=off; by default each statement goes alone and named, checked in
 * plan-cache.test.ts), so these tests install it combining:
 * - every collection read at the same time as every other gives the documents it gives alone, in one statement;
 * - a statement that fails in a batch fails alone, with its own error, and the others are answered;
 * - reads of a transaction stay on it (they see its uncommitted rows), and the pool's reads do not;
 * - a REST car detail at depth 1 sends two statements: the car with the users' read rule (the authors of published
 *   posts, started by src/plugins/read-access-warmup.ts), then its populations, the seller with them.
 */
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createReadBatcher, installReadBatcher, MAX_BATCH, readRows, type ReadHandle } from '../../../src/db/read-batch'
import { sql, txOf, withTransaction } from '../../../src/db/transaction'
import { get } from '../../helpers/api'
import { demoPayload, populatedDemoCar } from '../../helpers/payload'
import { relatedCollections } from '../../../src/plugins/read-access-warmup'
import { sqlSentBy, statementsSentBy } from '../../helpers/sql'

let payload: Payload
let slugs: CollectionSlug[] = []

const drizzle = () => (payload.db as unknown as { drizzle: ReadHandle }).drizzle
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown
const combined = (texts: string[]) => texts.filter((t) => /^select \(select coalesce\(jsonb_agg/.test(t))

beforeAll(async () => {
  payload = await demoPayload()
  slugs = payload.config.collections.map((c) => c.slug as CollectionSlug)
}, 300_000)

const COMBINING = { combine: true }

afterAll(() => installReadBatcher(payload, true))

describe('read batcher', () => {
  it('reads every collection together, in one statement, as each reads alone', async () => {
    const read = (slug: CollectionSlug) => payload.find({ collection: slug, limit: 5, sort: '-id', depth: 0, overrideAccess: true, pagination: false })
    installReadBatcher(payload, false)
    const alone: unknown[] = []
    for (const slug of slugs) alone.push(wire((await read(slug)).docs))
    installReadBatcher(payload, true, COMBINING)
    let together: unknown[] = []
    const sent = await sqlSentBy(payload, async () => {
      together = (await Promise.all(slugs.map(read))).map((res) => wire(res.docs))
    })
    expect(together).toEqual(alone)
    expect(alone.filter((docs) => (docs as unknown[]).length > 0).length).toBeGreaterThan(30)
    // all of them in ⌈n / MAX_BATCH⌉ statements: full batches, the rest together (a rest of one is sent as it is)
    expect(sent).toHaveLength(Math.ceil(slugs.length / MAX_BATCH))
    const columns = combined(sent).map((t) => t.match(/ as "r\d+"/g)?.length ?? 0)
    const solo = sent.filter((t) => t.startsWith('select jsonb_build_object('))
    expect(columns.reduce((a, b) => a + b, 0) + solo.length).toBe(slugs.length)
    expect(solo.length).toBe(slugs.length % MAX_BATCH === 1 ? 1 : 0)
  }, 120_000)

  it('a statement that fails in a batch fails alone, with its own error; the others are answered', async () => {
    const batcher = createReadBatcher(COMBINING)
    const db = drizzle()
    const [good, bad, rows] = await Promise.allSettled([
      batcher.documents(db, sql`select jsonb_build_object('id', id, 'name', name) as doc from makes where id in (select id from makes order by id limit 2) order by id`),
      batcher.documents(db, sql`select jsonb_build_object('x', 1 / (id - id)) from makes`),
      batcher.rows<{ n: number; s: string; b: boolean }>(db, sql`select 7::int as n, 'a' as s, true as b`),
    ])
    expect(good.status).toBe('fulfilled')
    expect((good as PromiseFulfilledResult<{ id: number; name: string }[]>).value.map((d) => Object.keys(d).sort())).toEqual([
      ['id', 'name'],
      ['id', 'name'],
    ])
    expect(bad.status).toBe('rejected')
    expect(String((bad as PromiseRejectedResult).reason?.cause ?? (bad as PromiseRejectedResult).reason)).toMatch(/division by zero/)
    expect(rows).toEqual({ status: 'fulfilled', value: [{ n: 7, s: 'a', b: true }] })
  })

  it('keeps each statement’s order and answers empty results as empty lists', async () => {
    const batcher = createReadBatcher(COMBINING)
    const db = drizzle()
    const ids = (await (db as unknown as { execute: (q: unknown) => Promise<{ rows: { id: number }[] }> }).execute(sql`select id from makes order by id`)).rows.map((r) => r.id)
    expect(ids.length).toBeGreaterThan(10)
    const [desc, asc, none] = await Promise.all([
      batcher.documents(db, sql`select to_jsonb(id) from makes order by id desc limit 5`),
      batcher.documents(db, sql`select to_jsonb(id) from makes order by id asc limit 5`),
      batcher.rows(db, sql`select id from makes where id < 0`),
    ])
    expect(desc).toEqual(ids.slice(-5).reverse())
    expect(asc).toEqual(ids.slice(0, 5))
    expect(none).toEqual([])
  })

  it('reads outside a transaction go to a read replica when the handle has some', async () => {
    const primary = drizzle()
    let onReplica = 0
    const replica: ReadHandle = {
      dialect: primary.dialect,
      session: {
        prepareQuery: (...args: Parameters<ReadHandle['session']['prepareQuery']>) => {
          onReplica++
          return primary.session.prepareQuery(...args)
        },
      },
    }
    const handle: ReadHandle = {
      dialect: primary.dialect,
      session: {
        prepareQuery: () => {
          throw new Error('read on the primary')
        },
      },
      $replicas: [replica],
    }
    const batcher = createReadBatcher(COMBINING)
    expect(await batcher.documents(handle, sql`select to_jsonb(1)`)).toEqual([1])
    expect(await Promise.all([batcher.documents(handle, sql`select to_jsonb(2)`), batcher.rows(handle, sql`select 3 as n`)])).toEqual([[2], [{ n: 3 }]])
    expect(onReplica).toBe(2) // one alone, one combined
  })

  it('reads of a transaction stay on it: they see its uncommitted rows, the pool does not', async () => {
    const req = { payload, transactionID: undefined, context: {} } as unknown as Parameters<typeof withTransaction>[0]
    const name = `Batch make ${Date.now()}`
    const rollback = new Error('rollback')
    await expect(
      withTransaction(req, async () => {
        await payload.create({ collection: 'makes', data: { name }, overrideAccess: true, req })
        const handle = (await txOf(req)) as unknown as ReadHandle
        const [inside, insideRows, outside] = await Promise.all([
          payload.find({ collection: 'makes', where: { name: { equals: name } }, depth: 0, overrideAccess: true, req }),
          readRows<{ name: string }>(payload, handle, sql`select name from makes where name = ${name}`),
          payload.find({ collection: 'makes', where: { name: { equals: name } }, depth: 0, overrideAccess: true }),
        ])
        expect(inside.docs.map((d) => d.name)).toEqual([name])
        expect(insideRows).toEqual([{ name }])
        expect(outside.docs).toEqual([])
        throw rollback
      }),
    ).rejects.toBe(rollback)
    expect((await payload.find({ collection: 'makes', where: { name: { equals: name } }, depth: 0, overrideAccess: true })).docs).toEqual([])
  })

  it('a REST car detail at depth 1: the car with the authors’ rule (src/plugins/read-access-warmup.ts), then its populations with the seller', async () => {
    const car = await populatedDemoCar(payload)
    expect(car).toBeDefined()
    const read = () => get(`/api/cars/${car.id}?depth=1`)
    installReadBatcher(payload, false)
    const before = await read()
    const alone = await statementsSentBy(read)
    installReadBatcher(payload, true, COMBINING)
    let after: Awaited<ReturnType<typeof read>> | undefined
    const together = await statementsSentBy(async () => {
      after = await read()
    })
    expect(after?.status).toBe(200)
    expect(after?.body).toEqual(before.body)
    expect(typeof (after?.body as { make?: unknown }).make).toBe('object')
    expect(typeof (after?.body as { seller?: unknown }).seller).toBe('object')
    expect(alone.length).toBeGreaterThanOrEqual(6)
    expect(together, together.join('\n\n')).toHaveLength(2)
    expect(together[0]).toMatch(/^select \(select coalesce\(jsonb_agg\(to_jsonb\(t\)\).* as "r\d+"$/s)
    expect(together[0]).toContain("from posts_rels r join posts p on p.id = r.parent_id where r.path = 'authors'")
    expect(together[0]).toMatch(/select jsonb_build_object\('id', "cars"\.id/)
    expect(together[1]).toMatch(/^select \(select coalesce\(jsonb_agg\(t\.doc\).*"makes".*"models".*"users".* as "r\d+"$/s)
  })

  it('a read at depth 0 does not start the authors’ rule; every collection relating to users warms it, no other', async () => {
    const [car] = (await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    const texts = await statementsSentBy(() => get(`/api/cars/${car.id}?depth=0`))
    expect(texts.join('\n')).toContain('"cars"')
    expect(texts.join('\n')).not.toContain("r.path = 'authors'")
    const warmed = payload.config.collections.filter((c) => c.hooks.beforeOperation?.some((h) => h.name === 'warmRelatedReadAccess')).map((c) => c.slug)
    const relating = payload.config.collections.filter((c) => relatedCollections(c.fields).has('users')).map((c) => c.slug)
    expect(relating).toEqual(expect.arrayContaining(['cars', 'parking-spots', 'posts']))
    // Payload adds its locked-documents and preferences collections after the plugins ran (admin-only reads).
    expect(relating.filter((slug) => !warmed.includes(slug))).toEqual(['payload-locked-documents', 'payload-preferences'])
    expect(warmed.filter((slug) => !relating.includes(slug))).toEqual([])
  })
})
