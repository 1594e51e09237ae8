/**
 * A document's writes in a transaction (the drizzle patch's `upsertRow`, patches/@payloadcms+drizzle+3.89.0.patch):
 * the writes of its child rows whose answers are not used are queued and sent with the next statement whose answer
 * is, or with the read-back, as one pipeline on the transaction's connection (src/db/pool.ts); a flat document just
 * created is the row its insert returned, with no read-back. Checked for every collection of the config over the
 * demo data (a new collection is covered without editing this file), against the adapter's own sequential writes
 * outside a transaction:
 * - an update answers, and stores, what the same update outside a transaction does;
 * - a create answers the document a read of it gives, and stores every field and child row of the original;
 * - the child rows and the read-back go in one write; a flat create sends its insert alone;
 * - a queued write that fails fails the write with its own error, not the aborted transaction's that follows it.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { type AdapterShape, snake } from '../../../src/db/documents'
import { demoPayload } from '../../helpers/payload'
import { queryCallsBy, statementsSentBy } from '../../helpers/sql'

let payload: Payload
let slugs: CollectionSlug[]

type Doc = Record<string, unknown> & { id: number | string }

/** JSON round trip: what a client receives (undefined keys dropped). */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

beforeAll(async () => {
  payload = await demoPayload()
  slugs = payload.config.collections.map((c) => c.slug as CollectionSlug)
})

const firstDoc = async (collection: CollectionSlug, req?: Partial<PayloadRequest>): Promise<Doc | undefined> =>
  (await payload.db.find({ collection, limit: 1, pagination: false, sort: 'id', locale: 'en', req: { locale: 'en', ...req } as never })).docs[0] as Doc | undefined

const byId = async (collection: CollectionSlug, id: number | string, req: Partial<PayloadRequest>): Promise<Doc | undefined> =>
  (await payload.db.find({ collection, where: { id: { equals: id } }, limit: 1, pagination: false, locale: 'en', req: req as never })).docs[0] as Doc | undefined

/** Runs `fn` in a transaction of the adapter's, rolled back afterwards: nothing it writes stays. */
async function inTransaction<T>(fn: (req: Partial<PayloadRequest>) => Promise<T>): Promise<T> {
  const transactionID = await payload.db.beginTransaction()
  if (transactionID === null) throw new Error('the adapter gave no transaction')
  try {
    return await fn({ locale: 'en', transactionID })
  } finally {
    await payload.db.rollbackTransaction(transactionID)
  }
}

/** The collections whose documents have child rows (locales, relationships, arrays, hasMany values). */
const adapter = () => payload.db as unknown as AdapterShape
const tableOf = (slug: string) => adapter().tableNameMap.get(snake(slug)) ?? slug
// (a collection's versions live in `_<table>_v…`, which this prefix does not match)
const hasChildRows = (slug: string) => Object.keys(adapter().tables).some((t) => t.startsWith(`${tableOf(slug)}_`))

