/**
 * Internal reads by id (src/plugins/internal-reads.ts) against Payload's own `findByID`, for every collection of the
 * config (a new collection is covered without editing this file) over the demo data:
 * - the collections it declines are exactly the listed ones, each for its stated reason;
 * - every document of every other collection reads the same both ways at depth 0 with access overridden: whole, with
 *   the collection's `defaultPopulate` select, with its first two top-level fields, hidden fields shown or not;
 * - a served read sends one statement, the collection's prepared document statement;
 * - inside a transaction it reads on that transaction;
 * - what it does not serve goes to Payload: a document not found (its error, or null), access not overridden, depth 1
 *   over relations, a nested select, a non-integer id; and a read hook or a localized field given at run time.
 */
import type { CollectionSlug, Field, Payload, SelectType } from 'payload'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { collectionDeclines, installInternalReads, internalFindPlan, internalGlobalReadPlan, internalReadPlan } from '../../../src/plugins/internal-reads'
import { demoPayload } from '../../helpers/payload'
import { namedStatementsSentBy } from '../../helpers/sql'

let payload: Payload
let slugs: CollectionSlug[]

/** Collections whose reads Payload answers, and why. */
const DECLINED: Record<string, RegExp> = {
  media: /^upload collection$/,
  'verification-documents': /^upload collection$/,
  posts: /^drafts$/,
  'payload-jobs': /^afterRead hook$/,
  'audit-log': /^beforeOperation hook$/,
}

type Args = Parameters<Payload['findByID']>[0]

/** A spot read by id (the type of any collection's document is too wide to name its fields). */
const spotName = async (args: Args): Promise<unknown> => ((await payload.findByID(args)) as { name?: unknown }).name

type GlobalArgs = Parameters<Payload['findGlobal']>[0]

/** Read with Payload's own findByID (or findGlobal), then with the internal reads installed; errors as class and message. */
async function both(args: Args | GlobalArgs): Promise<{ own: unknown; fast: unknown }> {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (doc) => JSON.parse(JSON.stringify(doc)) as unknown,
      (err: Error) => ({ error: err.constructor.name, message: err.message }),
    )
  const read = () => ('slug' in args ? payload.findGlobal(args) : payload.findByID(args))
  installInternalReads(payload, false)
  const own = await settle(read())
  installInternalReads(payload, true)
  const fast = await settle(read())
  if ('slug' in args) expect(own, 'a global read answers its document').not.toHaveProperty('error')
  return { own, fast }
}

const idsOf = async (slug: string, limit = 25): Promise<number[]> => {
  const res = await payload.find({ collection: slug as CollectionSlug, depth: 0, limit, sort: 'id', overrideAccess: true, select: {} as SelectType, pagination: false })
  return res.docs.map((d) => Number(d.id))
}

/** The collection's first `n` named top-level fields (through rows, collapsibles and unnamed tabs). */
function firstFields(fields: Field[], n: number): string[] {
  const names: string[] = []
  const visit = (list: Field[]) => {
    for (const f of list) {
      if (names.length >= n) return
      if ('name' in f && f.name) names.push(f.name)
      else if (f.type === 'tabs') {
        for (const tab of f.tabs) {
          if ('name' in tab && tab.name) names.push(tab.name)
          else visit(tab.fields)
        }
      } else if ('fields' in f && Array.isArray(f.fields)) visit(f.fields as Field[])
    }
  }
  visit(fields)
  return names.slice(0, n)
}

beforeAll(async () => {
  payload = await demoPayload()
  slugs = payload.config.collections.map((c) => c.slug as CollectionSlug)
})

afterAll(() => installInternalReads(payload, true))

type FindArgs = Parameters<Payload['find']>[0]
type Listed = { docs: Record<string, unknown>[] } & Record<string, unknown>

/** A list with Payload's own find, then with the internal reads installed (errors as class and message). */
async function bothFind(args: FindArgs): Promise<{ own: Listed; fast: Listed }> {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (res) => JSON.parse(JSON.stringify(res)) as Listed,
      (err: Error) => ({ docs: [], error: err.constructor.name, message: err.message }) as Listed,
    )
  installInternalReads(payload, false)
  const own = await settle(payload.find(args))
  installInternalReads(payload, true)
  const fast = await settle(payload.find(args))
  return { own, fast }
}

