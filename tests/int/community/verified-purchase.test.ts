/**
 * Reviews: the server-computed `verifiedPurchase` flag, positive cases. Every prerequisite is produced by the
 * domain's own workflow endpoints (checkout → ship → deliver, offer → accept, book → check-in → check-out,
 * book → approve → assign → on_way → in_progress → completed), then the review is created over REST without
 * a `booking`, so the flag comes from computeVerifiedPurchase's SQL (collections/community/Reviews/hooks.ts). Each test
 * has negative controls: a user without any business, and a user whose business is not closed (pending order,
 * rejected negotiation, pending booking) — both get false — and a client-sent `verifiedPurchase` is ignored.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, createPart } from '../commerce/fixtures'
import { createCar } from '../negotiation/fixtures'
import { bookingBody, cairoTime, makeService, makeTechnician } from '../services/fixtures'

type Target = 'cars' | 'parts' | 'users' | 'parking-spots' | 'services' | 'technicians'

let payload: Payload
let admin: TestUser

const HOUR = 3_600_000

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
})

/** Creates a review over REST as `user` and returns the stored document (the flag as persisted, not only as echoed). */
async function review(user: TestUser, relationTo: Target, value: number, extra: Record<string, unknown> = {}) {
  const res = await post('/reviews', { target: { relationTo, value }, rating: 4, ...extra }, { token: user.token })
  expect(res.status, `${relationTo}/${value} by ${user.email}: ${JSON.stringify(res.body)}`).toBe(201)
  const stored = (await payload.findByID({ collection: 'reviews' as never, id: res.body.doc.id, depth: 0, overrideAccess: true })) as {
    id: number
    verifiedPurchase: boolean
    author: number
    targetCollection: string
    targetId: number
  }
  expect(stored.verifiedPurchase).toBe(res.body.doc.verifiedPurchase)
  expect(stored.author).toBe(user.id)
  expect(stored).toMatchObject({ targetCollection: relationTo, targetId: value })
  return stored
}

const verified = async (user: TestUser, relationTo: Target, value: number, extra?: Record<string, unknown>) => (await review(user, relationTo, value, extra)).verifiedPurchase

const checkout = async (token: string) => {
  const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.order as { id: number; status: string }
}

describe('verifiedPurchase: parts (order lines) and their seller', () => {
  it('true after a delivered order of the part; false for a pending or cancelled order, a stranger and a forged flag', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const [buyer, pendingBuyer, cancelledBuyer, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()])
    const part = await createPart(seller.id, { price: 25, stockQuantity: 10 })

    // buyer: checkout (COD) → the seller ships → the buyer confirms delivery
    await addToCart(buyer.token, part.id, 2)
    const order = await checkout(buyer.token)
    expect(order.status).toBe('pending')
    const shipped = await post(`/orders/${order.id}/ship`, { trackingNumber: 'TRK-VP-1' }, { token: seller.token })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
    expect(shipped.body.order.status).toBe('shipped')
    const delivered = await post(`/orders/${order.id}/deliver`, {}, { token: buyer.token })
    expect(delivered.status).toBe(200)
    expect(delivered.body.order.status).toBe('delivered')

    // pendingBuyer: an order that was placed but never paid / fulfilled
    await addToCart(pendingBuyer.token, part.id, 1)
    expect((await checkout(pendingBuyer.token)).status).toBe('pending')

    // cancelledBuyer: placed, then cancelled
    await addToCart(cancelledBuyer.token, part.id, 1)
    const toCancel = await checkout(cancelledBuyer.token)
    const cancelled = await post(`/orders/${toCancel.id}/cancel`, { reason: 'changed my mind' }, { token: cancelledBuyer.token })
    expect(cancelled.body.order.status).toBe('cancelled')

    // the buyer is verified even when the client claims the opposite
    expect(await verified(buyer, 'parts', part.id, { verifiedPurchase: false, aspects: { shipping: 5 } })).toBe(true)
    expect(await verified(pendingBuyer, 'parts', part.id)).toBe(false)
    expect(await verified(cancelledBuyer, 'parts', part.id)).toBe(false)
    // negative control + a forged flag in the create body
    expect(await verified(stranger, 'parts', part.id, { verifiedPurchase: true })).toBe(false)

    // the same order verifies a review of the part's seller (target `users`)
    expect(await verified(buyer, 'users', seller.id)).toBe(true)
    expect(await verified(stranger, 'users', seller.id, { verifiedPurchase: true })).toBe(false)

    // the public read of the part's reviews shows exactly one verified review
    const list = await get(`/reviews?where[targetCollection][equals]=parts&where[targetId][equals]=${part.id}&where[verifiedPurchase][equals]=true&depth=0`)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { author: number }) => d.author)).toEqual([buyer.id])
  })
})