describe('writes in a transaction', () => {
  it('an update answers and stores what the same update outside a transaction does, for every collection', async () => {
    let compared = 0
    for (const slug of slugs) {
      const doc = await firstDoc(slug)
      if (!doc) continue
      // outside a transaction: upstream's writes, each sent and awaited in turn (the same data written back)
      const outside = await payload.db.updateOne({ collection: slug, id: doc.id, data: { ...doc }, req: { locale: 'en' } as never })
      const [inside, reread, calls] = await inTransaction(async (req) => {
        await byId(slug, doc.id, req) // carries the transaction's begin (src/db/pool.ts)
        let answer: unknown
        const writes = await queryCallsBy(async () => {
          answer = await payload.db.updateOne({ collection: slug, id: doc.id, data: { ...doc }, req: req as never })
        })
        return [answer, await byId(slug, doc.id, req), writes] as const
      })
      expect(wire(inside), slug).toEqual(wire(outside))
      expect(wire(reread), slug).toEqual(wire(outside))
      // the row; then its child rows' deletes and inserts with the read-back, in one write (a flat row: its update
      // returning it, or with its read-back)
      expect(calls.length, slug).toBeLessThanOrEqual(hasChildRows(slug) ? 2 : 1)
      compared++
    }
    expect(compared).toBeGreaterThan(40) // the demo data fills most collections
  }, 120_000)

  it('a create answers the document a read gives and stores every field and child row, in two writes at most (one when flat), for every collection', async () => {
    const compared: string[] = []
    for (const slug of slugs) {
      const doc = await firstDoc(slug)
      if (!doc) continue
      const { id, ...data } = doc
      // A copy beside the original, or else in its place: the original deleted first (its unique values and its array
      // rows' ids are free again) where a required reference to it does not forbid that. The rollback restores it.
      let outcome: { created: Doc; reread: Doc | undefined; calls: { statements: number; pipeline: boolean }[]; sent: string[] } | null = null
      for (const replace of [false, true]) {
        outcome = await inTransaction(async (req) => {
          // a first statement carries the transaction's begin (src/db/pool.ts)
          if (replace) await payload.db.deleteOne({ collection: slug, where: { id: { equals: id } }, req: req as never })
          else await byId(slug, id, req)
          let created: Doc | undefined
          let calls: { statements: number; pipeline: boolean }[] = []
          const sent = await statementsSentBy(async () => {
            calls = await queryCallsBy(async () => {
              created = (await payload.db.create({ collection: slug, data, req: req as never })) as Doc
            })
          })
          return { created: created!, reread: await byId(slug, created!.id, req), calls, sent }
        }).catch(() => null)
        if (outcome) break
      }
      if (!outcome) continue
      const { created, reread, calls, sent } = outcome
      expect(created.id, slug).not.toEqual(id)
      expect(wire(created), slug).toEqual(wire(reread))
      // every field and child row the original had (join fields are read, not written: the created answer has none)
      const shown = Object.fromEntries(Object.keys(created).map((k) => [k, k === 'id' ? created.id : doc[k]]))
      expect(wire(created), slug).toEqual(wire(shown))
      if (hasChildRows(slug)) {
        // the row; then its child rows (none may be there) with the read-back, in one write. Array rows with locale rows
        // or nested arrays, and blocks, would each be an awaited insert of their own: no collection has them.
        expect(calls, `${slug}\n${sent.join('\n')}`).toHaveLength(2)
        expect(sent.at(-1), slug).toMatch(/^select .* as doc from /)
      } else {
        // a flat document is the row its insert returned: no read-back
        expect(sent, slug).toHaveLength(1)
        expect(sent[0], slug).toMatch(new RegExp(`^insert into "${tableOf(slug)}" .* returning `))
      }
      compared.push(slug)
    }
    // the demo data fills most collections; a few cannot be copied or replaced (unique values, required references)
    expect(compared.length).toBeGreaterThan(30)
    expect(compared).toEqual(expect.arrayContaining(['cars', 'parts', 'users', 'parking-spots', 'parking-bookings', 'part-brands', 'saved-searches']))
  }, 120_000)

  it('outside a transaction each write is sent and awaited in turn', async () => {
    // the pool's connections keep no order between them: a queued delete could land after the insert it clears for
    const car = await firstDoc('cars')
    const calls = await queryCallsBy(() => payload.db.updateOne({ collection: 'cars', id: car!.id, data: { ...car }, req: { locale: 'en' } as never }))
    expect(calls.length).toBeGreaterThan(3)
    expect(calls.filter((c) => c.pipeline)).toEqual([])
  })

  it('a queued write that fails fails the write with its own error', async () => {
    const user = await firstDoc('users')
    const error = await inTransaction(async (req) =>
      payload.db.create({ collection: 'comparisons', data: { user: user!.id, name: 'Broken', cars: [2_000_000_000] }, req: req as never }).then(
        () => null,
        (e: unknown) => e as Error,
      ),
    )
    expect(error).toBeInstanceOf(Error)
    const text = `${error?.message} ${String((error as { cause?: unknown } | null)?.cause ?? '')}`
    expect(text).toMatch(/foreign key/)
    expect(text).not.toMatch(/current transaction is aborted/)
  })
})
