/**
 * Surface audit, driven by the collection configs (a new collection is covered without editing this file):
 * - every collection has at least one document (the demo seed, or a fixture below — a new collection must get one);
 * - for every collection and every role (anonymous, buyer, another buyer, seller, technician, parking owner,
 *   editor, admin) it lists and reads single documents over REST and GraphQL, and asserts that no field declared
 *   private with `privateField` (src/access/privacy.ts) reaches a role its declaration does not name, that
 *   `lists: false` fields never appear in a list, that Payload's hidden fields never appear, and that GraphQL
 *   never answers a server error;
 * - every field with read access control (own or inherited) is nullable in the GraphQL schema, so field access
 *   never turns into a 500;
 * - every field whose name says it holds a secret or personal data is declared with the helper (or sits under
 *   a declared parent), unless it is a listed deliberate public exception; every field-level read rule is
 *   declared through the helper (one mechanism).
 */
import type { Field, Payload, SanitizedCollectionConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { mayRead, ownerFieldsOf, privacyOf, type PrivacyDeclaration } from '../../../src/access/privacy'
import { queryNames } from '../../../src/http/graphql-select'
import type { AccessUser, Role } from '../../../src/access/roles'
import { DEMO_ACCOUNTS } from '../../../seed/identity'
import { get, gql, post } from '../../helpers/api'
import { pngBuffer } from '../../helpers/images'
import { demoPayload } from '../../helpers/payload'
import { createUser, login, sessionFor } from '../../helpers/users'

// ------------------------------------------------------------------ config walking

type Seg = { name: string; many: boolean }
interface Declared {
  path: Seg[]
  decl: PrivacyDeclaration
}
interface Walked {
  path: Seg[]
  field: Field & { name: string }
  /** Nearest declared privacy (own or an ancestor's). */
  inherited: PrivacyDeclaration | null
  /** Own or an ancestor's field-level read rule. */
  readRule: 'own' | 'inherited' | null
}

/** Every data field with its path (groups, arrays and named tabs nest; rows, collapsibles and unnamed tabs do not). */
function walk(fields: readonly Field[], prefix: Seg[] = [], inherited: PrivacyDeclaration | null = null, inheritedRead = false): Walked[] {
  const out: Walked[] = []
  for (const f of fields) {
    if (f.type === 'row' || f.type === 'collapsible' || (f.type === 'group' && !('name' in f && f.name))) {
      out.push(...walk((f as { fields: Field[] }).fields, prefix, inherited, inheritedRead))
      continue
    }
    if (f.type === 'tabs') {
      for (const tab of f.tabs) {
        if ('name' in tab && tab.name) {
          const own = privacyOf(tab)
          out.push(...walk(tab.fields, [...prefix, { name: tab.name, many: false }], own ?? inherited, inheritedRead))
        } else out.push(...walk(tab.fields, prefix, inherited, inheritedRead))
      }
      continue
    }
    if (f.type === 'ui' || !('name' in f) || typeof f.name !== 'string') continue
    const own = privacyOf(f)
    const hasRead = Boolean((f as { access?: { read?: unknown } }).access?.read)
    const path = [...prefix, { name: f.name, many: f.type === 'array' || f.type === 'blocks' }]
    out.push({ path, field: f as Field & { name: string }, inherited: own ?? inherited, readRule: hasRead ? 'own' : inheritedRead ? 'inherited' : null })
    if (f.type === 'group' || f.type === 'array') out.push(...walk(f.fields, path, own ?? inherited, inheritedRead || hasRead))
    if (f.type === 'blocks') for (const b of f.blocks) out.push(...walk(b.fields, path, own ?? inherited, inheritedRead || hasRead))
  }
  return out
}

const pathText = (p: Seg[]) => p.map((s) => s.name).join('.')

/** The values at `path` in a response document (arrays fan out). */
function valuesAt(doc: unknown, path: Seg[]): unknown[] {
  let nodes: unknown[] = [doc]
  for (const [i, seg] of path.entries()) {
    const next: unknown[] = []
    for (const n of nodes) {
      if (!n || typeof n !== 'object') continue
      const v = (n as Record<string, unknown>)[seg.name]
      if (seg.many && i < path.length - 1) {
        if (Array.isArray(v)) next.push(...v)
      } else next.push(v)
    }
    nodes = next
  }
  return nodes
}

/**
 * A value reached the caller: not absent, not null, not the empty array Payload puts in place of a denied array,
 * not a group object whose every member is empty (GraphQL answers a denied group with its members null).
 */
const carries = (v: unknown): boolean => {
  if (v === undefined || v === null) return false
  if (Array.isArray(v)) return v.some(carries)
  if (typeof v === 'object' && !(v instanceof Date)) return Object.entries(v).some(([k, x]) => k !== '__typename' && carries(x))
  return true
}

// ------------------------------------------------------------------ deliberate public exceptions

/** Fields whose name looks secret or personal but that are public on purpose. Key: `<slug>.<path>`. */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  'cars.contactPhone': 'the seller publishes it on the listing for buyers to call',
  'cars.contactEmail': 'the seller publishes it on the listing for buyers to write',
  'cars.location.address': 'where the car can be seen; entered by the seller for the listing',
  'dealers.contact.phone': 'a dealer business contact, published on the dealer page',
  'dealers.contact.email': 'a dealer business contact, published on the dealer page',
  'dealers.location.address': 'the dealer showroom address, published on the dealer page',
  'parking-spots.address': 'where the spot is; drivers need it to book',
  'parking-spots.phone': 'the spot operator contact, published with the spot',
  'parts.compatibility.notes': 'fitment notes, part of the public listing',
  'notifications.emailStatus': 'delivery state of the notification email, not an address (rows are owner-only)',
  'notifications.emailAttempts': 'how often the notification email was tried, not an address (rows are owner-only)',
  'notifications.emailNextAttemptAt': 'when the notification email is tried again, not an address (rows are owner-only)',
}

