/**
 * The drizzle patch (patches/@payloadcms+drizzle+3.89.0.patch): a page of a collection whose documents join
 * laterals (arrays, relationships, locales) is read as "the page's ids, then those documents". For every collection
 * of the demo data: each page equals the same slice of the whole sorted list (one page of all), totals and page
 * fields unchanged, pages beyond the end empty with the real totals (upstream answered totalDocs 0 and page 1 for
 * collections whose query joins, the patch fixes that too); and the documents' query is bounded to the page's ids.
 * The pages are read as the platform reads them, with the SQL document reader (src/db/documents.ts); the statement
 * tests check both its one statement and drizzle's relational query, which a collection the reader declines still uses.
 */
import type { CollectionSlug, Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { installDocumentReader } from '../../../src/db/documents'
import { installReadBatcher } from '../../../src/db/read-batch'
import { get } from '../../helpers/api'
import { demoPayload } from '../../helpers/payload'
import { sqlSentBy } from '../../helpers/sql'

let payload: Payload
let slugs: CollectionSlug[] = []

beforeAll(async () => {
  payload = await demoPayload()
  const counted = await Promise.all(
    Object.keys(payload.collections).map(async (slug) => [slug, (await payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs] as const),
  )
  slugs = counted.filter(([, n]) => n >= 3).map(([slug]) => slug as CollectionSlug)
}, 300_000)

const ids = (docs: { id: unknown }[]) => docs.map((d) => d.id)
/** JSON round trip: what a client receives. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

/**
 * The SQL texts sent through the adapter's pool while `fn` runs, each statement on its own: the read batcher, which
 * sends a turn's statements as one (src/db/read-batch.ts, tests/int/foundation/read-batch.test.ts), is off meanwhile.
 */
async function queriesOf(fn: () => Promise<unknown>): Promise<string[]> {
  installReadBatcher(payload, false)
  try {
    return await sqlSentBy(payload, fn)
  } finally {
    installReadBatcher(payload, true)
  }
}

describe('paged finds (every collection with demo data)', () => {
  it('covers the collections with arrays, relationships or locales', () => {
    expect(slugs).toEqual(expect.arrayContaining(['cars', 'parts', 'posts', 'parking-spots', 'users', 'services']))
  })

  it('every page is the same slice of the whole sorted list, with the same totals', async () => {
    for (const slug of slugs) {
      for (const sort of ['id', '-id', ['-createdAt', 'id']]) {
        const all = await payload.find({ collection: slug, sort, limit: 2000, depth: 0, overrideAccess: true })
        const n = all.totalDocs
        for (const page of [1, 2, Math.ceil(Math.min(n, 2000) / 2)]) {
          const res = await payload.find({ collection: slug, sort, limit: 2, page, depth: 0, overrideAccess: true })
          expect({ slug, sort, page, ids: ids(res.docs) }).toEqual({ slug, sort, page, ids: ids(all.docs.slice((page - 1) * 2, page * 2)) })
          expect(res.docs).toEqual(all.docs.slice((page - 1) * 2, page * 2))
          expect({ totalDocs: res.totalDocs, totalPages: res.totalPages, page: res.page, hasNextPage: res.hasNextPage }).toEqual({
            totalDocs: n,
            totalPages: Math.ceil(n / 2),
            page,
            hasNextPage: page < Math.ceil(n / 2),
          })
        }
      }
    }
  }, 300_000)

  it('a page beyond the end is empty and keeps the real totals', async () => {
    for (const slug of slugs) {
      const n = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
      const res = await payload.find({ collection: slug, limit: 2, page: Math.ceil(n / 2) + 3, depth: 0, overrideAccess: true })
      expect({ slug, docs: res.docs, totalDocs: res.totalDocs, page: res.page, hasPrevPage: res.hasPrevPage }).toEqual({
        slug,
        docs: [],
        totalDocs: n,
        page: Math.ceil(n / 2) + 3,
        hasPrevPage: true,
      })
    }
  })

  it('filters and read access still apply to the page (public cars, a where on the main table)', async () => {
    const where = { year: { greater_than_equal: 2015 } }
    const all = await payload.find({ collection: 'cars', where, sort: ['-price', 'id'], limit: 10_000, depth: 0, overrideAccess: false })
    expect(all.docs.length).toBeGreaterThan(4)
    expect(all.docs.every((d) => ['active', 'sale_pending', 'sold'].includes(String(d.status)) && Number(d.year) >= 2015)).toBe(true)
    const res = await payload.find({ collection: 'cars', where, sort: ['-price', 'id'], limit: 3, page: 2, depth: 0, overrideAccess: false })
    expect(ids(res.docs)).toEqual(ids(all.docs.slice(3, 6)))
    expect(res.totalDocs).toBe(all.docs.length)
  })

  /** `fn` with the SQL document reader off (drizzle's relational query, as for a collection the reader declines). */
  const withoutReader = async <T>(fn: () => Promise<T>): Promise<T> => {
    installDocumentReader(payload, false)
    try {
      return await fn()
    } finally {
      installDocumentReader(payload, true)
    }
  }

  it('the documents’ query (with its laterals) reads only the page’s ids; the document reader reads the page in one statement', async () => {
    const page = () => payload.find({ collection: 'cars', sort: '-createdAt', limit: 3, depth: 0, overrideAccess: true })
    const seen = await withoutReader(() => queriesOf(page))
    const docsQuery = seen.find((q) => q.includes('left join lateral') && q.includes('from "cars" "cars"'))
    expect(docsQuery).toBeDefined()
    expect(docsQuery).toMatch(/where "cars"\."id" in \(\$1, \$2, \$3\)/)
    expect(docsQuery).not.toMatch(/\blimit\b/)
    const withReader = (await queriesOf(page)).filter((q) => /from "cars"/.test(q))
    expect(withReader).toHaveLength(2) // the page's documents, its count
    // the page's ids first, then the documents of those rows (no document built for an offset row)
    expect(withReader[0]).toMatch(
      /^select jsonb_build_object\(.* from "cars" inner join \(select "id" from "cars" order by "cars"\."created_at" desc limit \$\d+\) "autohub_page" on "cars"\."id" = "autohub_page"\."id" order by "cars"\."created_at" desc$/s,
    )
    expect(withReader.some((q) => q.includes('lateral'))).toBe(false)
  })

  /**
   * A where on a joined table for each collection that has one (a hasMany relationship or select, an array): its
   * `exists`, which joins that table. A subquery per call keeps the comparison honest: the same where read both ways.
   */
  const joinedWhere = (slug: CollectionSlug): Where | null => {
    for (const field of payload.collections[slug].config.flattenedFields) {
      if ((field.type === 'relationship' || field.type === 'upload' || field.type === 'select') && field.hasMany && !field.localized) return { [field.name]: { exists: true } }
      if (field.type === 'array' && !field.localized) return { [`${field.name}.id`]: { exists: true } }
    }
    return null
  }

  it('a where across a joined table pages over distinct documents in one statement (every collection that has one)', async () => {
    let compared = 0
    const byID = (docs: { id: unknown }[]) => [...docs].sort((a, b) => Number(a.id) - Number(b.id))
    for (const slug of slugs) {
      const where = joinedWhere(slug)
      if (!where) continue
      // total orders (seeded rows share creation times: a tie has no defined order either way)
      for (const sort of [['-createdAt', 'id'], '-id']) {
        const read = (page: number, limit = 2, w: Where = where) => payload.find({ collection: slug, where: w, sort, limit, page, depth: 0, overrideAccess: true })
        const all = await read(1, 5000)
        const allIDs = ids(all.docs)
        expect({ slug, unique: new Set(allIDs).size }).toEqual({ slug, unique: allIDs.length })
        expect(all.totalDocs).toBe(allIDs.length)
        if (allIDs.length < 3) continue // no second page to compare (the empty-result case is compared below, on a collection with matches)
        // the same documents as the two-step read (whose ids step can repeat a document once per joined row; the
        // documents' step reads each once)
        expect(wire(byID(all.docs))).toEqual(wire(byID((await withoutReader(() => read(1, 5000))).docs)))
        const last = Math.max(Math.ceil(allIDs.length / 2), 1)
        for (const page of [1, 2, last, last + 2]) {
          const res = await read(page)
          expect({ slug, sort, page, ids: ids(res.docs) }).toEqual({ slug, sort, page, ids: allIDs.slice((page - 1) * 2, page * 2) })
          expect(wire(res.docs)).toEqual(wire(all.docs.slice((page - 1) * 2, page * 2)))
          expect({ totalDocs: res.totalDocs, totalPages: res.totalPages, page: res.page }).toEqual({ totalDocs: allIDs.length, totalPages: Math.ceil(allIDs.length / 2), page })
        }
        // nothing matches: the same empty first page both ways
        const none: Where = { and: [where, { id: { equals: -1 } }] }
        expect(wire(await read(1, 2, none))).toEqual(wire(await withoutReader(() => read(1, 2, none))))
        compared++
      }
    }
    expect(compared).toBeGreaterThanOrEqual(16)
    // the statements: the page's distinct ids in a subquery of the documents' statement, and the count
    const seen = (await queriesOf(() => payload.find({ collection: 'users', where: { roles: { in: ['seller'] } }, limit: 2, depth: 0, overrideAccess: true }))).filter((q) => /from "users"/.test(q))
    expect(seen).toHaveLength(2)
    expect(seen[0]).toMatch(
      /^select jsonb_build_object\(.* from "users" inner join \(select distinct "users"\."id", .*left join "users_roles".* limit \$\d+\) "autohub_page" on "users"\."id" = "autohub_page"\."id" order by /s,
    )
    expect(seen[1]).toMatch(/count/i)
  }, 300_000)

  it('a read by id (with the read access) is one query: no ids step for a where that pins one id', async () => {
    const [car] = (await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    for (const reader of [false, true]) {
      let found: { id: unknown } | undefined
      const read = async () => {
        found = await payload.findByID({ collection: 'cars', id: car.id, depth: 0, overrideAccess: false })
      }
      const seen = reader ? await queriesOf(read) : await withoutReader(() => queriesOf(read))
      const [asList] = (await payload.find({ collection: 'cars', where: { id: { equals: car.id } }, depth: 0, overrideAccess: false })).docs
      expect(found).toEqual(asList)
      expect(found?.id).toBe(car.id)
      const carQueries = seen.filter((q) => /from "cars"/.test(q))
      expect(carQueries).toHaveLength(1)
      expect(carQueries[0]).toMatch(reader ? /^select jsonb_build_object\(/ : /left join lateral/)
    }
    // a hidden listing still reads as not found through the same single query
    const [draft] = (await payload.find({ collection: 'cars', where: { status: { equals: 'draft' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    await expect(payload.findByID({ collection: 'cars', id: draft.id, depth: 0, overrideAccess: false })).rejects.toThrow(/not found/i)
    // a list filtered by id equality keeps its totals
    const one = await payload.find({ collection: 'cars', where: { id: { equals: car.id } }, limit: 5, depth: 0, overrideAccess: true })
    expect(ids(one.docs)).toEqual([car.id])
    expect(one.totalDocs).toBe(1)
  })
})

describe('a paged find whose statements fail', () => {
  it('rejects once, and the page statement’s own failure is not left unhandled (every collection with a select field)', async () => {
    // The page's statement is sent before the count is awaited (so the two go out together): when the count fails
    // first, the page's failure must still be handled — an unhandled rejection ends a Node process.
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    const tried: string[] = []
    try {
      for (const collection of payload.config.collections) {
        const select = collection.fields.find((f) => f.type === 'select' && !f.hasMany && !f.localized && 'name' in f)
        if (!select || !('name' in select)) continue
        const where: Where = { [select.name]: { equals: 'no_such_option' } }
        await expect(payload.find({ collection: collection.slug as CollectionSlug, where, limit: 5, depth: 0, overrideAccess: true })).rejects.toThrow()
        tried.push(collection.slug)
        // Node reports a rejection left unhandled once the promise jobs of the turn have run: two turns later, it has.
        await new Promise((resolve) => setImmediate(resolve))
        await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      process.off('unhandledRejection', record)
    }
    expect(tried).toEqual(expect.arrayContaining(['cars', 'parts', 'parking-bookings', 'orders']))
    expect(unhandled).toEqual([])
  })
})

describe('population of a client read (src/plugins/input-guards.ts)', () => {
  it('REST list at depth 1: each populated collection is one read of the related ids, not clamped nor counted', async () => {
    let res: { status: number; body: { docs: unknown[] } } | undefined
    const seen = await queriesOf(async () => {
      res = await get('/cars?sort=-createdAt&limit=12&depth=1')
    })
    expect(res?.status).toBe(200)
    const docs = res?.body.docs as { make: { id: number; name: string } }[]
    expect(docs).toHaveLength(12)
    expect(docs.every((d) => typeof d.make === 'object' && typeof d.make.name === 'string')).toBe(true)
    expect(seen.filter((q) => /from "makes"/.test(q))).toHaveLength(1)
    // ordered by id, not by the related collection's default sort: the features' localized name would join its
    // locales table and cost a second query for the distinct ids
    expect(seen.filter((q) => /from "makes"/.test(q))[0]).toMatch(/order by "makes"\."id" asc/)
    expect(seen.filter((q) => /from "features"/.test(q))).toHaveLength(1)
    expect(seen.some((q) => /select distinct "features"/.test(q))).toBe(false)
    expect(seen.some((q) => /count\(\*\) from "makes"/.test(q))).toBe(false)
    // the client's own list is still counted (its totals)
    expect(seen.some((q) => /count\(\*\) from "cars"/.test(q))).toBe(true)
  })

  it('a client that asks for no pagination is still clamped', async () => {
    const res = await get('/cars?pagination=false&limit=0&depth=0')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeLessThanOrEqual(100)
    expect(res.body.totalDocs).toBeGreaterThan(res.body.docs.length)
  })
})
