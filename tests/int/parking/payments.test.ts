/**
 * Parking bookings paid online through the Stripe stand-in: card booking → paid by the signed webhook (replays and
 * out-of-order events applied once), unpaid past the hold → released and the slot bookable again, cancellation
 * refunds of exactly the policy's amounts through Stripe, a payment arriving after a cancellation refunded in
 * full, admin refunds, and a webhook racing a cancellation.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseUnpaidBookings } from '../../../endpoints/parking/jobs'
import { api, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { count } from '../commerce/fixtures'

const SECRET = 'whsec_test_parking'
const HOUR = 3_600_000
let stripe: StripeStandin
let payload: Payload
let owner: TestUser
let driver: TestUser
let admin: TestUser
let vehicle: number

/** A whole hour `days` ahead (+ `hours`): outside the 24 h free-cancellation window when days ≥ 2. */
const at = (days: number, hours = 0) => new Date(Math.ceil((Date.now() + days * 86_400_000) / HOUR) * HOUR + hours * HOUR).toISOString()

function deliver(event: Record<string, unknown>) {
  const raw = JSON.stringify(event)
  return api('POST', '/stripe/webhooks', { raw, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(raw, SECRET) } })
}

async function makeSpot(data: Record<string, unknown> = {}): Promise<number> {
  const res = await post('/parking-spots', { name: 'Paid spot', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 1, price: 5, priceType: 'hour', ...data }, { token: owner.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

async function cardBooking(spot: number, start: string, end: string, token = driver.token, v = vehicle) {
  const res = await post('/parking-bookings', { spot, vehicle: v, startTime: start, endTime: end, payment: 'card' }, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as Record<string, any>
}

const booking = async (id: number) => (await payload.findByID({ collection: 'parking-bookings', id, depth: 0, overrideAccess: true })) as Record<string, any>
const ledger = async (id: number) => (await payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true })) as Record<string, any>
/** Cents refunded by the stand-in (the provider's own record) for an intent. */
const refundedCents = (intentId: string) => stripe.refunds.filter((r) => r.payment_intent === intentId).reduce((s, r) => s + r.amount, 0)

async function paidBooking(spot: number, start: string, end: string) {
  const b = await cardBooking(spot, start, end)
  expect((await deliver(stripe.succeed(b.payment.intentId))).body.result).toBe('succeeded')
  expect((await booking(b.id)).paymentStatus).toBe('paid')
  return b
}

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_parking'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  payload = await testPayload()
  ;[owner, driver, admin] = await Promise.all([createUser({ roles: ['parking_owner'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['admin'] })])
  await payload.updateGlobal({
    slug: 'platform-settings',
    data: { cancellationPolicy: { fullRefundHoursBefore: 24, lateRefundPercent: 35 }, paymentHoldMinutes: 20 },
    overrideAccess: true,
  })
  const v = await post('/vehicles', { licensePlate: 'dxb 4455', make: 'Toyota', model: 'Yaris' }, { token: driver.token })
  expect(v.status).toBe(201)
  vehicle = v.body.doc.id
})

afterAll(async () => {
  await stripe?.close()
})

describe('a parking booking paid online', () => {
  it('card booking → unpaid with a hold and a PaymentIntent of the server price; the webhook marks it paid once', async () => {
    const spot = await makeSpot({ price: 4.25 })
    const before = Date.now()
    const b = await cardBooking(spot, at(3), at(3, 3))
    expect(b).toMatchObject({ status: 'pending', paymentStatus: 'unpaid', totalCost: 12.75 })
    const due = new Date(b.paymentDueBy).getTime()
    expect(due).toBeGreaterThanOrEqual(before + 20 * 60_000)
    expect(due).toBeLessThanOrEqual(Date.now() + 20 * 60_000)
    expect(b.payment).toMatchObject({ provider: 'stripe', status: 'requires_payment', amount: 12.75 })
    const intent = stripe.intents.get(b.payment.intentId)!
    expect(intent).toMatchObject({ amount: 1275, metadata: { targetType: 'parking-bookings', targetId: String(b.id) } })
    expect(b.payment.clientSecret).toBe(intent.client_secret)

    const event = stripe.succeed(b.payment.intentId)
    const first = await deliver(event)
    expect(first.body).toMatchObject({ duplicate: false, result: 'succeeded' })
    const paid = await booking(b.id)
    expect(paid).toMatchObject({ status: 'pending', paymentStatus: 'paid', paymentDueBy: null })
    const notes = await count('notifications', { user: { equals: driver.id } })

    // the same event replayed, and an older failure arriving late: nothing changes
    expect((await deliver(event)).body.duplicate).toBe(true)
    const late = await deliver(stripe.fail(b.payment.intentId))
    expect(late.body).toMatchObject({ duplicate: false, result: 'unchanged' })
    expect(await booking(b.id)).toEqual(paid)
    expect((await ledger(b.payment.id)).status).toBe('succeeded')
    expect(await count('notifications', { user: { equals: driver.id } })).toBe(notes)
    // paid once: a second intent is refused
    expect((await post('/payments/intent', { targetType: 'parking-bookings', targetId: b.id }, { token: driver.token })).status).toBe(409)
  })

  it('a spot without payment on site takes card bookings only', async () => {
    const spot = await makeSpot({ payOnSite: false })
    const res = await post('/parking-bookings', { spot, vehicle, startTime: at(4), endTime: at(4, 1) }, { token: driver.token })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'payment' })
    expect(await count('parking-bookings', { spot: { equals: spot } })).toBe(0)
    const card = await cardBooking(spot, at(4), at(4, 1))
    expect(card.paymentStatus).toBe('unpaid')
    expect((await post(`/parking-bookings/${card.id}/cancel`, {}, { token: driver.token })).status).toBe(200)
  })

  it('unpaid past the hold → released by the job, the intent cancelled, the driver told; the slot is bookable again', async () => {
    const spot = await makeSpot()
    const b = await cardBooking(spot, at(5), at(5, 2))
    const other = await createUser({ roles: ['buyer'] })
    const ov = (await post('/vehicles', { licensePlate: 'auh 7788', make: 'Kia', model: 'Rio' }, { token: other.token })).body.doc.id
    const body = { spot, vehicle: ov, startTime: at(5), endTime: at(5, 2) }
    expect((await post('/parking-bookings', body, { token: other.token })).status).toBe(409)

    // before the deadline the job leaves it alone
    expect(await releaseUnpaidBookings(payload, new Date(Date.now() + 5 * 60_000))).toBe(0)
    expect((await booking(b.id)).status).toBe('pending')
    const notes = await count('notifications', { user: { equals: driver.id } })

    const released = await releaseUnpaidBookings(payload, new Date(new Date(b.paymentDueBy).getTime() + 60_000))
    expect(released).toBe(1)
    expect(await booking(b.id)).toMatchObject({ status: 'cancelled', cancellationReason: 'payment_expired', paymentStatus: 'unpaid', refundAmount: 0 })
    expect((await ledger(b.payment.id)).status).toBe('cancelled')
    expect(stripe.intents.get(b.payment.intentId)!.status).toBe('canceled')
    expect(await count('notifications', { user: { equals: driver.id } })).toBe(notes + 1)
    expect((await post('/parking-bookings', body, { token: other.token })).status).toBe(201)
  })

  it('a paid booking is never released by the hold job', async () => {
    const spot = await makeSpot()
    const b = await paidBooking(spot, at(6), at(6, 1))
    await releaseUnpaidBookings(payload, new Date(Date.now() + 2 * HOUR))
    expect(await booking(b.id)).toMatchObject({ status: 'pending', paymentStatus: 'paid' })
  })
})

