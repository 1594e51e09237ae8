/**
 * Transitions own their effects (issue 16, item 3): a plain status edit — REST `PATCH`, the admin panel's save —
 * that would fire a transition declared action-only (`via` / `actionsOnly` in its machine) is refused with 409
 * naming the action, and nothing changes; the action produces the effects. Driven by the machine tables: every
 * machine defined in the code is found here, and a machine with action-only transitions but no fixture fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessUser } from '../../../src/access/roles'
import { domainsOf } from '../../../src/plugins/domain'
import { actionOnlyVia, decide, type StateMachine } from '../../../src/workflows/engine'
import { api, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, count, createPart, setPlatform, stockOf } from '../commerce/fixtures'
import { createCar } from '../negotiation/fixtures'
import { bookingBody, cairoTime, makeService } from '../services/fixtures'

type AnyMachine = StateMachine<string, any>
type Doc = Record<string, any>

const ROOT = join(__dirname, '../../..')
const SECRET = 'whsec_test_autohub'
const WORKFLOW = { workflowTransition: true }

let payload: Payload
let stripe: StripeStandin
let admin: TestUser
let editor: TestUser
let seller: TestUser

// ---------------------------------------------------------------- every machine in the code

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

async function allMachines(): Promise<AnyMachine[]> {
  const files = ['src', 'collections', 'endpoints', 'hooks']
    .flatMap((d) => sourceFiles(join(ROOT, d)))
    .filter((f) => !f.endsWith('workflows/engine.ts') && /defineMachine\s*[<(]/.test(readFileSync(f, 'utf8')))
  const found = new Map<string, AnyMachine>()
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>
    const here = Object.values(mod).filter(
      (v): v is AnyMachine => !!v && typeof v === 'object' && Array.isArray((v as AnyMachine).transitions) && Array.isArray((v as AnyMachine).states) && typeof (v as AnyMachine).field === 'string',
    )
    if (!here.length) throw new Error(`${relative(ROOT, file)} defines a machine but exports none`)
    for (const m of here) found.set(m.name, m)
  }
  return [...found.values()]
}

// ---------------------------------------------------------------- one document per machine, in a given state

interface Made {
  id: number
  /** Users who are a relation-party of the document (customer, driver, buyer…), by party name. */
  parties: Record<string, TestUser>
}

interface Fixture {
  collection: string
  make: (status: string) => Promise<Made>
}

const force = async (collection: string, id: number, status: string) => {
  await payload.update({ collection: collection as never, id, overrideAccess: true, depth: 0, data: { status } as never, context: WORKFLOW })
}

const HOUR = 3_600_000
let slot = 0
/** Distinct future windows (each booking on its own spot anyway). */
const window = () => {
  const base = Math.ceil((Date.now() + 3 * 86_400_000) / HOUR) * HOUR + slot++ * 2 * HOUR
  return { start: new Date(base).toISOString(), end: new Date(base + HOUR).toISOString() }
}

async function codOrder(): Promise<{ id: number; buyer: TestUser; part: number }> {
  const buyer = await createUser({ roles: ['buyer'] })
  const part = await createPart(seller.id, { price: 20, stockQuantity: 5 })
  await addToCart(buyer.token, part.id, 2)
  const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token: buyer.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.order.id, buyer, part: part.id }
}