/** Name tokens that mark a secret or personal value. */
const SENSITIVE = /(^|[^a-z])(api_?key|token|pin|qr|e_?mail|phone|password|secret|stripe|notes?|ip|user_?agent|address|licen[cs]e_?plate|plate|credentials|sessions?|salt|hash)([^a-z]|$)/
const PAYMENT_ID = /^(intent|charge|refund|stripe\w*|customer|payment\w*)Id$/
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
const looksSensitive = (name: string) => SENSITIVE.test(snake(name)) || PAYMENT_ID.test(name)

// ------------------------------------------------------------------ roles and fixtures

const ROLES_UNDER_TEST = ['anonymous', 'buyer', 'buyer2', 'seller', 'technician', 'parking_owner', 'editor', 'admin'] as const
type Who = (typeof ROLES_UNDER_TEST)[number]

let payload: Payload
let slugs: string[]
const callers: Record<Who, { token?: string; user: AccessUser | null }> = {} as never

const configOf = (slug: string) => (payload.collections as unknown as Record<string, { config: SanitizedCollectionConfig }>)[slug].config

const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.roles.includes(role) && a.roles.length === 1)!

/**
 * Collections the demo seed leaves empty get a document here (Local API, overrideAccess). A new collection
 * with no seed data fails "every collection has a document" until it gets one (in its seed or here).
 */
