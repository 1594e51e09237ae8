/**
 * The negotiation workflow over the real express server: offers, counters, turns, parties, withdraw, expiry,
 * opening rules and stats. Races and thresholds: races.test.ts.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { expireNegotiations } from '../../../endpoints/negotiation/jobs'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'
import { carStatus, createCar, negotiationCount, notificationsOf, readNegotiation } from '../../int/negotiation/fixtures'

let server: RunningServer
let payload: Payload
let seller: TestUser
let buyer: TestUser
let buyer2: TestUser
let stranger: TestUser
let admin: TestUser

const call = (method: string, path: string, user?: TestUser, body?: unknown) => http(server.url, method, `/api${path}`, { token: user?.token, body })
const offer = (user: TestUser | undefined, body: unknown) => call('POST', '/negotiations', user, body)
const act = (user: TestUser, id: number, action: string, body: unknown = {}) => call('POST', `/negotiations/${id}/${action}`, user, body)

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  ;[seller, buyer, buyer2, stranger, admin] = await Promise.all([
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['admin'] }),
  ])
})

afterAll(async () => {
  await server?.close()
})

describe('open → counter → counter → accept', () => {
  it('runs the full path with turns, offers history, notifications and the car reserved', async () => {
    const car = await createCar({ seller: seller.id, price: 20000 })
    const before = Date.now()
    const opened = await offer(buyer, {
      car: car.id,
      amount: 17500,
      message: 'Cash buyer',
      // none of these may be set by the client
      status: 'accepted',
      turn: 'buyer',
      seller: buyer.id,
      buyer: stranger.id,
      agreedPrice: 1,
    })
    expect(opened.status).toBe(201)
    const n = opened.body.doc
    expect(n).toMatchObject({ status: 'open', turn: 'seller', currentAmount: 17500, roundCount: 1, car: car.id, buyer: buyer.id, seller: seller.id })
    expect(n.agreedPrice ?? null).toBeNull()
    const ttl = new Date(n.expiresAt).getTime() - before
    expect(ttl).toBeGreaterThanOrEqual(48 * 3600_000 - 1000)
    expect(ttl).toBeLessThan(48 * 3600_000 + 60_000)
    expect(n.offers).toHaveLength(1)
    expect(n.offers[0]).toMatchObject({ by: 'buyer', amount: 17500, message: 'Cash buyer' })

    const c1 = await act(seller, n.id, 'counter', { amount: 19500, message: 'Best I can do' })
    expect(c1.status).toBe(200)
    expect(c1.body.doc).toMatchObject({ status: 'open', turn: 'buyer', currentAmount: 19500, roundCount: 2 })
    expect(new Date(c1.body.doc.expiresAt).getTime()).toBeGreaterThanOrEqual(new Date(n.expiresAt).getTime())

    const c2 = await act(buyer, n.id, 'counter', { amount: 18750.5 })
    expect(c2.status).toBe(200)
    expect(c2.body.doc).toMatchObject({ status: 'open', turn: 'seller', currentAmount: 18750.5, roundCount: 3 })
    expect(c2.body.doc.offers.map((o: { by: string; amount: number }) => [o.by, o.amount])).toEqual([
      ['buyer', 17500],
      ['seller', 19500],
      ['buyer', 18750.5],
    ])

    const accepted = await act(seller, n.id, 'accept')
    expect(accepted.status).toBe(200)
    expect(accepted.body.doc).toMatchObject({ status: 'accepted', agreedPrice: 18750.5 })
    expect(await carStatus(car.id)).toBe('sale_pending')

    // nothing moves after a terminal state
    expect((await act(buyer, n.id, 'counter', { amount: 19000 })).status).toBe(409)
    expect((await act(buyer, n.id, 'withdraw')).status).toBe(409)

    const toSeller = (await notificationsOf(seller.id)).filter((x) => x.data?.negotiation === n.id).map((x) => x.type)
    const toBuyer = (await notificationsOf(buyer.id)).filter((x) => x.data?.negotiation === n.id).map((x) => x.type)
    expect(toSeller).toEqual(['offer_received', 'offer_countered'])
    expect(toBuyer).toEqual(['offer_countered', 'offer_accepted'])
    // bilingual texts
    const ar = await payload.find({ collection: 'notifications', where: { user: { equals: buyer.id }, type: { equals: 'offer_accepted' } }, locale: 'ar', depth: 0, overrideAccess: true })
    expect(ar.docs[0]?.title).toMatch(/تم قبول العرض/)
  })

  it('the buyer may accept the seller’s counter', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    await act(seller, n.id, 'counter', { amount: 16000 })
    const res = await act(buyer, n.id, 'accept')
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ status: 'accepted', agreedPrice: 16000 })
  })
})

describe('turns and parties', () => {
  it('acting out of turn is 409', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    for (const a of ['accept', 'reject']) {
      const res = await act(buyer, n.id, a)
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toMatch(/not your turn/i)
    }
    expect((await act(buyer, n.id, 'counter', { amount: 15500 })).status).toBe(409)
    await act(seller, n.id, 'counter', { amount: 18000 })
    expect((await act(seller, n.id, 'counter', { amount: 17000 })).status).toBe(409)
    expect((await act(seller, n.id, 'accept')).status).toBe(409)
    const fresh = await readNegotiation(n.id)
    expect(fresh).toMatchObject({ status: 'open', turn: 'buyer', currentAmount: 18000, roundCount: 2 })
  })

  it('a third user gets 403 and never sees the negotiation (REST list, by id, GraphQL)', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    // `stranger` holds the seller role but is not this car's seller
    for (const a of ['counter', 'accept', 'reject', 'withdraw']) {
      const res = await act(stranger, n.id, a, { amount: 16000 })
      expect(res.status, a).toBe(403)
    }
    const list = await call('GET', '/negotiations?limit=100', stranger)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(n.id)
    expect((await call('GET', `/negotiations/${n.id}`, stranger)).status).not.toBe(200)
    expect((await call('GET', `/negotiations/${n.id}`)).status).not.toBe(200)
    const gql = await call('POST', '/graphql', stranger, { query: '{ Negotiations(limit: 100) { docs { id } } }' })
    expect(gql.body.data.Negotiations.docs.map((d: { id: number }) => d.id)).not.toContain(n.id)
    // the parties see it
    for (const u of [buyer, seller, admin]) {
      const mine = await call('GET', '/negotiations?limit=100', u)
      expect(mine.body.docs.map((d: { id: number }) => d.id)).toContain(n.id)
    }
    // and nothing changed
    const fresh = await readNegotiation(n.id)
    expect(fresh).toMatchObject({ status: 'open', turn: 'seller', roundCount: 1 })
  })

  it('status changes outside the workflow are refused (REST PATCH, even by admins jumping states)', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    expect((await call('PATCH', `/negotiations/${n.id}`, seller, { status: 'accepted' })).status).toBe(403)
    const byAdmin = await call('PATCH', `/negotiations/${n.id}`, admin, { status: 'accepted' })
    expect(byAdmin.status).toBe(403)
    expect((await readNegotiation(n.id)).status).toBe('open')
  })
})

describe('withdraw', () => {
  it('the buyer withdraws while open, whoever’s turn; the seller cannot', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    expect((await act(seller, n.id, 'withdraw')).status).toBe(403)
    const res = await act(buyer, n.id, 'withdraw')
    expect(res.status).toBe(200)
    expect(res.body.doc.status).toBe('withdrawn')
    expect((await act(buyer, n.id, 'withdraw')).status).toBe(409)
    expect((await notificationsOf(seller.id)).some((x) => x.type === 'offer_withdrawn' && x.data?.negotiation === n.id)).toBe(true)
    // a new negotiation on the same car is allowed once the old one is closed
    expect((await offer(buyer, { car: car.id, amount: 15100 })).status).toBe(201)
    expect(await carStatus(car.id)).toBe('active')
  })
})

describe('expiry', () => {
  it('the job expires open negotiations past expiresAt, and only those', async () => {
    const car = await createCar({ seller: seller.id })
    const stale = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    const fresh = (await offer(buyer2, { car: car.id, amount: 15000 })).body.doc
    // move one negotiation's expiry into the past (time passes without faking the clock)
    await payload.update({ collection: 'negotiations' as never, id: stale.id, overrideAccess: true, data: { expiresAt: new Date(Date.now() - 60_000).toISOString() } as never })
    await payload.jobs.queue({ task: 'expire-negotiations', input: {} } as never)
    await payload.jobs.run()
    const a = await readNegotiation(stale.id)
    const b = await readNegotiation(fresh.id)
    expect(a.status).toBe('expired')
    expect(b.status).toBe('open')
    expect((await act(seller, stale.id, 'accept')).status).toBe(409)
    const types = [...(await notificationsOf(buyer.id)), ...(await notificationsOf(seller.id))].filter((x) => x.data?.negotiation === stale.id).map((x) => x.type)
    expect(types.filter((t) => t === 'offer_expired')).toHaveLength(2)

    // the logic takes the time as an argument: 49 hours from now everything open on this car is due
    const later = new Date(Date.now() + 49 * 3600_000)
    const { expired } = await expireNegotiations(payload, later)
    expect(expired).toBeGreaterThanOrEqual(1)
    expect((await readNegotiation(fresh.id)).status).toBe('expired')
    // running again finds nothing
    expect((await expireNegotiations(payload, later)).expired).toBe(0)
  })
})

describe('rules for opening', () => {
  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const car = await createCar({ seller: seller.id })
    const before = await negotiationCount()
    for (const [body, field] of [
      [{ car: car.id, amount: -5 }, 'amount'],
      [{ car: car.id, amount: 0 }, 'amount'],
      [{ car: car.id, amount: 100.005 }, 'amount'],
      [{ car: car.id, amount: 'lots' }, 'amount'],
      [{ car: car.id }, 'amount'],
      [{ amount: 100 }, 'car'],
      [{ car: 'abc', amount: 100 }, 'car'],
    ] as const) {
      const res = await offer(buyer, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain(field)
    }
    const n = (await offer(buyer, { car: car.id, amount: 100 })).body.doc
    const bad = await act(seller, n.id, 'counter', { amount: 1.234 })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0].path).toBe('amount')
    expect(await negotiationCount()).toBe(before + 1)
    expect((await readNegotiation(n.id)).roundCount).toBe(1)
  })

  it('requires sign-in; refuses own car (403), a listing the buyer cannot see (404, as an unknown one), inactive or non-negotiable cars and a second open negotiation (409)', async () => {
    const car = await createCar({ seller: seller.id })
    expect((await offer(undefined, { car: car.id, amount: 100 })).status).toBe(401)
    expect((await offer(seller, { car: car.id, amount: 100 })).status).toBe(403)
    const draft = await createCar({ seller: seller.id, status: 'draft' })
    expect((await offer(buyer, { car: draft.id, amount: 100 })).status).toBe(404)
    const sold = await createCar({ seller: seller.id, status: 'sold' })
    expect((await offer(buyer, { car: sold.id, amount: 100 })).status).toBe(409)
    const fixed = await createCar({ seller: seller.id, negotiable: false })
    expect((await offer(buyer, { car: fixed.id, amount: 100 })).status).toBe(409)
    expect((await offer(buyer, { car: 99999999, amount: 100 })).status).toBe(404)
    const first = await offer(buyer, { car: car.id, amount: 100 })
    expect(first.status).toBe(201)
    const second = await offer(buyer, { car: car.id, amount: 200 })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].data.negotiation).toBe(first.body.doc.id)
    // another buyer may still make an offer
    expect((await offer(buyer2, { car: car.id, amount: 150 })).status).toBe(201)
  })

  it('the partial unique index holds even when the application check is bypassed', async () => {
    const car = await createCar({ seller: seller.id })
    await offer(buyer, { car: car.id, amount: 100 })
    await expect(
      payload.create({
        collection: 'negotiations' as never,
        overrideAccess: true,
        context: { workflowTransition: true },
        data: { car: car.id, buyer: buyer.id, seller: seller.id, status: 'open', turn: 'seller', currentAmount: 120, expiresAt: new Date().toISOString(), roundCount: 1 } as never,
      }),
    ).rejects.toThrow()
    expect(await negotiationCount({ car: { equals: car.id } })).toBe(1)
  })
})

describe('stats', () => {
  it('counts by status as buyer and as seller; sellers see pending offers and conversion rate', async () => {
    const s = await createUser({ roles: ['seller'] })
    const b = await createUser({ roles: ['buyer'] })
    const cars = await Promise.all([0, 1, 2, 3].map(() => createCar({ seller: s.id })))
    const ns = await Promise.all(cars.map(async (c) => (await offer(b, { car: c.id, amount: 1000 })).body.doc))
    await act(s, ns[0].id, 'accept')
    await act(s, ns[1].id, 'reject')
    await act(s, ns[2].id, 'counter', { amount: 1200 })
    const sellerStats = await call('GET', '/negotiations/stats', s)
    expect(sellerStats.status).toBe(200)
    expect(sellerStats.body.asSeller).toMatchObject({ open: 2, accepted: 1, rejected: 1, withdrawn: 0, expired: 0, total: 4 })
    expect(sellerStats.body.asBuyer.total).toBe(0)
    expect(sellerStats.body.pendingOffers).toBe(1)
    expect(sellerStats.body.conversionRate).toBe(0.25)
    const buyerStats = await call('GET', '/negotiations/stats', b)
    expect(buyerStats.body.asBuyer).toMatchObject({ open: 2, accepted: 1, rejected: 1, total: 4 })
    expect(buyerStats.body.pendingOffers).toBeUndefined()
    expect((await call('GET', '/negotiations/stats')).status).toBe(401)
  })
})