describe('cancellation refunds through Stripe', () => {
  it('inside the free window: the whole amount back, in the ledger and at Stripe', async () => {
    const spot = await makeSpot({ price: 3.33 })
    const b = await paidBooking(spot, at(3), at(3, 3))
    expect(b.totalCost).toBe(9.99)
    const res = await post(`/parking-bookings/${b.id}/cancel`, {}, { token: driver.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', refundAmount: 9.99, paymentStatus: 'refunded' })
    expect(refundedCents(b.payment.intentId)).toBe(999)
    const entry = await ledger(b.payment.id)
    expect(entry).toMatchObject({ status: 'refunded', refundedAmount: 9.99 })
    expect(entry.refunds).toHaveLength(1)
    expect(entry.refunds[0]).toMatchObject({ amount: 9.99 })
    // Stripe's own charge.refunded for that refund changes nothing more
    const echo = await deliver(stripe.refunded(b.payment.intentId))
    expect(echo.body).toMatchObject({ duplicate: false, result: 'already recorded' })
    expect(await ledger(b.payment.id)).toEqual(entry)
    expect(refundedCents(b.payment.intentId)).toBe(999)
  })

  it('outside the free window: exactly the late percentage, rounded half-up to the cent', async () => {
    const spot = await makeSpot({ price: 3.33 })
    // starts in about 2 hours: inside the 24 h before the start → 35 % of 9.99 = 3.4965 → 3.50
    const b = await paidBooking(spot, at(0, 2), at(0, 5))
    expect(b.totalCost).toBe(9.99)
    const res = await post(`/parking-bookings/${b.id}/cancel`, {}, { token: driver.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', refundAmount: 3.5, paymentStatus: 'partially_refunded' })
    expect(refundedCents(b.payment.intentId)).toBe(350)
    expect(await ledger(b.payment.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 3.5 })
  })

  it('an unpaid card booking cancelled: the intent is cancelled, nothing to refund', async () => {
    const spot = await makeSpot()
    const b = await cardBooking(spot, at(3), at(3, 1))
    const res = await post(`/parking-bookings/${b.id}/cancel`, {}, { token: driver.token })
    expect(res.body).toMatchObject({ status: 'cancelled', refundAmount: 0, paymentStatus: 'unpaid' })
    expect(stripe.intents.get(b.payment.intentId)!.status).toBe('canceled')
    expect((await ledger(b.payment.id)).status).toBe('cancelled')
  })

  it('a payment that arrives after the cancellation is refunded in full automatically', async () => {
    const spot = await makeSpot({ price: 7.5 })
    const b = await cardBooking(spot, at(3), at(3, 2))
    // the customer pays, but the webhook is late; meanwhile the booking is cancelled (the intent can no longer be cancelled)
    const event = stripe.succeed(b.payment.intentId)
    expect((await post(`/parking-bookings/${b.id}/cancel`, {}, { token: driver.token })).status).toBe(200)
    expect((await ledger(b.payment.id)).status).toBe('cancelled')
    expect(refundedCents(b.payment.intentId)).toBe(0)

    const res = await deliver(event)
    expect(res.body).toMatchObject({ duplicate: false, result: 'succeeded' })
    expect(refundedCents(b.payment.intentId)).toBe(1500)
    expect(await ledger(b.payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 15 })
    expect(await booking(b.id)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refundAmount: 15 })
    expect((await deliver(event)).body.duplicate).toBe(true)
    expect(refundedCents(b.payment.intentId)).toBe(1500)
  })
})

describe('admin refund', () => {
  it('part, then the rest; more than is left → 400 and nothing refunded; admins only', async () => {
    const spot = await makeSpot({ price: 6 })
    const b = await paidBooking(spot, at(3), at(3, 2))
    expect((await post(`/payments/${b.payment.id}/refund`, { amount: 1, reason: 'x' }, { token: driver.token })).status).toBe(403)
    const part = await post(`/payments/${b.payment.id}/refund`, { amount: 2.45, reason: 'Barrier broken for an hour' }, { token: admin.token })
    expect(part.status, JSON.stringify(part.body)).toBe(200)
    expect(part.body).toMatchObject({ refunded: 2.45, payment: { status: 'partially_refunded', refundedAmount: 2.45 } })
    expect(refundedCents(b.payment.intentId)).toBe(245)
    expect(await booking(b.id)).toMatchObject({ status: 'pending', paymentStatus: 'partially_refunded', refundAmount: 2.45 })

    const tooMuch = await post(`/payments/${b.payment.id}/refund`, { amount: 9.56, reason: 'x' }, { token: admin.token })
    expect(tooMuch.status).toBe(400)
    expect(refundedCents(b.payment.intentId)).toBe(245)
    expect((await post(`/payments/${b.payment.id}/refund`, { reason: '' }, { token: admin.token })).status).toBe(400)

    const rest = await post(`/payments/${b.payment.id}/refund`, { reason: 'Goodwill' }, { token: admin.token })
    expect(rest.body).toMatchObject({ refunded: 9.55, payment: { status: 'refunded', refundedAmount: 12 } })
    expect(rest.body.payment.refunds.map((r: any) => r.amount)).toEqual([2.45, 9.55])
    expect(refundedCents(b.payment.intentId)).toBe(1200)
    expect(await booking(b.id)).toMatchObject({ paymentStatus: 'refunded', refundAmount: 12 })
    expect((await post(`/payments/${b.payment.id}/refund`, { reason: 'again' }, { token: admin.token })).status).toBe(409)
  })
})

describe('a payment webhook racing a cancellation', () => {
  it('always ends cancelled with every captured cent refunded — never money kept for a released slot', async () => {
    const spot = await makeSpot({ totalSlots: 10, price: 2.5 })
    const rounds = await Promise.all(Array.from({ length: 6 }, (_, i) => cardBooking(spot, at(3, i), at(3, i + 2))))
    const results = await Promise.all(
      rounds.map(async (b) => {
        const event = stripe.succeed(b.payment.intentId) // the customer paid; webhook and cancel now race
        const [hook, cancel] = await Promise.all([deliver(event), post(`/parking-bookings/${b.id}/cancel`, {}, { token: driver.token })])
        return { b, hook, cancel }
      }),
    )
    for (const { b, hook, cancel } of results) {
      expect(hook.status, JSON.stringify(hook.body)).toBe(200)
      expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
      const doc = await booking(b.id)
      const entry = await ledger(b.payment.id)
      expect(doc.status).toBe('cancelled')
      // inside the free window both orders refund everything: at Stripe, in the ledger and on the booking
      expect(refundedCents(b.payment.intentId)).toBe(500)
      expect(entry).toMatchObject({ status: 'refunded', refundedAmount: 5 })
      expect(entry.refunds).toHaveLength(1)
      expect(doc).toMatchObject({ paymentStatus: 'refunded', refundAmount: 5 })
    }
  })
})

describe('payouts view', () => {
  it("the spot owner's earnings and refunds per month match the ledger; drivers may not read payouts", async () => {
    const mine = await payload.find({ collection: 'parking-bookings', where: { spotOwner: { equals: owner.id } }, pagination: false, depth: 0, overrideAccess: true })
    const ids = new Set(mine.docs.map((b) => b.id))
    const entries = (await payload.find({ collection: 'payments', where: { targetType: { equals: 'parking_bookings' } }, pagination: false, depth: 0, overrideAccess: true })).docs.filter(
      (p) => ids.has(p.target.value as number) && ['succeeded', 'partially_refunded', 'refunded'].includes(p.status),
    )
    expect(entries.length).toBeGreaterThan(5)
    const cents = (n: number) => Math.round(n * 100)
    const earned = entries.reduce((s, p) => s + cents(p.amount), 0)
    const refunded = entries.reduce((s, p) => s + cents(p.refundedAmount ?? 0), 0)
    expect(refunded).toBeGreaterThan(0)

    const res = await api('GET', '/payments/payouts?granularity=month', { token: owner.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.payee).toBe(owner.id)
    expect(res.body.totals).toEqual([{ currency: 'USD', payments: entries.length, earned: earned / 100, refunded: refunded / 100, net: (earned - refunded) / 100 }])
    expect(res.body.periods.every((p: any) => p.source === 'parking' && /^\d{4}-\d{2}$/.test(p.period))).toBe(true)

    // an empty window, a bad one, and callers who have no payouts
    const past = await api('GET', '/payments/payouts?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z', { token: owner.token })
    expect(past.body).toMatchObject({ periods: [], totals: [] })
    expect((await api('GET', '/payments/payouts?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', { token: owner.token })).status).toBe(400)
    expect((await api('GET', '/payments/payouts', { token: driver.token })).status).toBe(403)
    expect((await api('GET', `/payments/payouts?payee=${driver.id}`, { token: owner.token })).status).toBe(403)
    const asAdmin = await api('GET', `/payments/payouts?payee=${owner.id}`, { token: admin.token })
    expect(asAdmin.body.totals).toEqual(res.body.totals)
    // the platform view (orders, parking and services) holds at least the owner's parking money
    const platform = await api('GET', '/payments/payouts?granularity=day', { token: admin.token })
    expect(platform.status, JSON.stringify(platform.body)).toBe(200)
    const usd = platform.body.totals.find((t: any) => t.currency === 'USD')
    expect(usd.earned).toBeGreaterThanOrEqual(earned / 100)
    expect(platform.body.periods.every((p: any) => /^\d{4}-\d{2}-\d{2}$/.test(p.period))).toBe(true)
  })
})
