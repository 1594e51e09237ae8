/**
 * Documents built by PostgreSQL (src/db/documents.ts, the adapter patch's `documentReader`) against the drizzle
 * adapter's own relational query and transform, for every collection of the config (a new collection is covered
 * without editing this file) over the demo data:
 * - `payload.db.find` of every document, whole and with the collection's `defaultPopulate` select, must give the
 *   same documents both ways;
 * - `payload.find` at depth 1 in each locale and in `all` (population, locale fallback, afterRead) must too;
 * - the collections the reader declines are exactly the listed ones, each for its stated reason, and the reader
 *   is really used for the others (the statements it sends are counted);
 * - a write answers the document the adapter's own read-back gives (the drizzle patch reads a written document back
 *   through the reader): every collection's first document written again, whole and with its defaultPopulate select.
 */
import type { CollectionSlug, Payload, SelectType, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDocumentReader, installDocumentReader, type AdapterShape, snake } from '../../../src/db/documents'
import { installReadBatcher } from '../../../src/db/read-batch'
import { demoPayload } from '../../helpers/payload'
import { namedStatementsSentBy } from '../../helpers/sql'

let payload: Payload
let slugs: CollectionSlug[]

/** Declined collections and why (none today: the reader answers every collection of the config). */
const DECLINED: Record<string, RegExp> = {}

const adapter = () => payload.db as unknown as AdapterShape & { documentReader?: unknown }
const tableOf = (slug: string) => adapter().tableNameMap.get(snake(slug)) ?? slug

/** Read with the reader on or off. */
async function both<T>(read: () => Promise<T>): Promise<{ sql: T; drizzle: T }> {
  installDocumentReader(payload, false)
  const drizzle = await read()
  installDocumentReader(payload, true)
  const sql = await read()
  return { sql, drizzle }
}

/** JSON round trip: what a client receives (undefined keys dropped). */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

beforeAll(async () => {
  payload = await demoPayload()
  slugs = payload.config.collections.map((c) => c.slug as CollectionSlug)
})

afterAll(() => installDocumentReader(payload, true))