const FIXTURES: Record<string, (p: Payload, ids: Record<Who, number>) => Promise<unknown>> = {
  media: async (p) => p.create({ collection: 'media', overrideAccess: true, data: { alt: 'audit' } as never, file: await pngFile('audit.png') }),
  'verification-documents': async (p, ids) =>
    p.create({ collection: 'verification-documents' as never, overrideAccess: true, data: { owner: ids.seller, documentType: 'other' } as never, file: await pngFile('licence.png') }),
  'contact-submissions': async () => expectOk(await post('/contact-submissions', { name: 'Audit Visitor', email: 'visitor@audit.test', phone: '+15550100', subject: 'Hi', message: 'A question.' })),
  'loan-calculations': async () => expectOk(await post('/loan-calculator', { vehiclePrice: 20000, interestRate: 5, termMonths: 36, save: true }, { token: callers.buyer.token })),
  carts: async (p, ids) => expectOk(await post('/carts/mine/items', { part: await sellersPart(p, ids), quantity: 1 }, { token: callers.buyer2.token })),
  // A buyer's order of the seller's part: the seller reads it through its own (reduced) view.
  orders: async (p, ids) => {
    expectOk(await post('/carts/mine/items', { part: await sellersPart(p, ids), quantity: 1 }, { token: callers.buyer.token }))
    expectOk(
      await post(
        '/orders/checkout',
        { shippingAddress: { fullName: 'Bea Buyer', line1: '1 Main St', city: 'Amman', country: 'JO', phone: '+962700000000' }, paymentMethod: 'cash_on_delivery' },
        { token: callers.buyer.token },
      ),
    )
  },
  payments: async (p, ids) => {
    const order = (await p.find({ collection: 'orders', overrideAccess: true, depth: 0, limit: 1 })).docs[0]
    return p.create({
      collection: 'payments',
      overrideAccess: true,
      data: { user: ids.buyer, provider: 'stripe', intentId: `pi_audit_${Date.now()}`, chargeId: 'ch_audit', amount: 10, currency: 'USD', target: { relationTo: 'orders', value: order.id } } as never,
    })
  },
  // Dealer bulk imports are written only by their endpoint's job: one finished import of the seller.
  'inventory-imports': async (p, ids) =>
    p.create({
      collection: 'inventory-imports',
      overrideAccess: true,
      data: { seller: ids.seller, fileName: 'audit.csv', status: 'completed', total: 1, processed: 1, failed: 1, source: 'vin,make,model,year,price\nX,Y,Z,2020,1\n', report: [] },
    }),
  notifications: async (p, ids) =>
    p.create({ collection: 'notifications', overrideAccess: true, data: { user: ids.buyer, type: 'account_alert', title: 'Audit', message: 'Audit notification' } as never }),
  'phone-verifications': async (p, ids) =>
    p.create({
      collection: 'phone-verifications',
      overrideAccess: true,
      data: { kind: 'code', user: ids.buyer, phone: '+201001234567', ip: '10.0.0.1', codeHash: 'ab'.repeat(32), expiresAt: new Date().toISOString(), attempts: 0 } as never,
    }),
  'push-subscriptions': async (p, ids) =>
    p.create({
      collection: 'push-subscriptions',
      overrideAccess: true,
      data: { user: ids.buyer, endpoint: `https://push.audit.test/${Date.now()}`, p256dh: 'BAudit', auth: 'audit', device: 'Audit phone', userAgent: 'Audit' } as never,
    }),
  'notification-deliveries': async (p, ids) =>
    p.create({
      collection: 'notification-deliveries',
      overrideAccess: true,
      data: { user: ids.buyer, channel: 'sms', status: 'sent', target: '+201001234567', title: 'Audit', body: 'Audit SMS', attempts: 1 } as never,
    }),
  'notification-templates': async (p) =>
    p.create({ collection: 'notification-templates', overrideAccess: true, data: { type: 'promotion', title: 'Audit {{name}}', body: 'Audit body', active: false } as never }),
  'loyalty-ledger': async (p, ids) =>
    p.create({ collection: 'loyalty-ledger', overrideAccess: true, data: { user: ids.buyer, reason: 'review', ref: 'review:audit', points: 20, balanceAfter: 20 } as never }),
  achievements: async (p, ids) =>
    p.create({ collection: 'achievements', overrideAccess: true, data: { user: ids.buyer, key: 'first_order', title: 'First order', unlockedAt: new Date().toISOString() } as never }),
  'loyalty-alerts': async (p, ids) => p.create({ collection: 'loyalty-alerts', overrideAccess: true, data: { user: ids.buyer, alert: 'inactivity', key: 'inactivity:audit' } as never }),
  votes: async (p, ids) => {
    const review = (await p.find({ collection: 'reviews', overrideAccess: true, depth: 0, limit: 1 })).docs[0]
    return p.create({ collection: 'votes', overrideAccess: true, data: { user: ids.buyer2, target: { relationTo: 'reviews', value: review.id }, value: 'helpful' } as never })
  },
  // Payload's own collections (src/plugins/payload-own.ts): a preference of the admin's and of a buyer's, an edit lock
  // of the admin's on the seller's car, a queued job, a key-value entry and a migration record.
  'payload-preferences': async () => {
    for (const who of ['admin', 'buyer'] as const) expectOk(await post(`/payload-preferences/audit-${who}`, { value: { columns: ['title'] } }, { token: callers[who].token }))
  },
  'payload-locked-documents': async (p, ids) => {
    const car = (await p.find({ collection: 'cars', overrideAccess: true, depth: 0, limit: 1, where: { seller: { equals: ids.seller } } })).docs[0]
    return p.create({ collection: 'payload-locked-documents', overrideAccess: true, data: { document: { relationTo: 'cars', value: car.id }, user: { relationTo: 'users', value: ids.admin } } })
  },
  'payload-jobs': async (p) => p.create({ collection: 'payload-jobs', overrideAccess: true, data: { taskSlug: p.config.jobs.tasks![0].slug, input: {} } as never }),
  'payload-kv': async (p) => p.kv.set('audit', { checked: true }),
  'payload-migrations': async (p) => p.create({ collection: 'payload-migrations', overrideAccess: true, data: { name: 'audit', batch: -1 } }),
  'availability-blocks': async (p, ids) => {
    const spot = (await p.find({ collection: 'parking-spots', overrideAccess: true, depth: 0, limit: 1, where: { owner: { equals: ids.parking_owner } } })).docs[0]
    const start = new Date(Date.now() + 30 * 86_400_000)
    return p.create({
      collection: 'availability-blocks',
      overrideAccess: true,
      data: {
        spot: spot.id,
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 3_600_000).toISOString(),
        type: 'blocked',
        slotsAffected: 1,
        reason: 'maintenance',
        createdBy: ids.parking_owner,
      } as never,
    })
  },
}