async function parkingBooking(): Promise<{ id: number; driver: TestUser; owner: TestUser }> {
  const [owner, driver] = await Promise.all([createUser({ roles: ['parking_owner'] }), createUser({ roles: ['buyer'] })])
  const spot = await post('/parking-spots', { name: 'Effects spot', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 2, price: 5, priceType: 'hour' }, { token: owner.token })
  expect(spot.status, JSON.stringify(spot.body)).toBe(201)
  const vehicle = await post('/vehicles', { licensePlate: `efx ${slot}${Date.now() % 10000}`, make: 'Toyota', model: 'Corolla' }, { token: driver.token })
  expect(vehicle.status, JSON.stringify(vehicle.body)).toBe(201)
  const w = window()
  const res = await post('/parking-bookings', { spot: spot.body.doc.id, vehicle: vehicle.body.doc.id, startTime: w.start, endTime: w.end }, { token: driver.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.id, driver, owner }
}

let serviceId = 0
async function serviceBooking(): Promise<{ id: number; customer: TestUser }> {
  const customer = await createUser({ roles: ['buyer'] })
  const res = await post('/service-bookings', bookingBody(serviceId, cairoTime(5, 11)), { token: customer.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.doc.id, customer }
}

const FIXTURES: Record<string, Fixture> = {
  order: {
    collection: 'orders',
    make: async (status) => {
      const o = await codOrder()
      if (status !== 'pending') await force('orders', o.id, status)
      return { id: o.id, parties: { customer: o.buyer, order_seller: seller } }
    },
  },
  'parking booking': {
    collection: 'parking-bookings',
    make: async (status) => {
      const b = await parkingBooking()
      if (status !== 'pending') await force('parking-bookings', b.id, status)
      return { id: b.id, parties: { driver: b.driver, spot_owner: b.owner } }
    },
  },
  'service booking': {
    collection: 'service-bookings',
    make: async (status) => {
      const b = await serviceBooking()
      if (status !== 'pending_approval') await force('service-bookings', b.id, status)
      return { id: b.id, parties: { owner: b.customer } }
    },
  },
  negotiation: {
    collection: 'negotiations',
    make: async (status) => {
      const [carSeller, buyer] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] })])
      const car = await createCar({ seller: carSeller.id, price: 20000 })
      const res = await post('/negotiations', { car: car.id, amount: 15000 }, { token: buyer.token })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      if (status !== 'open') await force('negotiations', res.body.doc.id, status)
      return { id: res.body.doc.id, parties: { buyer, seller: carSeller } }
    },
  },
  listing: {
    collection: 'cars',
    make: async (status) => {
      const owner = await createUser({ roles: ['seller'] })
      const car = await createCar({ seller: owner.id, status })
      return { id: car.id, parties: { owner } }
    },
  },
}

/** Machines whose every transition may be fired by a status edit (their effects run in collection hooks on any status change). */
const PATCHABLE = new Set(['review', 'thread', 'expert verification'])

const read = async (collection: string, id: number) => (await payload.findByID({ collection: collection as never, id, depth: 0, overrideAccess: true })) as Doc
const notificationsOf = (user: number) => count('notifications', { user: { equals: user } })

function deliver(event: Record<string, unknown>) {
  const raw = JSON.stringify(event)
  return api('POST', '/stripe/webhooks', { raw, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(raw, SECRET) } })
}

let machines: AnyMachine[] = []

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_autohub'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  payload = await testPayload()
  ;[admin, editor, seller] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['editor'] }), createUser({ roles: ['seller'] })])
  await setPlatform({ taxRatePercent: 0, flatShipping: 10, freeShippingThreshold: 200, unpaidOrderTtlMinutes: 30 })
  serviceId = (await makeService({ basePrice: 300 })).id
  machines = await allMachines()
}, 120_000)

afterAll(async () => {
  await stripe?.close()
})

// ---------------------------------------------------------------- table-driven refusals