describe('verifiedPurchase: cars (negotiations) and their seller', () => {
  it('true for the buyer whose offer was accepted; false for the rejected rival, a stranger and a forged flag', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const [buyer, rival, stranger] = await Promise.all([createUser(), createUser(), createUser()])
    const car = await createCar({ seller: seller.id, price: 20000 })

    const offer = await post('/negotiations', { car: car.id, amount: 18500 }, { token: buyer.token })
    expect(offer.status, JSON.stringify(offer.body)).toBe(201)
    expect(offer.body.doc.status).toBe('open')
    const rivalOffer = await post('/negotiations', { car: car.id, amount: 17000 }, { token: rival.token })
    expect(rivalOffer.status, JSON.stringify(rivalOffer.body)).toBe(201)

    // an open negotiation is not a closed deal
    expect(await verified(rival, 'cars', car.id)).toBe(false)

    const accepted = await post(`/negotiations/${offer.body.doc.id}/accept`, {}, { token: seller.token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.doc).toMatchObject({ status: 'accepted', agreedPrice: 18500 })
    const rivalDoc = (await payload.findByID({ collection: 'negotiations' as never, id: rivalOffer.body.doc.id, depth: 0, overrideAccess: true })) as { status: string }
    expect(rivalDoc.status).toBe('rejected')

    expect(await verified(buyer, 'cars', car.id, { verifiedPurchase: false })).toBe(true)
    expect(await verified(stranger, 'cars', car.id, { verifiedPurchase: true })).toBe(false)

    // the accepted negotiation verifies a review of the seller; the rejected one does not
    expect(await verified(buyer, 'users', seller.id)).toBe(true)
    expect(await verified(rival, 'users', seller.id)).toBe(false)
    expect(await verified(stranger, 'users', seller.id, { verifiedPurchase: true })).toBe(false)
  })
})

describe('verifiedPurchase: parking spots (completed bookings) and their owner', () => {
  it('true after check-in and check-out; false for a pending booking, a stranger and a forged flag', async () => {
    const owner = await createUser({ roles: ['parking_owner'] })
    const [driver, pendingDriver, stranger] = await Promise.all([createUser(), createUser(), createUser()])
    const spotRes = await post('/parking-spots', { name: 'Verified spot', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 3, price: 5, priceType: 'hour' }, { token: owner.token })
    expect(spotRes.status, JSON.stringify(spotRes.body)).toBe(201)
    const spot = spotRes.body.doc.id as number
    const vehicleOf = async (u: TestUser, plate: string) => {
      const res = await post('/vehicles', { licensePlate: plate, make: 'Toyota', model: 'Corolla' }, { token: u.token })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc.id as number
    }

    // driver: a booking starting in 5 minutes → the owner validates the PIN (active) → the driver checks out
    const soon = Date.now() + 5 * 60_000
    const booked = await post(
      '/parking-bookings',
      { spot, vehicle: await vehicleOf(driver, `VP ${driver.id}`), startTime: new Date(soon).toISOString(), endTime: new Date(soon + HOUR).toISOString() },
      { token: driver.token },
    )
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const checkedIn = await post('/parking-bookings/validate', { spot, pin: booked.body.pin }, { token: owner.token })
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(200)
    expect(checkedIn.body.status).toBe('active')
    const out = await post(`/parking-bookings/${booked.body.id}/check-out`, {}, { token: driver.token })
    expect(out.status, JSON.stringify(out.body)).toBe(200)
    expect(out.body.status).toBe('completed')

    // pendingDriver: a future booking that has not happened yet
    const later = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR
    const pending = await post(
      '/parking-bookings',
      { spot, vehicle: await vehicleOf(pendingDriver, `VP ${pendingDriver.id}`), startTime: new Date(later).toISOString(), endTime: new Date(later + HOUR).toISOString() },
      { token: pendingDriver.token },
    )
    expect(pending.status, JSON.stringify(pending.body)).toBe(201)
    expect(pending.body.status).toBe('pending')

    expect(await verified(driver, 'parking-spots', spot, { verifiedPurchase: false })).toBe(true)
    expect(await verified(pendingDriver, 'parking-spots', spot)).toBe(false)
    expect(await verified(stranger, 'parking-spots', spot, { verifiedPurchase: true })).toBe(false)

    // the completed booking verifies a review of the spot's owner
    expect(await verified(driver, 'users', owner.id)).toBe(true)
    expect(await verified(pendingDriver, 'users', owner.id)).toBe(false)
    expect(await verified(stranger, 'users', owner.id, { verifiedPurchase: true })).toBe(false)
  })
})

