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

import { collectionDeclines, installInternalReads, internalGlobalReadPlan, internalReadPlan } from '../../../src/plugins/internal-reads'
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
    expect(sent[0].text).toMatch(/from "parking_spots" where "parking_spots"\.id = any\(\$1::integer\[\]\)$/)
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
      expect(sent[0].text).toMatch(/from "parking_spots" where "parking_spots"\.id = any\(\$1::integer\[\]\)$/)
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