describe('SQL-built documents', () => {
  it('declines exactly the listed collections, each for its reason', () => {
    const declined: Record<string, string> = {}
    for (const slug of slugs) {
      const built = buildDocumentReader(adapter(), { collectionSlug: slug, tableName: tableOf(slug), fields: payload.collections[slug].config.flattenedFields })
      if ('declined' in built) declined[slug] = built.declined
    }
    expect(Object.keys(declined).sort()).toEqual(Object.keys(DECLINED).sort())
    for (const [slug, why] of Object.entries(declined)) expect(why).toMatch(DECLINED[slug])
  })

  it('gives every collection the documents the adapter gives, whole and with its defaultPopulate select', async () => {
    let compared = 0
    for (const slug of slugs) {
      const selects: (SelectType | undefined)[] = [undefined]
      const defaultPopulate = payload.collections[slug].config.defaultPopulate
      if (defaultPopulate) selects.push(defaultPopulate as SelectType)
      for (const select of selects) {
        const { sql, drizzle } = await both(() => payload.db.find({ collection: slug, limit: 0, pagination: false, sort: 'id', select, locale: 'en', req: {} as never }))
        // With a select, the adapter's transform also fills the fields left out (empty groups and lists) for
        // afterRead to strip: the selected keys are compared.
        const keys = select ? ['id', ...Object.keys(select)] : null
        const shown = (docs: unknown[]) => wire(keys ? docs.map((d) => Object.fromEntries(keys.map((k) => [k, (d as Record<string, unknown>)[k]]))) : docs)
        expect(shown(sql.docs), `${slug} ${select ? 'defaultPopulate' : 'whole'}`).toEqual(shown(drizzle.docs))
        compared += sql.docs.length
      }
    }
    expect(compared).toBeGreaterThan(500)
  }, 120_000)

  it('gives every global the document the adapter gives, whole and field by field, in each locale', async () => {
    let compared = 0
    for (const global of payload.config.globals) {
      // the demo data may leave a global unsaved (its defaults then come from the app): saved once, it has its row
      await payload.updateGlobal({ slug: global.slug, data: {}, overrideAccess: true })
      const names = global.flattenedFields.map((f) => f.name)
      for (const select of [undefined, ...names.map((n) => ({ [n]: true }) as SelectType)]) {
        for (const locale of ['en', 'ar']) {
          const { sql, drizzle } = await both(() => payload.db.findGlobal({ slug: global.slug, select, locale, req: {} as never }))
          const keys = select ? ['id', 'globalType', ...Object.keys(select)] : null
          const shown = (doc: Record<string, unknown>) => wire(keys ? Object.fromEntries(keys.map((k) => [k, doc[k]])) : doc)
          expect(shown(sql), `${global.slug} ${JSON.stringify(select)} ${locale}`).toEqual(shown(drizzle))
          expect(Object.keys(sql).length).toBeGreaterThan(1)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('answers payload.find at depth 1 the same in each locale and in all', async () => {
    for (const locale of ['en', 'ar', 'all'] as const) {
      for (const slug of slugs) {
        const { sql, drizzle } = await both(() => payload.find({ collection: slug, depth: 1, limit: 25, sort: '-id', locale, overrideAccess: true }))
        expect(wire(sql), `${slug} ${locale}`).toEqual(wire(drizzle))
      }
    }
  }, 120_000)

  it('answers selects the same: nested (as GraphQL asks), exclude-mode, with population', async () => {
    const selects: SelectType[] = [
      { title: true, location: { city: true, country: true }, make: true, seller: true },
      { meta: { title: true }, images: true, features: true },
      { description: false, specifications: false, meta: false },
    ]
    for (const select of selects) {
      const { sql, drizzle } = await both(() => payload.find({ collection: 'cars', depth: 1, limit: 20, select, overrideAccess: true }))
      expect(wire(sql), JSON.stringify(select)).toEqual(wire(drizzle))
      expect(sql.docs.length).toBeGreaterThan(0)
    }
  })

  it('keeps pages, totals and order (a page beyond the end, a sort on a relation)', async () => {
    const pages: { collection: CollectionSlug; page?: number; limit: number; sort?: string; where?: Where }[] = [
      { collection: 'cars', page: 2, limit: 5, sort: '-price' },
      { collection: 'cars', page: 999, limit: 5 },
      { collection: 'cars', limit: 5, sort: 'make.name' },
      { collection: 'parts', limit: 7, where: { 'compatibility.make.name': { exists: true } } },
      { collection: 'posts', limit: 3, sort: '-publishedAt', where: { _status: { equals: 'published' } } },
    ]
    for (const args of pages) {
      const { sql, drizzle } = await both(() => payload.find({ ...args, depth: 1, overrideAccess: true }))
      expect(wire(sql), JSON.stringify(args)).toEqual(wire(drizzle))
      if (args.page !== 999) expect(sql.docs.length).toBeGreaterThan(0)
    }
  })

  it('is the path the adapter takes when installed: one statement for a page (a join too), a prepared one for ids a one-to-many sort found', async () => {
    const pool = (payload.db as unknown as { pool: { query: (...args: unknown[]) => unknown } }).pool
    const sent: { text: string; name?: string }[] = []
    const original = pool.query
    pool.query = function (this: unknown, ...args: unknown[]) {
      const config = typeof args[0] === 'string' ? { text: args[0] } : (args[0] as { text?: string; name?: string })
      if (config?.text) sent.push({ text: config.text, name: config.name })
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof pool.query
    const documents = () => sent.filter((s) => s.text.includes('jsonb_build_object(') && s.text.includes('from "cars"'))
    try {
      installDocumentReader(payload, true)
      // each statement on its own (the read batcher, which sends a turn's statements as one, has its own test)
      installReadBatcher(payload, false)
      await payload.find({ collection: 'cars', depth: 0, limit: 5, overrideAccess: true, where: { status: { equals: 'active' } } })
      expect(documents()).toHaveLength(1)
      expect(documents()[0].text).toMatch(/ inner join \(select "id" from "cars" where .* limit \$\d+\) "autohub_page" on "cars"\."id" = "autohub_page"\."id" order by "cars"\."created_at" desc$/s)
      expect(sent.filter((s) => s.text.includes('lateral'))).toHaveLength(0)
      expect(sent).toHaveLength(2) // the page and its count
      sent.length = 0
      // a sort across a joined table: still one statement, the page's distinct ids and sort values in its subquery
      await payload.find({ collection: 'cars', depth: 0, limit: 5, sort: 'make.name', overrideAccess: true })
      expect(documents()).toHaveLength(1)
      expect(documents()[0].name).toBeUndefined()
      expect(documents()[0].text).toMatch(
        / inner join \(select distinct "cars"\."id", "[^"]+"\."name" as "autohub_s0", .* "autohub_page" on "cars"\."id" = "autohub_page"\."id" order by "autohub_s0" asc, "autohub_s1" desc$/s,
      )
      sent.length = 0
      // a sort on a one-to-many joined table (an array's column) keeps the ids step, then a prepared statement
      await payload.find({ collection: 'cars', depth: 0, limit: 5, sort: '-priceHistory.price', overrideAccess: true })
      expect(documents()).toHaveLength(1)
      expect(documents()[0].name).toMatch(/^autohub_documents_\d+$/)
      sent.length = 0
      installDocumentReader(payload, false)
      await payload.find({ collection: 'cars', depth: 0, limit: 5, overrideAccess: true })
      expect(documents()).toHaveLength(0)
    } finally {
      pool.query = original
      installDocumentReader(payload, true)
      installReadBatcher(payload, true)
    }
  })

  // Last: it writes (each document again, as it was read).
  it('answers a write with the document the adapter reads back, for every collection, whole and with its defaultPopulate select', async () => {
    const req = { locale: 'en' } as never
    let compared = 0
    for (const slug of slugs) {
      const [doc] = (await payload.db.find({ collection: slug, limit: 1, pagination: false, sort: 'id', locale: 'en', req })).docs
      if (!doc) continue
      const selects: (SelectType | undefined)[] = [undefined]
      const defaultPopulate = payload.collections[slug].config.defaultPopulate
      if (defaultPopulate) selects.push(defaultPopulate as SelectType)
      for (const select of selects) {
        const { sql, drizzle } = await both(() => payload.db.updateOne({ collection: slug, id: doc.id, data: { ...doc }, select, req }))
        const keys = select ? ['id', ...Object.keys(select)] : null
        const shown = (d: unknown) => wire(keys ? Object.fromEntries(keys.map((k) => [k, (d as Record<string, unknown>)[k]])) : d)
        expect(shown(sql), `${slug} ${select ? 'defaultPopulate' : 'whole'}`).toEqual(shown(drizzle))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(40) // the demo data fills most collections
    // and the read-back is the reader's prepared statement
    const [car] = (await payload.db.find({ collection: 'cars', limit: 1, pagination: false, sort: 'id', locale: 'en', req })).docs
    const sent = await namedStatementsSentBy(() => payload.db.updateOne({ collection: 'cars', id: car.id, data: { ...car }, req }))
    expect(sent.filter((s) => s.name?.startsWith('autohub_documents_'))).toHaveLength(1)
    expect(sent.filter((s) => / from "cars" .*lateral/s.test(s.text))).toEqual([])
  }, 120_000)
})
