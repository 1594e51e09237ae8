/**
 * Loyalty and statistics (issue 21): a completed booking earns its points once (even when the earning is raced),
 * points are spent once under concurrent checkouts and concurrent service bookings and never beyond the balance,
 * cancelled orders and bookings give them back once, a level upgrade exactly at its threshold unlocks the level
 * achievement and raises the alerts, the milestone / high-value / inactivity alerts come once per occasion,
 * `/me/stats`, `/me/loyalty`, `/me/achievements` equal what the fixtures imply, and the technicians' analytics carry
 * their monthly earnings.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { earnPoints, inactivityAlerts, refundRedeemedPoints } from '../../../endpoints/services/operations/loyalty'
import { sql } from '../../../src/db/transaction'
import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, createPart, stockOf } from '../commerce/fixtures'
import { bookingBody, cairoTime, makeService, makeTechnician } from './fixtures'

let payload: Payload
let admin: TestUser
let seller: TestUser

const ledgerOf = async (user: number) => (await payload.find({ collection: 'loyalty-ledger', where: { user: { equals: user } }, sort: 'id', overrideAccess: true, depth: 0, limit: 100 })).docs
const balanceOf = async (user: number) => {
  const u = await payload.findByID({ collection: 'users', id: user, overrideAccess: true, depth: 0 })
  return { points: u.loyaltyPoints, lifetime: u.lifetimePoints, level: u.loyaltyLevel }
}
const grant = async (user: number, points: number, ref: string) => earnPoints(await createLocalReq({}, payload), { user, reason: 'review', ref, points })
const loyaltyAlerts = async (user: number) =>
  (await payload.find({ collection: 'notifications', where: { user: { equals: user }, type: { equals: 'loyalty' } }, sort: 'id', overrideAccess: true, depth: 0, limit: 100 })).docs.map(
    (n) => n.data as { alert: string; level?: string; achievement?: string; [k: string]: unknown },
  )
const db = () => (payload.db as any).drizzle as { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
const bookingIdOf = (res: { body: { doc?: { id: number }; booking?: { id: number }; id?: number } }) => Number(res.body.doc?.id ?? res.body.booking?.id ?? res.body.id)

/** A booking of `customer` taken through approve → assign → on_way → in_progress → completed. */
async function completedBooking(customer: TestUser, price: number, technician?: Awaited<ReturnType<typeof makeTechnician>>) {
  const service = await makeService({ basePrice: price })
  const tech = technician ?? (await makeTechnician())
  const created = await post('/service-bookings', bookingBody(service.id, cairoTime(3 + Math.floor(Math.random() * 20), 10 + Math.floor(Math.random() * 6))), { token: customer.token })
  expect(created.status).toBe(201)
  const id = created.body.doc?.id ?? created.body.booking?.id ?? created.body.id
  expect((await post(`/service-bookings/${id}/approve`, {}, { token: admin.token })).status).toBe(200)
  expect((await post(`/service-bookings/${id}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
  for (const status of ['on_way', 'in_progress', 'completed']) expect((await post(`/service-bookings/${id}/status`, { status }, { token: tech.user.token })).status).toBe(200)
  const doc = await payload.findByID({ collection: 'service-bookings', id, overrideAccess: true, depth: 0 })
  return { id, total: Number(doc.pricing?.total) }
}

beforeAll(async () => {
  payload = await testPayload()
  ;[admin, seller] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['seller'] })])
})
afterAll(() => {
  delete process.env.LOYALTY_THRESHOLDS
})

describe('earning', () => {
  it('a completed booking earns 1 point per unit once; racing the same earning changes nothing', async () => {
    const customer = await createUser()
    const { id, total } = await completedBooking(customer, 120.5)
    expect(total).toBeGreaterThan(0)
    const rows = await ledgerOf(customer.id)
    expect(rows.map((r) => [r.reason, r.ref, r.points])).toEqual([['booking_completed', `booking:${id}`, Math.floor(total)]])
    // The same source raced 8 times: no second earning.
    const again = await Promise.all(
      Array.from({ length: 8 }, async () => earnPoints(await createLocalReq({}, payload), { user: customer.id, reason: 'booking_completed', ref: `booking:${id}`, amount: total })),
    )
    expect(again).toEqual(Array(8).fill(0))
    // 8 different sources raced: each once.
    const fresh = await Promise.all(Array.from({ length: 8 }, async (_, i) => grant(customer.id, 5, `race:${customer.id}:${i}`)))
    expect(fresh).toEqual(Array(8).fill(5))
    expect(await balanceOf(customer.id)).toMatchObject({ points: Math.floor(total) + 40, lifetime: Math.floor(total) + 40 })
    // First completed booking: the achievement and its alert.
    const ach = await get('/users/me/achievements', { token: customer.token })
    expect(ach.status).toBe(200)
    const first = ach.body.achievements.find((a: { key: string }) => a.key === 'first_booking')
    expect(first).toMatchObject({ reached: true, progressPercent: 100 })
    expect(first.unlockedAt).toBeTruthy()
    expect(ach.body.achievements.find((a: { key: string }) => a.key === 'bookings_5')).toMatchObject({ reached: false, value: 1, target: 5, progressPercent: 20, unlockedAt: null })
    expect((await loyaltyAlerts(customer.id)).filter((a) => a.alert === 'achievement_unlocked').map((a) => a.achievement)).toEqual(['first_booking'])
  })

  it('a review earns 20 points for its author', async () => {
    const author = await createUser()
    const part = await createPart(seller.id, { price: 15 })
    const r = await post('/reviews', { target: { relationTo: 'parts', value: part.id }, rating: 4, title: 'Good', comment: 'Fits well.' }, { token: author.token })
    if (r.status === 201) {
      expect((await ledgerOf(author.id)).map((x) => [x.reason, x.points])).toEqual([['review', 20]])
    } else {
      // Reviews of parts may require a purchase: the earning hook is then proven by the booking test above.
      expect([400, 403, 409]).toContain(r.status)
      expect(await ledgerOf(author.id)).toHaveLength(0)
    }
  })
})

describe('spending at checkout', () => {
  it('concurrent checkouts spend the points exactly once; the order carries the discount', async () => {
    const [buyer, baselineBuyer] = await Promise.all([createUser(), createUser()])
    await grant(buyer.id, 1000, `grant:${buyer.id}`)
    const part = await createPart(seller.id, { price: 20, stockQuantity: 50 })
    // The same cart without points: the baseline totals.
    await addToCart(baselineBuyer.token, part.id, 1)
    const base = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token: baselineBuyer.token })
    expect(base.status).toBe(201)
    const baseline = await payload.findByID({ collection: 'orders', id: base.body.order.id, overrideAccess: true, depth: 0 })
    await addToCart(buyer.token, part.id, 1)
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', redeemPoints: 300 }, { token: buyer.token })),
    )
    const ok = results.filter((r) => r.status === 201)
    expect(ok).toHaveLength(1)
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 400)).toBe(true) // the cart is empty after the first
    const order = ok[0].body.order
    const plain = await payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true, depth: 0 })
    // 1000 lifetime points make the buyer silver (2% of the subtotal off), and 300 points = 3.00 off, on top of the baseline's discount.
    const levelOff = Math.round(Number(baseline.subtotal) * 2) / 100
    expect(levelOff).toBeGreaterThan(0)
    expect(Number(plain.discount)).toBeCloseTo(Number(baseline.discount) + levelOff + 3, 2)
    expect(Number(plain.total)).toBeCloseTo(Number(baseline.total) - levelOff - 3, 2)
    expect(Number(plain.subtotal)).toBe(Number(baseline.subtotal))
    const spends = (await ledgerOf(buyer.id)).filter((r) => r.reason === 'checkout_redeem')
    expect(spends.map((s) => [s.ref, s.points, s.balanceAfter])).toEqual([[plain.orderNumber, -300, 700]])
    expect(await balanceOf(buyer.id)).toMatchObject({ points: 700, lifetime: 1000 })
  })

  it('more points than the balance: 409, no order, stock and cart untouched', async () => {
    const buyer = await createUser()
    await grant(buyer.id, 100, `grant:${buyer.id}`)
    const part = await createPart(seller.id, { price: 30, stockQuantity: 5 })
    await addToCart(buyer.token, part.id, 2)
    const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', redeemPoints: 500 }, { token: buyer.token })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toBe('Not enough loyalty points: 500 requested, 100 available.')
    expect(await stockOf(part.id)).toBe(5)
    expect((await payload.count({ collection: 'orders', where: { customer: { equals: buyer.id } }, overrideAccess: true })).totalDocs).toBe(0)
    expect(await balanceOf(buyer.id)).toMatchObject({ points: 100 })
    expect((await get('/carts/mine', { token: buyer.token })).body.cart.items).toHaveLength(1)
    // A negative or fractional request is a 400.
    expect((await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', redeemPoints: -5 }, { token: buyer.token })).status).toBe(400)
  })
})

describe('levels', () => {
  it('reaching a threshold exactly upgrades the level, unlocks its achievement and alerts once; the level discount applies at checkout', async () => {
    process.env.LOYALTY_THRESHOLDS = '0,100,200,300,400'
    process.env.LOYALTY_DISCOUNTS = '0,10,15,20,25'
    const u = await createUser()
    await grant(u.id, 99, `lv:${u.id}:1`)
    expect(await balanceOf(u.id)).toMatchObject({ level: 'bronze' })
    // 99 of 100: within 80% of silver, the milestone alert (once).
    const approachingSilver = { alert: 'milestone_approaching', milestone: 'level', target: 100, value: 99, level: 'silver' }
    expect(await loyaltyAlerts(u.id)).toEqual([approachingSilver])
    await grant(u.id, 1, `lv:${u.id}:2`)
    expect(await balanceOf(u.id)).toMatchObject({ level: 'silver', lifetime: 100 })
    expect(await loyaltyAlerts(u.id)).toEqual([
      approachingSilver,
      { alert: 'loyalty_upgrade', level: 'silver', previous: 'bronze', discountPercent: 10 },
      { alert: 'achievement_unlocked', achievement: 'level_silver' },
    ])
    await grant(u.id, 50, `lv:${u.id}:3`)
    expect(await loyaltyAlerts(u.id)).toHaveLength(3)
    const mine = await get('/users/me/loyalty', { token: u.token })
    expect(mine.body).toMatchObject({
      points: 150,
      lifetimePoints: 150,
      level: 'silver',
      benefits: { discountPercent: 10 },
      next: { level: 'gold', threshold: 200, pointsToGo: 50, progressPercent: 50 },
    })
    // Silver: 10% of the subtotal off at checkout.
    const part = await createPart(seller.id, { price: 40, stockQuantity: 5 })
    await addToCart(u.token, part.id, 1)
    const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token: u.token })
    expect(res.status).toBe(201)
    const order = await payload.findByID({ collection: 'orders', id: res.body.order.id, overrideAccess: true, depth: 0 })
    const bronze = await createUser()
    await addToCart(bronze.token, part.id, 1)
    const plain = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token: bronze.token })
    const base = await payload.findByID({ collection: 'orders', id: plain.body.order.id, overrideAccess: true, depth: 0 })
    expect(Number(order.discount)).toBeCloseTo(Number(base.discount) + 4, 2)
    expect(Number(order.total)).toBeCloseTo(Number(base.total) - 4, 2)
    delete process.env.LOYALTY_THRESHOLDS
    delete process.env.LOYALTY_DISCOUNTS
  })
})

describe('statistics', () => {
  it('/me/stats equals what the fixtures imply', async () => {
    const u = await createUser()
    const a = await completedBooking(u, 200)
    const b = await completedBooking(u, 80.25)
    // A cancelled booking counts as a booking, not as spending.
    const service = await makeService({ basePrice: 50 })
    const c = await post('/service-bookings', bookingBody(service.id, cairoTime(9, 11)), { token: u.token })
    expect(c.status).toBe(201)
    const cid = c.body.doc?.id ?? c.body.booking?.id ?? c.body.id
    expect((await post(`/service-bookings/${cid}/cancel`, { reason: 'changed plans' }, { token: u.token })).status).toBe(200)
    await grant(u.id, 25, `stats:${u.id}`)

    const res = await get('/users/me/stats?months=3', { token: u.token })
    expect(res.status).toBe(200)
    const spent = Math.round((a.total + b.total) * 100) / 100
    const earned = Math.floor(a.total) + Math.floor(b.total) + 25
    expect(res.body.bookings).toEqual({ total: 3, completed: 2, cancelled: 1, spent })
    expect(res.body.orders).toEqual({ total: 0, delivered: 0, cancelled: 0, spent: 0 })
    expect(res.body.spending).toEqual({ total: spent, bookings: spent, orders: 0 })
    expect(res.body.loyalty).toEqual({ points: earned, lifetimePoints: earned, level: 'bronze' })
    expect(res.body.monthly).toHaveLength(3)
    const thisMonth = res.body.monthly.at(-1)
    expect(thisMonth).toMatchObject({ month: new Date().toISOString().slice(0, 7), bookings: 2, orders: 0, spending: spent, pointsEarned: earned, pointsSpent: 0 })
    expect(res.body.monthly.slice(0, 2).every((m: { bookings: number; pointsEarned: number }) => m.bookings === 0 && m.pointsEarned === 0)).toBe(true)
    expect((await get('/users/me/stats')).status).toBe(401)
    expect((await get('/users/me/stats?months=99', { token: u.token })).status).toBe(400)
  })
})

describe('spending at a service booking', () => {
  const bookingDoc = async (id: number) => payload.findByID({ collection: 'service-bookings', id, overrideAccess: true, depth: 0 })
  const countBookings = async (user: number) => (await payload.count({ collection: 'service-bookings', where: { customer: { equals: user } }, overrideAccess: true })).totalDocs

  it('level percent + points (at most half of the rest) come off the pricing, spent once for the booking number; approve keeps them', async () => {
    const u = await createUser()
    await grant(u.id, 1000, `bk:${u.id}`) // silver: 2%
    const service = await makeService({ basePrice: 500 })
    const res = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 10), { redeemPoints: 300 }), { token: u.token })
    expect(res.status).toBe(201)
    const doc = await bookingDoc(bookingIdOf(res))
    // 2% of 500 = 10.00, then 300 points = 3.00 (the cap is half of 490).
    expect(doc.pricing).toMatchObject({ basePrice: 500, discount: 13, total: 487, loyaltyDiscount: 13, pointsRedeemed: 300 })
    expect(doc).not.toHaveProperty('redeemPoints', 300)
    const spends = (await ledgerOf(u.id)).filter((r) => r.reason === 'booking_redeem')
    expect(spends.map((r) => [r.ref, r.points, r.balanceAfter])).toEqual([[doc.bookingNumber, -300, 700]])
    expect(await balanceOf(u.id)).toMatchObject({ points: 700, lifetime: 1000 })
    // An admin discount at approval comes on top of the loyalty discount, capped by what remains.
    expect((await post(`/service-bookings/${doc.id}/approve`, { discount: 488 }, { token: admin.token })).status).toBe(400)
    expect((await post(`/service-bookings/${doc.id}/approve`, { discount: 20 }, { token: admin.token })).status).toBe(200)
    expect((await bookingDoc(doc.id)).pricing).toMatchObject({ basePrice: 500, discount: 33, total: 467, loyaltyDiscount: 13, pointsRedeemed: 300 })
    // The points are capped at half of what remains after the level discount.
    const capped = await createUser()
    await grant(capped.id, 100_000, `cap:${capped.id}`) // diamond: 10% → 450 remains, at most 225.00 = 22 500 points
    const c = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 12), { redeemPoints: 90_000 }), { token: capped.token })
    expect(c.status).toBe(201)
    expect((await bookingDoc(bookingIdOf(c))).pricing).toMatchObject({ discount: 275, total: 225, loyaltyDiscount: 275, pointsRedeemed: 22_500 })
    expect(await balanceOf(capped.id)).toMatchObject({ points: 77_500 })
  })

  it('more points than the balance → 409, no booking and no ledger row; bad input → 400', async () => {
    const u = await createUser()
    await grant(u.id, 100, `bk409:${u.id}`)
    const service = await makeService({ basePrice: 500 })
    const rowsBefore = (await ledgerOf(u.id)).length
    const res = await post('/service-bookings', bookingBody(service.id, cairoTime(5, 10), { redeemPoints: 150 }), { token: u.token })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toBe('Not enough loyalty points: 150 requested, 100 available.')
    for (const bad of [-5, 1.5, 'ten']) {
      expect((await post('/service-bookings', bookingBody(service.id, cairoTime(5, 11), { redeemPoints: bad }), { token: u.token })).status).toBe(400)
    }
    expect(await countBookings(u.id)).toBe(0)
    expect(await ledgerOf(u.id)).toHaveLength(rowsBefore)
    expect(await balanceOf(u.id)).toMatchObject({ points: 100 })
  })

  it('N parallel bookings each redeeming the whole balance: exactly one spends, the balance never goes negative', async () => {
    const u = await createUser()
    await grant(u.id, 100, `bkrace:${u.id}`)
    const service = await makeService({ basePrice: 500 })
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post('/service-bookings', bookingBody(service.id, cairoTime(6 + i, 14), { redeemPoints: 100 }), { token: u.token })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status !== 201).map((r) => r.status)).toEqual(Array(5).fill(409))
    expect(await balanceOf(u.id)).toMatchObject({ points: 0 })
    expect((await ledgerOf(u.id)).filter((r) => r.reason === 'booking_redeem').map((r) => [r.points, r.balanceAfter])).toEqual([[-100, 0]])
    // The refused ones wrote nothing: one booking only.
    expect(await countBookings(u.id)).toBe(1)
  })

  it('a create never spends points quoted for another: what an earlier create through the same request left is dropped', async () => {
    const u = await createUser()
    const user = await payload.findByID({ collection: 'users', id: u.id, overrideAccess: true, depth: 0 })
    const service = await makeService({ basePrice: 500 })
    const stale: string[] = []
    // As a create that failed after its quote would leave it (seed context: no quote of its own is made).
    const spend = async (bookingNumber: string) => void stale.push(bookingNumber)
    const doc = await payload.create({
      collection: 'service-bookings',
      data: bookingBody(service.id, cairoTime(12, 10)) as never,
      user: { ...user, collection: 'users' },
      context: { seed: true, serviceBookingLoyaltySpend: spend },
    })
    expect(doc.bookingNumber).toMatch(/^BK-\d{4}-\d{6}$/)
    expect(stale).toEqual([])
    expect((await ledgerOf(u.id)).filter((r) => r.reason === 'booking_redeem')).toEqual([])
  })
})

describe('points back on cancellation', () => {
  it('a cancelled booking gives its points back once (cancel twice, refund raced); lifetime points do not move', async () => {
    const u = await createUser()
    await grant(u.id, 400, `back:${u.id}`)
    const service = await makeService({ basePrice: 300 })
    const res = await post('/service-bookings', bookingBody(service.id, cairoTime(7, 10), { redeemPoints: 250 }), { token: u.token })
    expect(res.status).toBe(201)
    const id = bookingIdOf(res)
    const { bookingNumber } = await payload.findByID({ collection: 'service-bookings', id, overrideAccess: true, depth: 0 })
    expect(await balanceOf(u.id)).toMatchObject({ points: 150 })
    const cancels = await Promise.all([1, 2, 3].map(() => post(`/service-bookings/${id}/cancel`, { reason: 'plans changed' }, { token: u.token })))
    expect(cancels.map((c) => c.status).sort()).toEqual([200, 409, 409])
    expect((await post(`/service-bookings/${id}/cancel`, {}, { token: u.token })).status).toBe(409)
    const raced = await Promise.all([1, 2, 3].map(async () => refundRedeemedPoints(await createLocalReq({}, payload), 'booking_redeem', String(bookingNumber))))
    expect(raced).toEqual([0, 0, 0])
    const back = (await ledgerOf(u.id)).filter((r) => r.reason === 'redeem_refund')
    expect(back.map((r) => [r.ref, r.points, r.balanceAfter])).toEqual([[bookingNumber, 250, 400]])
    expect(await balanceOf(u.id)).toMatchObject({ points: 400, lifetime: 400 })
    const stats = await get('/users/me/stats?months=1', { token: u.token })
    expect(stats.body.monthly[0]).toMatchObject({ pointsEarned: 400, pointsSpent: 250, pointsRefunded: 250 })
  })

  it('a cancelled order gives back the points spent at its checkout once, cancels raced', async () => {
    const buyer = await createUser()
    await grant(buyer.id, 300, `oback:${buyer.id}`)
    const part = await createPart(seller.id, { price: 25, stockQuantity: 5 })
    await addToCart(buyer.token, part.id, 1)
    const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', redeemPoints: 200 }, { token: buyer.token })
    expect(res.status).toBe(201)
    const order = res.body.order
    expect(await balanceOf(buyer.id)).toMatchObject({ points: 100 })
    const cancels = await Promise.all([1, 2, 3].map(() => post(`/orders/${order.id}/cancel`, {}, { token: buyer.token })))
    expect(cancels.filter((c) => c.status === 200)).toHaveLength(1)
    expect(cancels.filter((c) => c.status !== 200).every((c) => c.status === 409)).toBe(true)
    expect(await refundRedeemedPoints(await createLocalReq({}, payload), 'checkout_redeem', order.orderNumber)).toBe(0)
    const back = (await ledgerOf(buyer.id)).filter((r) => r.reason === 'redeem_refund')
    expect(back.map((r) => [r.ref, r.points, r.balanceAfter])).toEqual([[order.orderNumber, 200, 300]])
    expect(await balanceOf(buyer.id)).toMatchObject({ points: 300, lifetime: 300 })
  })
})

describe('alerts', () => {
  const alertsOf = async (user: number, alert: string) => (await loyaltyAlerts(user)).filter((a) => a.alert === alert)

  it('milestone approaching: 4 completed bookings → the 5-bookings alert, once', async () => {
    const u = await createUser()
    const service = await makeService({ basePrice: 10 })
    for (let i = 0; i < 4; i++) {
      const res = await post('/service-bookings', bookingBody(service.id, cairoTime(8 + i, 10)), { token: u.token })
      expect(res.status).toBe(201)
      await db().execute(sql`update service_bookings set status = 'completed' where id = ${bookingIdOf(res)}`)
    }
    expect(await alertsOf(u.id, 'milestone_approaching')).toEqual([])
    await earnPoints(await createLocalReq({}, payload), { user: u.id, reason: 'review', ref: `ms:${u.id}:1`, points: 5 })
    expect(await alertsOf(u.id, 'milestone_approaching')).toEqual([{ alert: 'milestone_approaching', milestone: 'bookings', target: 5, value: 4 }])
    await Promise.all([2, 3, 4].map(async (i) => earnPoints(await createLocalReq({}, payload), { user: u.id, reason: 'review', ref: `ms:${u.id}:${i}`, points: 5 })))
    expect(await alertsOf(u.id, 'milestone_approaching')).toHaveLength(1)
    const recorded = await payload.find({ collection: 'loyalty-alerts', where: { user: { equals: u.id } }, overrideAccess: true, depth: 0 })
    expect(recorded.docs.map((d) => [d.alert, d.key])).toEqual([['milestone_approaching', 'milestone:bookings_5']])
  })

  it('high-value customer: crossing the threshold alerts the user once and each admin once; muted users get no notification', async () => {
    process.env.LOYALTY_HIGH_VALUE_SPEND = '300'
    try {
      const u = await createUser()
      await completedBooking(u, 200)
      expect(await alertsOf(u.id, 'high_value_customer')).toEqual([])
      await completedBooking(u, 150)
      expect(await alertsOf(u.id, 'high_value_customer')).toEqual([{ alert: 'high_value_customer', threshold: 300, spending: 350 }])
      await completedBooking(u, 50)
      expect(await alertsOf(u.id, 'high_value_customer')).toHaveLength(1)
      const forAdmin = (await alertsOf(admin.id, 'high_value_customer')).filter((a) => a.customer === u.id)
      expect(forAdmin).toEqual([{ alert: 'high_value_customer', customer: u.id, threshold: 300, spending: 350 }])
      // Preferences as for every notification: muted in the app → no notification, the occasion still recorded once.
      const muted = await createUser()
      await payload.update({ collection: 'users', id: muted.id, overrideAccess: true, data: { notificationPreferences: { mutedInApp: ['loyalty'] } } as never })
      await completedBooking(muted, 400)
      expect(await loyaltyAlerts(muted.id)).toEqual([])
      expect((await payload.count({ collection: 'loyalty-alerts', where: { user: { equals: muted.id }, alert: { equals: 'high_value_customer' } }, overrideAccess: true })).totalDocs).toBe(1)
      expect((await alertsOf(admin.id, 'high_value_customer')).filter((a) => a.customer === muted.id)).toHaveLength(1)
    } finally {
      delete process.env.LOYALTY_HIGH_VALUE_SPEND
    }
  })

  it('inactivity: the daily job alerts users with past activity and none in N days, once per inactivity period', async () => {
    const [idle, active, never] = await Promise.all([createUser(), createUser(), createUser()])
    const service = await makeService({ basePrice: 10 })
    const a = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 10)), { token: idle.token })
    const b = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 11)), { token: active.token })
    expect([a.status, b.status]).toEqual([201, 201])
    const past = new Date(Date.now() - 61 * 86_400_000)
    await db().execute(sql`update service_bookings set created_at = ${past.toISOString()} where id = ${bookingIdOf(a)}`)
    await db().execute(sql`update service_bookings set created_at = ${new Date(Date.now() - 50 * 86_400_000).toISOString()} where id = ${bookingIdOf(b)}`)

    // Through the Jobs Queue, as the scheduler runs it.
    await payload.jobs.queue({ task: 'services-loyalty-inactivity', input: {} } as never)
    await payload.jobs.run()
    expect(await alertsOf(idle.id, 'inactivity')).toEqual([{ alert: 'inactivity', days: 61, lastActivityAt: past.toISOString() }])
    expect(await alertsOf(active.id, 'inactivity')).toEqual([])
    expect(await alertsOf(never.id, 'inactivity')).toEqual([])
    // The next days: still the same period, no second alert.
    expect(await inactivityAlerts(payload, new Date(Date.now() + 86_400_000))).toBe(0)
    expect(await alertsOf(idle.id, 'inactivity')).toHaveLength(1)
    // LOYALTY_INACTIVITY_DAYS=30 makes the other one due; 0 turns the alert off.
    expect(await inactivityAlerts(payload, new Date(), 0)).toBe(0)
    process.env.LOYALTY_INACTIVITY_DAYS = '30'
    try {
      await inactivityAlerts(payload, new Date())
      expect(await alertsOf(active.id, 'inactivity')).toHaveLength(1)
    } finally {
      delete process.env.LOYALTY_INACTIVITY_DAYS
    }
    // A new booking (10 days ago), then inactive again (5 days here): a new period, a second alert.
    const c = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 10)), { token: idle.token })
    expect(c.status).toBe(201)
    expect(await inactivityAlerts(payload, new Date(), 5)).toBe(0) // just booked
    const recent = new Date(Date.now() - 10 * 86_400_000)
    await db().execute(sql`update service_bookings set created_at = ${recent.toISOString()} where id = ${bookingIdOf(c)}`)
    expect(await inactivityAlerts(payload, new Date(), 5)).toBeGreaterThanOrEqual(1)
    expect((await alertsOf(idle.id, 'inactivity')).map((x) => x.lastActivityAt)).toEqual([past.toISOString(), recent.toISOString()])
  })
})

describe('technician statistics', () => {
  it('GET /api/analytics/technicians: earnings this and last UTC month from completed bookings, with the change', async () => {
    const tech = await makeTechnician()
    const customer = await createUser()
    const a = await completedBooking(customer, 120.25, tech)
    const b = await completedBooking(customer, 79.5, tech)
    const c = await completedBooking(customer, 160.4, tech)
    const d = await completedBooking(customer, 999, tech)
    const now = new Date()
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12))
    const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 28, 12))
    await db().execute(sql`update service_bookings set tracking_completed_at = ${lastMonth.toISOString()} where id = ${c.id}`)
    await db().execute(sql`update service_bookings set tracking_completed_at = ${twoMonthsAgo.toISOString()} where id = ${d.id}`)
    // A cancelled booking of the same technician earns nothing.
    const service = await makeService({ basePrice: 500 })
    const e = await post('/service-bookings', bookingBody(service.id, cairoTime(12, 10)), { token: customer.token })
    const eid = bookingIdOf(e)
    expect((await post(`/service-bookings/${eid}/approve`, {}, { token: admin.token })).status).toBe(200)
    expect((await post(`/service-bookings/${eid}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
    expect((await post(`/service-bookings/${eid}/cancel`, {}, { token: admin.token })).status).toBe(200)

    const res = await get('/analytics/technicians', { token: admin.token })
    expect(res.status).toBe(200)
    const row = res.body.technicians.find((r: { technician: { id: number } }) => r.technician.id === tech.id)
    const thisMonth = Math.round((a.total + b.total) * 100) / 100
    const previous = c.total
    expect(row.earnings).toEqual({ thisMonth, lastMonth: previous, changePercent: Math.round(((thisMonth - previous) / previous) * 1000) / 10 })
    expect(row).toMatchObject({ completedJobs: 4, cancelledJobs: 1, completionRate: 80 })
    expect(typeof row.averageResponseMinutes).toBe('number')
    // A technician without completed work: zeros and no change.
    const idle = await makeTechnician()
    const again = await get('/analytics/technicians', { token: admin.token })
    expect(again.body.technicians.find((r: { technician: { id: number } }) => r.technician.id === idle.id).earnings).toEqual({ thisMonth: 0, lastMonth: 0, changePercent: null })
  })
})