/**
 * Each row's place in the adapter's order of an unsorted list, by id: the collection's `defaultSort` column (else
 * `created_at`, or `id` without it) and `created_at`, as text — documents with equal keys may come in either order,
 * in either path. null: a default sort these tests do not read.
 */
async function orderKeysById(slug: string): Promise<Map<number, string> | null> {
  const db = payload.db as unknown as {
    tableNameMap: Map<string, string>
    tables: Record<string, Record<string, { name?: string }>>
    pool: { query(q: string): Promise<{ rows: { id: number; k: unknown; c: unknown }[] }> }
  }
  const table = db.tableNameMap.get(slug.replace(/-/g, '_')) ?? slug.replace(/-/g, '_')
  const columns = db.tables[table]
  const createdAt = columns?.createdAt?.name
  const sort = payload.collections[slug as CollectionSlug].config.defaultSort ?? (createdAt ? '-createdAt' : '-id')
  if (typeof sort !== 'string') return null
  const path = sort.replace(/^-/, '')
  const column = path === 'id' ? 'id' : columns?.[path]?.name
  if (!column) return null
  const { rows } = await db.pool.query(`select id, "${column}"::text as k, ${createdAt ? `"${createdAt}"::text` : 'null'} as c from "${table}"`)
  return new Map(rows.map((r) => [Number(r.id), JSON.stringify([r.k, r.c])]))
}

/** A list with each run of documents of equal order keys sorted by id: what both paths must agree on. */
function normalList(docs: Record<string, unknown>[], keys: Map<number, string>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  let run: Record<string, unknown>[] = []
  const flush = () => out.push(...run.sort((a, b) => Number(a.id) - Number(b.id)))
  for (const doc of docs) {
    if (run.length && keys.get(Number(run[0].id)) !== keys.get(Number(doc.id))) {
      flush()
      run = []
    }
    run.push(doc)
  }
  flush()
  return out
}

/** The same page fields (and key order) and the same documents in the same order, up to runs of equal order keys. */
function expectSameList(own: Listed, fast: Listed, keys: Map<number, string>, label: string) {
  const { docs: ownDocs, ...ownPage } = own
  const { docs: fastDocs, ...fastPage } = fast
  expect(fastPage, label).toEqual(ownPage)
  expect(Object.keys(fastPage), label).toEqual(Object.keys(ownPage))
  expect(normalList(fastDocs, keys), label).toEqual(normalList(ownDocs, keys))
}

/** Top-level stored fields a list may be asked by (`equals`): plain scalars and single relationships. */
const EQUALS_FIELD_TYPES = new Set(['text', 'email', 'textarea', 'select', 'number', 'relationship'])