function expectOk(res: { status: number; body: unknown }) {
  if (res.status >= 300) throw new Error(`fixture request failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res
}

async function pngFile(name: string) {
  const data = await pngBuffer(8, 8)
  return { data, mimetype: 'image/png', name: `${Date.now()}-${name}`, size: data.length }
}

async function sellersPart(p: Payload, ids: Record<Who, number>): Promise<number> {
  const part = await p.create({
    collection: 'parts',
    overrideAccess: true,
    data: {
      title: `Audit part ${Math.random().toString(36).slice(2, 7)}`,
      sku: `AUDIT-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
      price: 10,
      stockQuantity: 10,
      manageStock: true,
      status: 'active',
      condition: 'new',
      seller: ids.seller,
    } as never,
  })
  return part.id as number
}

beforeAll(async () => {
  payload = await demoPayload()
  // every collection, Payload's own too (edit locks, preferences, jobs, key-value store, migrations)
  slugs = payload.config.collections.map((c) => c.slug)

  const ids = {} as Record<Who, number>
  for (const who of ROLES_UNDER_TEST) {
    if (who === 'anonymous') {
      callers[who] = { user: null }
      continue
    }
    if (who === 'buyer2') {
      const u = await createUser({ roles: ['buyer'] })
      callers[who] = { token: u.token, user: { id: u.id, roles: ['buyer'] } }
      ids[who] = u.id
      continue
    }
    const account = demo(who as Role)
    const token = await login(account.email, account.password)
    const found = await payload.find({ collection: 'users', where: { email: { equals: account.email } }, overrideAccess: true, depth: 0, limit: 1 })
    const id = found.docs[0].id as number
    callers[who] = { token, user: { id, roles: account.roles } }
    ids[who] = id
  }
  for (const slug of slugs) {
    const { totalDocs } = await payload.count({ collection: slug as never, overrideAccess: true })
    if (!totalDocs && FIXTURES[slug]) await FIXTURES[slug](payload, ids)
  }
}, 300_000)