describe('every action-only transition of every machine: a status PATCH is refused and nothing changes', () => {
  it('every machine in the code is covered (a fixture here, or declared patchable)', () => {
    const names = machines.map((m) => m.name).sort()
    expect(names).toEqual(expect.arrayContaining(['order', 'parking booking', 'service booking', 'negotiation', 'listing']))
    for (const m of machines) {
      const actionOnly = m.transitions.filter((t) => actionOnlyVia(m, t))
      if (actionOnly.length) expect(FIXTURES[m.name], `machine "${m.name}" has action-only transitions: add a fixture`).toBeDefined()
      else expect(PATCHABLE.has(m.name) || FIXTURES[m.name] !== undefined, `machine "${m.name}": declare its effects (via) or list it as patchable`).toBe(true)
    }
    // The machines whose transitions carry effects are declared so.
    for (const name of ['order', 'parking booking', 'negotiation']) {
      const m = machines.find((x) => x.name === name)!
      expect(
        m.transitions.every((t) => actionOnlyVia(m, t)),
        name,
      ).toBe(true)
    }
  })

  it('every machine in the code is registered by a domain plugin (docs tables and this test read the registry)', () => {
    const registered = domainsOf(payload.config).flatMap((d) => d.machines.map((m) => m.name))
    expect([...registered].sort()).toEqual(machines.map((m) => m.name).sort())
    expect(new Set(registered).size).toBe(registered.length)
  })

  it('admins, editors and the parties who may fire it get 4xx (409 naming the action when they may fire it), and the document is unchanged', async () => {
    const asAccess = (u: TestUser): AccessUser => ({ id: u.id, roles: u.roles }) as AccessUser
    let strictChecks = 0
    for (const m of machines) {
      const fixture = FIXTURES[m.name]
      if (!fixture) continue
      for (const t of m.transitions.filter((x) => actionOnlyVia(m, x))) {
        for (const from of t.from) {
          if (from === t.to) continue // counter (open → open) is not a status edit
          const made = await fixture.make(from)
          const before = await read(fixture.collection, made.id)
          expect(before[m.field], `${m.name} fixture in ${from}`).toBe(from)
          const actors = [admin, editor, ...t.by.map((p) => made.parties[p]).filter(Boolean)]
          for (const actor of actors) {
            const plain = decide(m, before, { to: t.to }, asAccess(actor), { plainEdit: true })
            // Another transition to the same state that a status edit may fire (e.g. an admin withdrawing a listing) covers this actor.
            if (plain.ok) continue
            const notesBefore = await notificationsOf(actor.id)
            const res = await patch(`/${fixture.collection}/${made.id}`, { [m.field]: t.to }, { token: actor.token })
            const label = `${m.name} ${t.action} ${from}→${t.to} by ${actor.roles.join(',')} (${actor.id})`
            expect([403, 409], `${label}: ${JSON.stringify(res.body)}`).toContain(res.status)
            const full = decide(m, before, { to: t.to }, asAccess(actor))
            if (actor.roles.includes('admin') && full.ok) {
              // Allowed before this change (the table permits it): now refused, naming the action.
              strictChecks++
              expect(res.status, label).toBe(409)
              const via = actionOnlyVia(m, full.transition)!
              expect(res.body.errors[0].message, label).toContain(`use ${via}`)
              expect(res.body.errors[0].data, label).toMatchObject({ via, from, to: t.to })
            }
            expect(await read(fixture.collection, made.id), label).toEqual(before)
            expect(await notificationsOf(actor.id), label).toBe(notesBefore)
          }
        }
      }
    }
    expect(strictChecks).toBeGreaterThanOrEqual(10)
  }, 600_000)
})

// ---------------------------------------------------------------- the effects: action vs refused PATCH