describe('internal lists (find by ids or by one column)', () => {
  it('lists every collection by ids and by each stored column as Payload does: whole, defaultPopulate, two fields, a limit', async () => {
    let served = 0
    let compared = 0
    for (const slug of slugs) {
      const config = payload.collections[slug].config
      const ids = await idsOf(slug, 12)
      if (!ids.length) continue
      // null: a default sort these tests do not read (a localized column): then no list of it may be served
      const keys = await orderKeysById(slug)
      const selects: (SelectType | undefined)[] = [undefined, Object.fromEntries(firstFields(config.fields, 2).map((f) => [f, true]))]
      if (config.defaultPopulate) selects.push(config.defaultPopulate as SelectType)
      // the values of the first document's stored columns, read by Payload
      installInternalReads(payload, false)
      const first = (await payload.findByID({ collection: slug, id: ids[0], depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
      installInternalReads(payload, true)
      const wheres: Record<string, unknown>[] = [{ id: { in: ids } }, { id: { equals: ids[0] } }]
      for (const f of config.fields) {
        if (!('name' in f) || !EQUALS_FIELD_TYPES.has(f.type) || (f as { hasMany?: boolean }).hasMany) continue
        const value = first[f.name]
        const plain = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
        if (plain !== null && plain !== undefined && typeof plain !== 'object') wheres.push({ [f.name]: { equals: plain } })
      }
      for (const where of wheres) {
        for (const select of selects) {
          for (const limit of [undefined, 3]) {
            const args = { collection: slug, where, depth: 0, overrideAccess: true, pagination: false, select, ...(limit ? { limit } : {}) } as FindArgs
            const label = `${slug} ${JSON.stringify(where)} ${JSON.stringify(select)} limit ${limit}`
            const plan = internalFindPlan(payload, args)
            if (!keys) expect(plan, label).toBeNull()
            if (plan) served++
            const { own, fast } = await bothFind(args)
            if (!keys) expect(fast, label).toEqual(own)
            else if (limit && own.docs.length === limit) {
              // cut by the limit (a run of equal keys may straddle it): the same keys in order, each document as in
              // the whole list, the same page fields
              const whole = await bothFind({ ...args, limit: undefined } as FindArgs)
              expect(
                fast.docs.map((d) => keys.get(Number(d.id))),
                label,
              ).toEqual(own.docs.map((d) => keys.get(Number(d.id))))
              for (const doc of fast.docs) expect(doc, label).toEqual(whole.own.docs.find((d) => d.id === doc.id))
              expect({ ...fast, docs: [] }, label).toEqual({ ...own, docs: [] })
            } else expectSameList(own, fast, keys, label)
            compared++
          }
        }
      }
    }
    if (process.env.TEST_VERBOSE) console.info(`lists compared: ${compared}, served: ${served}`)
    expect(compared).toBeGreaterThan(300)
    expect(served).toBeGreaterThan(compared / 3)
  }, 300_000)

  it('serves what the cart and checkout ask in one statement, on the request’s transaction', async () => {
    const [part] = await idsOf('parts', 1)
    const parts = {
      collection: 'parts',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { id: { in: [part] } },
      select: { title: true, price: true, stockQuantity: true, seller: true },
    } as FindArgs
    expect(internalFindPlan(payload, parts)).not.toBeNull()
    await payload.find(parts)
    const sent = await namedStatementsSentBy(() => payload.find(parts))
    expect(sent).toHaveLength(1)
    // one statement per shape, whatever the limit: the limit is its last parameter
    expect(internalFindPlan(payload, { ...parts, limit: 7 } as FindArgs)).toMatchObject({ statement: sent[0], params: [[part], 7] })
    expect(sent[0].name).toMatch(/^autohub_documents_\d+_list_\d+$/)
    expect(sent[0].text).toMatch(/from "parts" where "parts"\."id" = any\(\(select \$1::integer\[\]\)::integer\[\]\) order by "parts"\."created_at" desc limit \$2$/)
    const [user] = await idsOf('users', 1)
    const cart = { collection: 'carts', depth: 0, limit: 1, pagination: false, overrideAccess: true, where: { user: { equals: user } } } as FindArgs
    expect(internalFindPlan(payload, cart)).not.toBeNull()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await payload.update({ collection: 'parts', id: part, data: { title: 'Renamed in the transaction' }, req, depth: 0, overrideAccess: true })
      const inTx = await payload.find({ ...parts, req } as FindArgs)
      expect(inTx.docs[0]).toMatchObject({ title: 'Renamed in the transaction' })
      expect((await payload.find(parts)).docs[0]).not.toMatchObject({ title: 'Renamed in the transaction' })
    } finally {
      await killTransaction(req)
    }
  })

  it('leaves to Payload what it does not serve', () => {
    const base = { collection: 'parts', depth: 0, overrideAccess: true, pagination: false, where: { id: { in: [1, 2] } }, select: { title: true, price: true, status: true } } as FindArgs
    expect(internalFindPlan(payload, base)).not.toBeNull()
    const declined: [string, Record<string, unknown>][] = [
      ['paginated (a count)', { pagination: undefined }],
      ['access applied', { overrideAccess: false }],
      ['a sort', { sort: 'title' }],
      ['a second page', { page: 2 }],
      ['drafts', { draft: true }],
      ['two conditions', { where: { id: { in: [1] }, title: { equals: 'x' } } }],
      ['and', { where: { and: [{ id: { in: [1] } }] } }],
      ['another operator', { where: { title: { like: 'x' } } }],
      ['an id as text', { where: { id: { equals: '1' } } }],
      ['no ids', { where: { id: { in: [] } } }],
      ['a value of another type', { where: { price: { equals: '5' } } }],
      ['a select value not among its options', { where: { status: { equals: 'no-such-status' } } }],
      ['a nested path', { where: { 'seller.email': { equals: 'x' } } }],
      ['depth 1 over a relation', { depth: 1, select: { seller: true } }],
      ['a nested select', { select: { dimensions: { length: true } } }],
    ]
    for (const [why, change] of declined) expect(internalFindPlan(payload, { ...base, ...change } as FindArgs), why).toBeNull()
    // a localized field, and a collection that declines (drafts)
    expect(internalFindPlan(payload, { ...base, collection: 'posts' } as FindArgs)).toBeNull()
  })
})

describe('internal reads by id', () => {
  it('declines exactly the listed collections, each for its reason', () => {
    const declined: Record<string, string> = {}
    for (const slug of slugs) {
      const why = collectionDeclines(payload.collections[slug].config as never)
      if (why) declined[slug] = why
    }
    expect(Object.keys(declined).sort()).toEqual(Object.keys(DECLINED).sort())
    for (const [slug, why] of Object.entries(declined)) expect(why, slug).toMatch(DECLINED[slug])
  })

  it('reads every document of every collection as Payload does: whole, defaultPopulate, two fields, hidden shown', async () => {
    let served = 0
    let compared = 0
    for (const slug of slugs) {
      const config = payload.collections[slug].config
      const selects: (SelectType | undefined)[] = [undefined, Object.fromEntries(firstFields(config.fields, 2).map((f) => [f, true]))]
      if (config.defaultPopulate) selects.push(config.defaultPopulate as SelectType)
      for (const id of await idsOf(slug)) {
        for (const select of selects) {
          for (const showHiddenFields of [false, true]) {
            const args = { collection: slug, id, depth: 0, overrideAccess: true, select, showHiddenFields } as Args
            if (internalReadPlan(payload, args)) served++
            const { own, fast } = await both(args)
            expect(fast, `${slug} ${id} ${JSON.stringify(select)} ${showHiddenFields}`).toEqual(own)
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
    expect(served).toBeGreaterThan(compared / 3)
  }, 240_000)

  it('reads every global as Payload does, unsaved or saved: whole, field by field, with globalType asked, hidden shown', async () => {
    let served = 0
    for (const saved of [false, true]) {
      for (const global of payload.config.globals) {
        // unsaved (the demo data may leave a global so): Payload's own answer, handed over; then saved once
        if (saved) await payload.updateGlobal({ slug: global.slug, data: {}, overrideAccess: true })
        const names = firstFields(global.fields, 100)
        const selects: (SelectType | undefined)[] = [undefined, ...names.map((n) => ({ [n]: true }) as SelectType), { [names[0]]: true, globalType: true } as SelectType]
        for (const select of selects) {
          for (const showHiddenFields of [false, true]) {
            const args = { slug: global.slug, depth: 0, overrideAccess: true, select, showHiddenFields } as GlobalArgs
            if (saved && internalGlobalReadPlan(payload, args)) served++
            const { own, fast } = await both(args)
            expect(fast, `${global.slug} ${JSON.stringify(select)} ${showHiddenFields} saved: ${saved}`).toEqual(own)
          }
        }
      }
    }
    expect(served).toBeGreaterThan(10)
    const site = { slug: 'site-settings', depth: 0, overrideAccess: true, select: { currency: true } } as GlobalArgs
    expect(internalGlobalReadPlan(payload, site)).not.toBeNull()
    expect(internalGlobalReadPlan(payload, { ...site, overrideAccess: false })).toBeNull()
    const sent = await namedStatementsSentBy(() => payload.findGlobal(site))
    expect(sent).toHaveLength(1)
    expect(sent[0].text).toMatch(/^select .* as doc from "site_settings" order by "site_settings"\."created_at" desc limit 1$/s)
  })

  it('an auth collection is served as Payload answers it: `collection` added, hidden auth fields removed; hooks marked as acting on other calls are passed over', async () => {
    const [id] = await idsOf('users', 1)
    // what a notification reads of its recipient (src/notifications/notify.ts)
    const select = { email: true, phone: true, phoneVerified: true, preferredLanguage: true, notificationPreferences: true, hash: true } as SelectType
    const args = { collection: 'users', id, depth: 0, overrideAccess: true, select } as Args
    expect(internalReadPlan(payload, args)).not.toBeNull()
    for (const showHiddenFields of [false, true]) {
      const { own, fast } = await both({ ...args, showHiddenFields } as Args)
      expect(fast).toEqual(own)
      expect(fast).toMatchObject({ id, collection: 'users' })
      expect(Object.keys(fast as object)).toEqual(Object.keys(own as object))
      expect('hash' in (fast as object), 'the hidden hash').toBe(showHiddenFields)
    }
    // the users' afterOperation hook acts on creates only, the privacy plugin's afterRead on lists read with access
    // applied: both marked (src/plugins/inert-hooks.ts)
    const hooks = payload.collections.users.config.hooks
    expect(hooks.afterOperation).toHaveLength(1)
    expect(hooks.afterRead).toHaveLength(1)
    expect(collectionDeclines(payload.collections.users.config as never)).toBeUndefined()
    // the same hooks unmarked decline
    for (const kind of ['afterOperation', 'afterRead'] as const) {
      const before = hooks[kind]
      hooks[kind] = [...(before as never[]), ((a: { result?: unknown; doc?: unknown }) => a.result ?? a.doc) as never]
      try {
        expect(collectionDeclines(payload.collections.users.config as never)).toBe(`${kind} hook`)
        expect(internalReadPlan(payload, args)).toBeNull()
      } finally {
        hooks[kind] = before as never
      }
    }
    expect(internalReadPlan(payload, args)).not.toBeNull()
  })

  it('sends one statement for a served read: the collection’s prepared document statement', async () => {
    const [id] = await idsOf('parking-spots', 1)
    const args = { collection: 'parking-spots', id, depth: 0, overrideAccess: true, select: { name: true, totalSlots: true, openingHours: true } } as Args
    expect(internalReadPlan(payload, args)).not.toBeNull()
    await payload.findByID(args) // its name is known to the connection after the first run
    const sent = await namedStatementsSentBy(() => payload.findByID(args))
    expect(sent).toHaveLength(1)
    expect(sent[0].name).toMatch(/^autohub_documents_\d+$/)
    expect(sent[0].text).toMatch(/from "parking_spots" where "parking_spots"\.id = any\(\(select \$1::integer\[\]\)::integer\[\]\)$/)
  })

  it('sends it unnamed with SQL_PLAN_CACHE=off (a pooler that keeps no prepared statements), with the same answer', async () => {
    const [id] = await idsOf('parking-spots', 1)
    const args = { collection: 'parking-spots', id, depth: 0, overrideAccess: true, select: { name: true, totalSlots: true } } as Args
    const named = await payload.findByID(args)
    const before = process.env.SQL_PLAN_CACHE
    process.env.SQL_PLAN_CACHE = 'off'
    try {
      let doc: unknown
      const sent = await namedStatementsSentBy(async () => (doc = await payload.findByID(args)))
      expect(sent).toHaveLength(1)
      expect(sent[0].name).toBeUndefined()
      expect(sent[0].text).toMatch(/from "parking_spots" where "parking_spots"\.id = any\(\(select \$1::integer\[\]\)::integer\[\]\)$/)
      expect(doc).toEqual(named)
    } finally {
      if (before === undefined) delete process.env.SQL_PLAN_CACHE
      else process.env.SQL_PLAN_CACHE = before
    }
  })

  it('a global never saved is answered with its selected fields’ defaults in one statement, where they are known', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      // the global's row gone, inside the transaction only
      const tx = (payload.db as unknown as { sessions: Record<string, { db: { execute(q: string): Promise<unknown> } }> }).sessions[String(req.transactionID)]
      await tx.db.execute('delete from site_settings')
      const read = (select: SelectType) => ({ slug: 'site-settings', depth: 0, overrideAccess: true, select, req }) as GlobalArgs
      const currency = read({ currency: true, defaultLoanApr: true } as SelectType)
      expect(internalGlobalReadPlan(payload, currency)?.global?.unsaved).toEqual({ currency: 'USD', defaultLoanApr: 6.5 })
      let doc: unknown
      const sent = await namedStatementsSentBy(async () => (doc = await payload.findGlobal(currency)))
      expect(sent).toHaveLength(1)
      expect(doc).toEqual({ currency: 'USD', defaultLoanApr: 6.5 })
      const { own, fast } = await both(currency)
      expect(fast).toEqual(own)
      // a group's defaults are its traversal's: left to Payload
      const social = read({ social: true } as SelectType)
      expect(internalGlobalReadPlan(payload, social)?.global).toMatchObject({ unsaved: null })
      const group = await both(social)
      expect(group.fast).toEqual(group.own)
    } finally {
      await killTransaction(req)
    }
  })

  it('reads on the request’s transaction: its uncommitted write is seen there, not outside', async () => {
    const [id] = await idsOf('parking-spots', 1)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await payload.update({ collection: 'parking-spots', id, data: { name: 'Renamed in the transaction' }, req, depth: 0, overrideAccess: true })
      const args = { collection: 'parking-spots', id, depth: 0, select: { name: true } } as Args
      expect(internalReadPlan(payload, { ...args, req } as Args)).not.toBeNull()
      expect(await spotName({ ...args, req } as Args)).toBe('Renamed in the transaction')
      expect(await spotName(args)).not.toBe('Renamed in the transaction')
    } finally {
      await killTransaction(req)
    }
  })

  it('hands Payload what it does not serve, which then answers as before', async () => {
    const [spot] = await idsOf('parking-spots', 1)
    const base = { collection: 'parking-spots', id: spot, depth: 0, overrideAccess: true, select: { name: true, owner: true } } as Args
    expect(internalReadPlan(payload, base)).not.toBeNull()
    for (const args of [
      { ...base, overrideAccess: false },
      { ...base, depth: 1 },
      { ...base, select: { location: { city: true } } },
      { ...base, select: { name: true, description: true } }, // localized
      { ...base, select: undefined }, // the whole spot: its localized description
      { ...base, id: 'x1' },
      { ...base, includeLockStatus: true },
      { ...base, joins: {} },
    ] as Args[]) {
      expect(internalReadPlan(payload, args), JSON.stringify({ ...args, req: undefined })).toBeNull()
    }
    // not found: Payload's own error, or null
    const missing = { ...base, id: 2_000_000_000 } as Args
    expect(internalReadPlan(payload, missing)).not.toBeNull()
    const { own, fast } = await both(missing)
    expect(own).toMatchObject({ error: 'NotFound' })
    expect(fast).toEqual(own)
    expect(await payload.findByID({ ...missing, disableErrors: true } as Args)).toBeNull()
  })

  it('a read hook, or a field made localized or hooked, at run time sends the reads to Payload until restored', async () => {
    const [id] = await idsOf('parking-spots', 1)
    const args = { collection: 'parking-spots', id, depth: 0, overrideAccess: true, select: { name: true } } as Args
    const config = payload.collections['parking-spots'].config
    expect(internalReadPlan(payload, args)).not.toBeNull()
    const hooks = config.hooks.afterRead
    config.hooks.afterRead = [...hooks, ({ doc }) => ({ ...doc, name: `${doc.name as string} (hooked)` })]
    try {
      expect(internalReadPlan(payload, args)).toBeNull()
      expect(await spotName(args)).toMatch(/\(hooked\)$/)
    } finally {
      config.hooks.afterRead = hooks
    }
    const fields = config.fields
    for (const change of [{ localized: true }, { hooks: { afterRead: [({ value }: { value: unknown }) => value] } }]) {
      config.fields = fields.map((f) => ('name' in f && f.name === 'name' ? { ...f, ...change } : f)) as typeof fields
      try {
        expect(internalReadPlan(payload, args), JSON.stringify(Object.keys(change))).toBeNull()
      } finally {
        config.fields = fields
      }
    }
    expect(internalReadPlan(payload, args)).not.toBeNull()
  })
})