// ------------------------------------------------------------------ GraphQL schema

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type GqlField = { name: string; args: { type: TypeRef }[]; type: TypeRef }
type GqlType = { name: string; kind: string; fields: GqlField[] | null }
let gqlTypes: Map<string, GqlType>

const INTROSPECTION = `{ __schema { types { name kind fields { name args { type { kind } } type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`

async function schemaTypes(): Promise<Map<string, GqlType>> {
  if (gqlTypes) return gqlTypes
  const res = await gql<{ __schema: { types: GqlType[] } }>(INTROSPECTION, undefined, { token: callers.admin.token })
  expect(res.body.errors).toBeUndefined()
  gqlTypes = new Map(res.body.data!.__schema.types.map((t) => [t.name, t]))
  return gqlTypes
}

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t)

/** The collection's GraphQL query names, as Payload derives them (src/http/graphql-select.ts). */
function graphqlNames(slug: string): { single: string; plural: string } | null {
  const names = queryNames(configOf(slug))
  return names && { single: names[0], plural: names[1] }
}

/** A selection of every field of `typeName`; other collections' documents and unions by id/__typename only. */
function selection(typeName: string, collectionTypes: Set<string>, depth = 0): string {
  const t = gqlTypes.get(typeName)
  if (!t?.fields) return ''
  const parts: string[] = []
  for (const f of t.fields) {
    if (f.args.some((a) => a.type.kind === 'NON_NULL')) continue
    const n = named(f.type)
    const inner = n.name ? gqlTypes.get(n.name) : undefined
    if (n.kind === 'SCALAR' || n.kind === 'ENUM') parts.push(f.name)
    else if (n.kind === 'UNION') parts.push(`${f.name} { __typename }`)
    else if (n.kind === 'OBJECT' && inner) {
      if (collectionTypes.has(inner.name)) parts.push(`${f.name} { id }`)
      else if (depth < 4) {
        const sub = selection(inner.name, collectionTypes, depth + 1)
        if (sub) parts.push(`${f.name} { ${sub} }`)
      }
    }
  }
  return parts.join(' ')
}

// ------------------------------------------------------------------ tests