describe('the action produces the effects; the refused PATCH produced none', () => {
  it('order cancel: the PATCH leaves stock and payment alone; POST /:id/cancel returns the stock and refunds', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 40, stockQuantity: 5 })
    await addToCart(buyer.token, part.id, 2)
    const placed = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'card' }, { token: buyer.token })
    expect(placed.status).toBe(201)
    const { order, payment } = placed.body
    expect((await deliver(stripe.succeed(payment.intentId))).status).toBe(200)
    const paid = await read('orders', order.id)
    expect(paid).toMatchObject({ status: 'paid', paymentStatus: 'paid' })
    expect(await stockOf(part.id)).toBe(3)
    const ledger = await read('payments', payment.id)
    const refundsBefore = stripe.refunds.length
    const notes = await notificationsOf(buyer.id)

    const refused = await patch(`/orders/${order.id}`, { status: 'cancelled' }, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe('Cancelling an order returns its stock and refunds the payment: use POST /api/orders/:id/cancel.')
    expect(refused.body.errors[0].data).toMatchObject({ action: 'cancel', via: 'POST /api/orders/:id/cancel' })
    expect(await read('orders', order.id)).toEqual(paid)
    expect(await stockOf(part.id)).toBe(3)
    expect(await read('payments', payment.id)).toEqual(ledger)
    expect(stripe.refunds.length).toBe(refundsBefore)
    expect(await notificationsOf(buyer.id)).toBe(notes)

    const cancelled = await post(`/orders/${order.id}/cancel`, { reason: 'out of stock at the warehouse' }, { token: admin.token })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.refunded).toBe(90)
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', stockReturned: true, paymentStatus: 'refunded' })
    expect(await stockOf(part.id)).toBe(5)
    expect(await read('payments', payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 90 })
    expect(stripe.refunds.length).toBe(refundsBefore + 1)
    expect(await notificationsOf(buyer.id)).toBeGreaterThan(notes)
  })

  it('parking booking cancel: the PATCH computes no refund; POST /:id/cancel sets refundAmount and notifies the spot owner', async () => {
    const b = await parkingBooking()
    const before = await read('parking-bookings', b.id)
    expect(before.refundAmount ?? 0).toBe(0)
    expect(before.cancelledAt ?? null).toBeNull()
    const ownerNotes = await notificationsOf(b.owner.id)

    const refused = await patch(`/parking-bookings/${b.id}`, { status: 'cancelled' }, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain('use POST /api/parking-bookings/:id/cancel')
    expect(await read('parking-bookings', b.id)).toEqual(before)
    expect(await notificationsOf(b.owner.id)).toBe(ownerNotes)

    const res = await post(`/parking-bookings/${b.id}/cancel`, { reason: 'Plans changed' }, { token: b.driver.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', cancellationReason: 'driver_cancelled', cancellationNote: 'Plans changed' })
    expect(res.body.refundAmount).toBeGreaterThan(0)
    expect(res.body.cancelledAt).toBeTruthy()
    expect(await notificationsOf(b.owner.id)).toBe(ownerNotes + 1)
  })

  it('service booking reject: the PATCH appends no history and notifies nobody; POST /:id/reject does both', async () => {
    const b = await serviceBooking()
    const before = await read('service-bookings', b.id)
    expect(before.tracking.statusHistory).toHaveLength(1)
    const notes = await notificationsOf(b.customer.id)

    const refused = await patch(`/service-bookings/${b.id}`, { status: 'rejected' }, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain('use POST /api/service-bookings/:id/reject')
    expect(await read('service-bookings', b.id)).toEqual(before)
    expect(await notificationsOf(b.customer.id)).toBe(notes)

    const res = await post(`/service-bookings/${b.id}/reject`, { reason: 'Area not covered' }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const after = await read('service-bookings', b.id)
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: 'Area not covered' })
    expect(after.tracking.statusHistory).toHaveLength(2)
    expect(after.tracking.statusHistory[1]).toMatchObject({ status: 'rejected', actorType: 'admin', note: 'Area not covered' })
    expect(await notificationsOf(b.customer.id)).toBe(notes + 1)
  })
})

// ---------------------------------------------------------------- patchable: same state, same effects

describe('a patchable transition: PATCH and the action end in the same state with the same effects', () => {
  it('service booking approve (history, notification and event run in the collection hooks)', async () => {
    const [viaPatch, viaAction] = [await serviceBooking(), await serviceBooking()]
    const notes = [await notificationsOf(viaPatch.customer.id), await notificationsOf(viaAction.customer.id)]

    const patched = await patch(`/service-bookings/${viaPatch.id}`, { status: 'approved' }, { token: admin.token })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const acted = await post(`/service-bookings/${viaAction.id}/approve`, {}, { token: admin.token })
    expect(acted.status, JSON.stringify(acted.body)).toBe(200)

    const [a, b] = [await read('service-bookings', viaPatch.id), await read('service-bookings', viaAction.id)]
    const effects = (d: Doc) => ({
      status: d.status,
      pricing: { basePrice: d.pricing.basePrice, discount: d.pricing.discount, total: d.pricing.total },
      // the first entry is each booking's own customer; the transition's entry is the admin's
      history: d.tracking.statusHistory.map((h: Doc, i: number) => ({ status: h.status, actorType: h.actorType, ...(i ? { actor: h.actor } : {}) })),
    })
    expect(effects(a)).toEqual(effects(b))
    expect(effects(a)).toMatchObject({ status: 'approved', history: [{ status: 'pending_approval' }, { status: 'approved', actor: admin.id, actorType: 'admin' }] })
    expect(await notificationsOf(viaPatch.customer.id)).toBe(notes[0] + 1)
    expect(await notificationsOf(viaAction.customer.id)).toBe(notes[1] + 1)
  })
})
