/**
 * Negotiation races (concurrent HTTP requests against the real express server) and the seller-private
 * auto-accept / auto-decline thresholds.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
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

const call = (method: string, path: string, user?: TestUser, body?: unknown) => http(server.url, method, `/api${path}`, { token: user?.token, body })
const offer = (user: TestUser | undefined, body: unknown) => call('POST', '/negotiations', user, body)
const act = (user: TestUser, id: number, action: string, body: unknown = {}) => call('POST', `/negotiations/${id}/${action}`, user, body)

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  ;[seller, buyer, buyer2, stranger] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['seller'] })])
})

afterAll(async () => {
  await server?.close()
})

describe('races', () => {
  it('20 concurrent accepts/rejects of one negotiation: exactly one wins, the rest get 409', async () => {
    const car = await createCar({ seller: seller.id })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => act(seller, n.id, i % 2 ? 'reject' : 'accept')))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    const winner = results.find((r) => r.status === 200)!.body.doc.status
    const fresh = await readNegotiation(n.id)
    expect(fresh.status).toBe(winner)
    expect(await carStatus(car.id)).toBe(winner === 'accepted' ? 'sale_pending' : 'active')
    // exactly one notification for the buyer about the outcome
    const outcome = (await notificationsOf(buyer.id)).filter((x) => x.data?.negotiation === n.id && ['offer_accepted', 'offer_rejected'].includes(x.type))
    expect(outcome).toHaveLength(1)
  })

  it('accepting one negotiation rejects the car’s other open ones and reserves the car, even when the seller accepts two at once', async () => {
    const car = await createCar({ seller: seller.id })
    const buyers = [buyer, buyer2, await createUser({ roles: ['buyer'] })]
    const ns = await Promise.all(buyers.map(async (b, i) => (await offer(b, { car: car.id, amount: 15000 + i * 100 })).body.doc))
    const other = await createCar({ seller: seller.id })
    const elsewhere = (await offer(buyer, { car: other.id, amount: 15000 })).body.doc

    const results = await Promise.all([act(seller, ns[0].id, 'accept'), act(seller, ns[1].id, 'accept')])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const docs = await payload.find({ collection: 'negotiations' as never, where: { car: { equals: car.id } }, depth: 0, overrideAccess: true, sort: 'id' })
    const statuses = (docs.docs as unknown as { status: string }[]).map((d) => d.status)
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'rejected')).toHaveLength(2)
    expect(await carStatus(car.id)).toBe('sale_pending')
    // other cars are untouched
    expect((await readNegotiation(elsewhere.id)).status).toBe('open')
    expect(await carStatus(other.id)).toBe('active')
    // the car is no longer open to offers
    expect((await offer(stranger, { car: car.id, amount: 20000 })).status).toBe(409)
  })

  it('concurrent duplicate offers by one buyer on one car: one 201, the rest 409', async () => {
    const car = await createCar({ seller: seller.id })
    const results = await Promise.all(Array.from({ length: 8 }, () => offer(buyer, { car: car.id, amount: 15000 })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(7)
    expect(await negotiationCount({ car: { equals: car.id }, buyer: { equals: buyer.id } })).toBe(1)
  })
})

describe('seller-private thresholds', () => {
  it('an offer at or above autoAcceptPrice is accepted at once; at or below autoDeclinePrice rejected at once', async () => {
    const carA = await createCar({ seller: seller.id, price: 20000, autoAcceptPrice: 19000, autoDeclinePrice: 12000 })
    const accepted = await offer(buyer, { car: carA.id, amount: 19000 })
    expect(accepted.status).toBe(201)
    expect(accepted.body.doc).toMatchObject({ status: 'accepted', agreedPrice: 19000 })
    expect(await carStatus(carA.id)).toBe('sale_pending')
    expect((await notificationsOf(buyer.id)).some((x) => x.type === 'offer_accepted' && x.data?.negotiation === accepted.body.doc.id)).toBe(true)

    const carB = await createCar({ seller: seller.id, price: 20000, autoAcceptPrice: 19000, autoDeclinePrice: 12000 })
    const declined = await offer(buyer, { car: carB.id, amount: 12000 })
    expect(declined.status).toBe(201)
    expect(declined.body.doc.status).toBe('rejected')
    expect(declined.body.doc.agreedPrice ?? null).toBeNull()
    expect(await carStatus(carB.id)).toBe('active')
    // the buyer hears of it, the seller is not bothered
    expect((await notificationsOf(buyer.id)).some((x) => x.type === 'offer_rejected' && x.data?.negotiation === declined.body.doc.id)).toBe(true)
    expect((await notificationsOf(seller.id)).some((x) => x.data?.negotiation === declined.body.doc.id)).toBe(false)

    // in between: stays open
    const middle = await offer(buyer2, { car: carB.id, amount: 15000 })
    expect(middle.body.doc.status).toBe('open')
  })

  it('the buyer’s counters are judged by the thresholds too', async () => {
    const car = await createCar({ seller: seller.id, price: 20000, autoAcceptPrice: 19000, autoDeclinePrice: 12000 })
    const n = (await offer(buyer, { car: car.id, amount: 15000 })).body.doc
    // the seller's own counter is never auto-judged
    const sc = await act(seller, n.id, 'counter', { amount: 19500 })
    expect(sc.body.doc).toMatchObject({ status: 'open', turn: 'buyer' })
    const bc = await act(buyer, n.id, 'counter', { amount: 19250 })
    expect(bc.status).toBe(200)
    expect(bc.body.doc).toMatchObject({ status: 'accepted', agreedPrice: 19250 })
    expect(await carStatus(car.id)).toBe('sale_pending')

    const car2 = await createCar({ seller: seller.id, price: 20000, autoAcceptPrice: 19000, autoDeclinePrice: 12000 })
    const m = (await offer(buyer, { car: car2.id, amount: 15000 })).body.doc
    await act(seller, m.id, 'counter', { amount: 18000 })
    const low = await act(buyer, m.id, 'counter', { amount: 11999.99 })
    expect(low.body.doc.status).toBe('rejected')
  })

  it('thresholds never reach the buyer: car reads (REST, GraphQL) and negotiation responses', async () => {
    const car = await createCar({ seller: seller.id, price: 20000, autoAcceptPrice: 19876, autoDeclinePrice: 12345 })
    const opened = await offer(buyer, { car: car.id, amount: 15000 })
    const countered = await act(seller, opened.body.doc.id, 'counter', { amount: 19000 })
    const bodies = [
      opened.body,
      countered.body,
      (await call('GET', `/cars/${car.id}`, buyer)).body,
      (await call('GET', `/cars/${car.id}`)).body,
      (await call('GET', `/negotiations/${opened.body.doc.id}?depth=2`, buyer)).body,
      (await call('GET', '/negotiations?depth=2&limit=100', buyer)).body,
      (await call('POST', '/graphql', buyer, { query: `{ Negotiations(limit: 100) { docs { id car { id title price } } } Car(id: ${car.id}) { id title autoAcceptPrice autoDeclinePrice } }` })).body,
    ]
    for (const b of bodies) {
      const text = JSON.stringify(b)
      expect(text).not.toContain('19876')
      expect(text).not.toContain('12345')
    }
    const carRead = (await call('GET', `/cars/${car.id}`, buyer)).body
    expect(carRead.title).toBeDefined()
    expect(carRead.autoAcceptPrice).toBeUndefined()
    expect(carRead.autoDeclinePrice).toBeUndefined()
    // the seller does see them
    const own = (await call('GET', `/cars/${car.id}`, seller)).body
    expect(own.autoAcceptPrice).toBe(19876)
  })
})