describe('surface audit', () => {
  it('every collection has at least one document (add seed data or a FIXTURES entry for a new collection)', async () => {
    const empty: string[] = []
    for (const slug of slugs) if (!(await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs) empty.push(slug)
    expect(empty).toEqual([])
  })

  it('no role reads a private field it is not declared to read (REST and GraphQL, lists and single reads)', async () => {
    await schemaTypes()
    const collectionTypes = new Set(slugs.map((s) => graphqlNames(s)?.single).filter(Boolean) as string[])
    const leaks: string[] = []
    const serverErrors: string[] = []
    let checkedDocs = 0
    let privateValuesSeen = 0

    for (const slug of slugs) {
      const config = configOf(slug)
      const walked = walk(config.fields)
      const declared: Declared[] = walked.filter((w) => privacyOf(w.field)).map((w) => ({ path: w.path, decl: privacyOf(w.field)! }))
      const hidden = walked.filter((w) => (w.field as { hidden?: boolean }).hidden).map((w) => w.path)
      const fullDocs = new Map<string, Record<string, unknown>>()
      const full = async (id: unknown) => {
        const key = String(id)
        if (!fullDocs.has(key)) fullDocs.set(key, (await payload.findByID({ collection: slug as never, id: id as never, overrideAccess: true, depth: 0 })) as never)
        return fullDocs.get(key)!
      }
      const audit = async (surface: string, who: Who, doc: Record<string, unknown>, list: boolean) => {
        if (!doc || doc.id == null) return
        checkedDocs++
        const stored = await full(doc.id)
        for (const { path, decl } of declared) {
          const present = valuesAt(doc, path).some(carries)
          if (!present) continue
          privateValuesSeen++
          const allowed = (!list || decl.lists !== false) && mayRead(decl, callers[who].user, stored)
          if (!allowed) leaks.push(`${surface} ${slug}#${doc.id} ${pathText(path)} → ${who}`)
        }
        for (const path of hidden) if (valuesAt(doc, path).some(carries)) leaks.push(`${surface} ${slug}#${doc.id} hidden ${pathText(path)} → ${who}`)
      }

      // Sample ids: what the admin sees first and last, plus what each role sees.
      const adminList = await get(`/${slug}?depth=0&limit=5&sort=-id`, { token: callers.admin.token })
      const sample = new Set<string>((adminList.body?.docs ?? []).map((d: { id: unknown }) => String(d.id)))
      const names = graphqlNames(slug)

      for (const who of ROLES_UNDER_TEST) {
        const { token } = callers[who]
        const list = await get(`/${slug}?depth=0&limit=20`, { token })
        if (list.status >= 500) serverErrors.push(`REST list ${slug} → ${who}: ${list.status}`)
        const listed: Record<string, unknown>[] = list.status === 200 ? list.body.docs : []
        for (const d of listed) await audit('REST list', who, d, true)
        const ids = new Set([...sample, ...listed.slice(0, 3).map((d) => String(d.id))])
        for (const id of ids) {
          const one = await get(`/${slug}/${id}?depth=0`, { token })
          if (one.status >= 500) serverErrors.push(`REST read ${slug}/${id} → ${who}: ${one.status}`)
          if (one.status === 200) await audit('REST read', who, one.body, false)
        }
        if (!names) continue
        const sel = selection(names.single, collectionTypes)
        const g = await gql(`query { list: ${names.plural}(limit: 20) { docs { ${sel} } } }`, undefined, { token })
        for (const e of g.body.errors ?? []) {
          const status = Number(e.extensions?.statusCode ?? 500)
          if (status >= 500) serverErrors.push(`GraphQL ${names.plural} → ${who}: ${e.message}`)
        }
        for (const d of (g.body.data as { list?: { docs?: Record<string, unknown>[] } } | undefined)?.list?.docs ?? []) await audit('GraphQL list', who, d, true)
        for (const id of ids) {
          const q = await gql(`query { one: ${names.single}(id: ${JSON.stringify(Number.isNaN(Number(id)) ? id : Number(id))}) { ${sel} } }`, undefined, { token })
          for (const e of q.body.errors ?? []) {
            const status = Number(e.extensions?.statusCode ?? 500)
            if (status >= 500) serverErrors.push(`GraphQL ${names.single}(${id}) → ${who}: ${e.message}`)
          }
          const doc = (q.body.data as { one?: Record<string, unknown> } | undefined)?.one
          if (doc) await audit('GraphQL read', who, doc, false)
        }
      }
    }
    expect(serverErrors).toEqual([])
    expect(leaks).toEqual([])
    // The audit looked at real data, and at private values that some role (owner, admin) may read.
    expect(checkedDocs).toBeGreaterThan(slugs.length)
    expect(privateValuesSeen).toBeGreaterThan(0)
  }, 600_000)

  it('GraphQL reads answer the same by default (selecting when safe) as with select: false, for every collection and role', async () => {
    // src/http/graphql-select.ts: a default select that dropped what a privacy rule or a read hook decides with
    // would show here as an answer that differs from the full read.
    await schemaTypes()
    const collectionTypes = new Set(slugs.map((s) => graphqlNames(s)?.single).filter(Boolean) as string[])
    const differences: string[] = []
    let compared = 0
    for (const slug of slugs) {
      const names = graphqlNames(slug)
      if (!names) continue
      const adminList = await get(`/${slug}?depth=0&limit=3&sort=-id`, { token: callers.admin.token })
      const ids: string[] = (adminList.body?.docs ?? []).map((d: { id: unknown }) => String(d.id))
      const sel = selection(names.single, collectionTypes)
      const idArg = (id: string) => JSON.stringify(Number.isNaN(Number(id)) ? id : Number(id))
      const pairs = [
        [`query { r: ${names.plural}(limit: 5) { docs { ${sel} } } }`, `query { r: ${names.plural}(limit: 5, select: false) { docs { ${sel} } } }`],
        ...ids.map((id) => [`query { r: ${names.single}(id: ${idArg(id)}) { ${sel} } }`, `query { r: ${names.single}(id: ${idArg(id)}, select: false) { ${sel} } }`]),
      ]
      for (const who of ['anonymous', 'buyer', 'seller', 'admin'] as const) {
        const { token } = callers[who]
        for (const [byDefault, everything] of pairs) {
          const [a, b] = [await gql(byDefault, undefined, { token }), await gql(everything, undefined, { token })]
          compared++
          if (JSON.stringify(a.body) !== JSON.stringify(b.body)) differences.push(`${byDefault.slice(0, 70)}… → ${who}`)
        }
      }
    }
    expect(differences).toEqual([])
    expect(compared).toBeGreaterThan(slugs.length)
  }, 600_000)

  it('an owner reads their private fields on a narrowed read as on a whole one (select without the owner field), REST and GraphQL', async () => {
    // src/access/privacy.ts readWithStoredOwner: the owner rule is decided on the stored owner when the document
    // was read without it. Every owner-declared field of every collection, on a stored document that carries it.
    await schemaTypes()
    const missing: string[] = []
    let checked = 0
    const tokens = new Map<string, string>()
    const tokenOf = async (userId: unknown) => {
      const key = String(userId)
      if (!tokens.has(key)) tokens.set(key, await sessionFor(key))
      return tokens.get(key)!
    }
    const selectQuery = (path: Seg[]) => path.map((seg) => `[${seg.name}]`).join('')
    for (const slug of slugs) {
      const owned = walk(configOf(slug).fields).flatMap((w) => {
        const decl = privacyOf(w.field)
        return decl && ownerFieldsOf(decl).length ? [{ path: w.path, decl, owners: ownerFieldsOf(decl) }] : []
      })
      if (!owned.length) continue
      const stored = (await payload.find({ collection: slug as never, overrideAccess: true, depth: 0, limit: 200, sort: '-id' })).docs as Record<string, unknown>[]
      const names = graphqlNames(slug)
      const leaf = (path: Seg[]) => {
        const type = names && path.length === 1 ? gqlTypes.get(names.single)?.fields?.find((f) => f.name === path[0].name) : undefined
        return type && ['SCALAR', 'ENUM'].includes(named(type.type).kind)
      }
      for (const { path, decl, owners } of owned) {
        const doc = stored.find((d) => valuesAt(d, path).some(carries) && owners.some((o) => d[o] != null))
        if (!doc) continue
        const ownerId = owners.map((o) => doc[o]).find((v) => v != null)
        const token = await tokenOf(Array.isArray(ownerId) ? ownerId[0] : ownerId)
        const whole = await get(`/${slug}/${doc.id}?depth=0`, { token })
        if (whole.status !== 200 || !valuesAt(whole.body, path).some(carries)) continue // the owner does not read it whole either
        const expected = JSON.stringify(valuesAt(whole.body, path))
        checked++
        const one = await get(`/${slug}/${doc.id}?depth=0&select${selectQuery(path)}=true`, { token })
        if (JSON.stringify(valuesAt(one.body, path)) !== expected) missing.push(`REST read ${slug}#${doc.id} ${pathText(path)}: ${JSON.stringify(one.body)}`)
        if (decl.lists !== false) {
          const list = await get(`/${slug}?depth=0&where[id][equals]=${doc.id}&select${selectQuery(path)}=true`, { token })
          if (JSON.stringify(valuesAt(list.body?.docs?.[0], path)) !== expected) missing.push(`REST list ${slug}#${doc.id} ${pathText(path)}: ${JSON.stringify(list.body)}`)
        }
        if (names && leaf(path)) {
          const id = JSON.stringify(typeof doc.id === 'number' ? doc.id : String(doc.id))
          const q = await gql(`query { one: ${names.single}(id: ${id}, select: true) { ${path[0].name} } }`, undefined, { token })
          const value = (q.body.data as { one?: Record<string, unknown> } | undefined)?.one?.[path[0].name]
          if (JSON.stringify([value]) !== expected) missing.push(`GraphQL read (select: true) ${slug}#${doc.id} ${pathText(path)}: ${JSON.stringify(q.body)}`)
        }
        // Nobody else gains it: another buyer (no reader of it) reads the narrowed document without the field.
        const other = await get(`/${slug}/${doc.id}?depth=0&select${selectQuery(path)}=true`, { token: callers.buyer2.token })
        if (other.status === 200 && !mayRead(decl, callers.buyer2.user, doc) && valuesAt(other.body, path).some(carries)) missing.push(`leak: ${slug}#${doc.id} ${pathText(path)} → buyer2`)
      }
    }
    expect(missing).toEqual([])
    // Cars (seller), bookings (customer, spot owner), login events (user)… each on real data.
    expect(checked).toBeGreaterThan(5)
  }, 300_000)

  it('every field with read access control (own or inherited) is nullable in the GraphQL schema', async () => {
    await schemaTypes()
    const nonNull: string[] = []
    let checked = 0
    for (const slug of slugs) {
      const names = graphqlNames(slug)
      if (!names) continue
      const config = configOf(slug)
      const check = (fields: readonly Field[], typeName: string | null, prefix: string, inheritedRead: boolean) => {
        const type = typeName ? gqlTypes.get(typeName) : undefined
        for (const f of fields) {
          if (f.type === 'row' || f.type === 'collapsible' || (f.type === 'group' && !('name' in f && f.name))) {
            check((f as { fields: Field[] }).fields, typeName, prefix, inheritedRead)
            continue
          }
          if (f.type === 'tabs') {
            for (const tab of f.tabs) {
              if ('name' in tab && tab.name) {
                const gf = type?.fields?.find((x) => x.name === tab.name)
                check(tab.fields, gf ? named(gf.type).name : null, `${prefix}${tab.name}.`, inheritedRead)
              } else check(tab.fields, typeName, prefix, inheritedRead)
            }
            continue
          }
          if (!('name' in f) || typeof f.name !== 'string') continue
          const gf = type?.fields?.find((x) => x.name === f.name)
          const hasRead = Boolean((f as { access?: { read?: unknown } }).access?.read)
          if (gf && (hasRead || inheritedRead)) {
            checked++
            if (gf.type.kind === 'NON_NULL') nonNull.push(`${slug}.${prefix}${f.name}`)
          }
          if (gf && (f.type === 'group' || f.type === 'array')) check(f.fields, named(gf.type).name, `${prefix}${f.name}.`, inheritedRead || hasRead)
        }
      }
      check(config.fields, names.single, '', false)
    }
    expect(checked).toBeGreaterThan(10)
    expect(nonNull).toEqual([])
  })

  it('every field that looks secret or personal is declared private (or public by design), and every read rule goes through the helper', async () => {
    const undeclared: string[] = []
    const adHocReadRules: string[] = []
    const staleExceptions = new Set(Object.keys(PUBLIC_BY_DESIGN))
    for (const slug of slugs) {
      for (const w of walk(configOf(slug).fields)) {
        const key = `${slug}.${pathText(w.path)}`
        staleExceptions.delete(key)
        const isHidden = Boolean((w.field as { hidden?: boolean }).hidden)
        if (w.readRule === 'own' && !privacyOf(w.field) && !isHidden) adHocReadRules.push(key)
        if (!looksSensitive(w.field.name) || w.inherited || isHidden) continue
        if (PUBLIC_BY_DESIGN[key]) continue
        undeclared.push(key)
      }
    }
    expect(undeclared, 'declare these with privateField(...) or add them to PUBLIC_BY_DESIGN with a reason').toEqual([])
    expect(adHocReadRules, 'field read rules must be declared with privateField(...)').toEqual([])
    // Every exception names a field that exists (no stale allow-list entries).
    expect([...staleExceptions]).toEqual([])
  })
})