describe('verifiedPurchase: services and technicians (completed service bookings)', () => {
  it('true for the service, its technician and the technician’s user after completion; false otherwise', async () => {
    const service = await makeService()
    const tech = await makeTechnician()
    const [customer, waiting, stranger] = await Promise.all([createUser(), createUser(), createUser()])

    // customer: book → admin approves and assigns → the technician goes on the way, starts, completes
    const created = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 10)), { token: customer.token })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id as number
    expect((await post(`/service-bookings/${id}/approve`, {}, { token: admin.token })).status).toBe(200)
    expect((await post(`/service-bookings/${id}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
    for (const status of ['on_way', 'in_progress', 'completed']) {
      const step = await post(`/service-bookings/${id}/status`, { status }, { token: tech.user.token })
      expect(step.status, `${status}: ${JSON.stringify(step.body)}`).toBe(200)
      expect(step.body.booking.status).toBe(status)
    }

    // waiting: booked the same service, still pending approval
    const pending = await post('/service-bookings', bookingBody(service.id, cairoTime(5, 14)), { token: waiting.token })
    expect(pending.status, JSON.stringify(pending.body)).toBe(201)
    expect(pending.body.doc.status).toBe('pending_approval')

    expect(await verified(customer, 'services', service.id, { verifiedPurchase: false })).toBe(true)
    expect(await verified(waiting, 'services', service.id)).toBe(false)
    expect(await verified(stranger, 'services', service.id, { verifiedPurchase: true })).toBe(false)

    expect(await verified(customer, 'technicians', tech.id)).toBe(true)
    expect(await verified(waiting, 'technicians', tech.id)).toBe(false)
    expect(await verified(stranger, 'technicians', tech.id, { verifiedPurchase: true })).toBe(false)

    expect(await verified(customer, 'users', tech.user.id)).toBe(true)
    expect(await verified(stranger, 'users', tech.user.id, { verifiedPurchase: true })).toBe(false)

    // a review of one booking (the `booking` path): verified when that booking is completed, not when pending;
    // someone else's booking is refused
    const completedBooking = { relationTo: 'service-bookings', value: id }
    expect(await verified(customer, 'services', service.id, { booking: completedBooking })).toBe(true)
    expect(await verified(waiting, 'services', service.id, { booking: { relationTo: 'service-bookings', value: pending.body.doc.id } })).toBe(false)
    const notYours = await post('/reviews', { target: { relationTo: 'services', value: service.id }, rating: 5, booking: completedBooking }, { token: stranger.token })
    expect(notYours.status).toBe(403)
  })
})

describe('verifiedPurchase: cannot be forced by the client', () => {
  it('a forged flag is ignored on create and on every later PATCH, in both directions', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const [buyer, stranger] = await Promise.all([createUser(), createUser()])
    const part = await createPart(seller.id, { price: 12, stockQuantity: 5 })
    await addToCart(buyer.token, part.id, 1)
    const order = await checkout(buyer.token)
    expect((await post(`/orders/${order.id}/ship`, {}, { token: seller.token })).body.order.status).toBe('shipped')

    const forged = await review(stranger, 'parts', part.id, { verifiedPurchase: true })
    expect(forged.verifiedPurchase).toBe(false)
    const honest = await review(buyer, 'parts', part.id, { verifiedPurchase: false })
    expect(honest.verifiedPurchase).toBe(true)

    // authors may edit their review, but not the flag: neither up nor down
    const up = await patch(`/reviews/${forged.id}`, { verifiedPurchase: true, rating: 2 }, { token: stranger.token })
    expect(up.status).toBe(200)
    const down = await patch(`/reviews/${honest.id}`, { verifiedPurchase: false, rating: 5 }, { token: buyer.token })
    expect(down.status).toBe(200)
    const read = async (id: number) => (await payload.findByID({ collection: 'reviews' as never, id, depth: 0, overrideAccess: true })) as { verifiedPurchase: boolean; rating: number }
    expect(await read(forged.id)).toMatchObject({ verifiedPurchase: false, rating: 2 })
    expect(await read(honest.id)).toMatchObject({ verifiedPurchase: true, rating: 5 })

    // the REST list filtered on the flag: only the buyer’s review
    const list = await get(`/reviews?where[targetId][equals]=${part.id}&where[targetCollection][equals]=parts&where[verifiedPurchase][equals]=true&depth=0`)
    expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([honest.id])
  })
})
