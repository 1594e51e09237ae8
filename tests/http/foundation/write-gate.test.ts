/**
 * The write gate (src/http/write-gate.ts) on the real server: with one slot, a write waits while another runs and
 * then goes in its turn, reads and GraphQL queries do not wait, a GraphQL mutation does; a write calling out of the
 * process (Stripe, held by the stand-in) frees its slot; without a limit, writes do not wait for each other.
 *
 * A parking booking is held inside PostgreSQL by the test taking the spot's lock first (the booking's own advisory
 * lock), so "running" and "waiting" are states the test sets, not timings.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SPOT_LOCK } from '../../../src/db/parking'
import type { RunningServer } from '../../../src/server'
import { H } from '../../helpers/parking'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { startStripeStandin, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, createPart } from '../../int/commerce/fixtures'

let gated: RunningServer
let open: RunningServer
let stripe: StripeStandin
let owner: TestUser
let driver: TestUser
let vehicle: number

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_write_gate'
  process.env.STRIPE_WEBHOOKS_SECRET = 'whsec_write_gate'
  process.env.STRIPE_API_BASE = stripe.url
  await testPayload()
  gated = await startTestServer({ realtime: false, writeConcurrency: 1 })
  open = await startTestServer({ realtime: false, writeConcurrency: 0 })
  ;[owner, driver] = await Promise.all([createUser({ roles: ['parking_owner'] }), createUser({ roles: ['buyer'] })])
  const v = await http(gated.url, 'POST', '/api/vehicles', { token: driver.token, body: { licensePlate: 'gate 101', make: 'Toyota', model: 'Yaris' } })
  expect(v.status, JSON.stringify(v.body)).toBe(201)
  vehicle = v.body.doc.id
})

afterAll(async () => {
  await gated?.close()
  await open?.close()
  await stripe?.close()
})

async function spot(name: string): Promise<number> {
  const res = await http(gated.url, 'POST', '/api/parking-spots', {
    token: owner.token,
    body: { name, city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 3, price: 5, priceType: 'hour' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

const book = (server: RunningServer, spotId: number, hour: number) =>
  http(server.url, 'POST', '/api/parking-bookings?depth=0', { token: driver.token, body: { spot: spotId, vehicle, startTime: H(hour), endTime: H(hour + 1) } })

/** A connection of the test's own holding a spot's booking lock until `release()`. */
async function holdSpot(spotId: number) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  await client.query('begin')
  await client.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [SPOT_LOCK, String(spotId)])
  let held = true
  return {
    /** Commits and disconnects, once. */
    release: async () => {
      if (!held) return
      held = false
      await client.query('commit')
      await client.end()
    },
  }
}

/** Backends of this database waiting for an advisory lock (a booking held by {@link holdSpot}). */
async function waitingForLock(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const res = await client.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`)
    return res.rows[0].n
  } finally {
    await client.end()
  }
}

describe('the write gate', () => {
  it('with one slot, a second write waits for the first and then runs; reads and GraphQL queries pass, a mutation waits', async () => {
    const [held, free] = [await spot('Gate held'), await spot('Gate free')]
    const lock = await holdSpot(held)
    try {
      const done: string[] = []
      const first = book(gated, held, 1).then((res) => (done.push('first'), res))
      await expect.poll(waitingForLock).toBe(1)
      expect(gated.writeGate).toMatchObject({ limit: 1, active: 1, waiting: 0 })

      const second = book(gated, free, 1).then((res) => (done.push('second'), res))
      await expect.poll(() => gated.writeGate.waiting).toBe(1)
      const mutation = http(gated.url, 'POST', '/api/graphql', {
        token: driver.token,
        body: { query: `mutation { updateVehicle(id: ${vehicle}, data: { color: "blue" }) { id color } }` },
      }).then((res) => (done.push('mutation'), res))
      await expect.poll(() => gated.writeGate.waiting).toBe(2)

      // reads are not gated: they answer while both writes wait
      const read = await http(gated.url, 'GET', `/api/parking-spots/${free}?depth=0`)
      expect(read.status).toBe(200)
      const query = await http(gated.url, 'POST', '/api/graphql', { token: driver.token, body: { query: `{ Vehicle(id: ${vehicle}) { id licensePlate } }` } })
      expect(query.status).toBe(200)
      expect(query.body.data.Vehicle.id).toBe(vehicle)
      expect(done).toEqual([])
      expect(gated.writeGate).toMatchObject({ active: 1, waiting: 2 })

      await lock.release()
      const [a, b, m] = await Promise.all([first, second, mutation])
      expect(a.status, JSON.stringify(a.body)).toBe(201)
      expect(b.status, JSON.stringify(b.body)).toBe(201)
      expect(m.status).toBe(200)
      expect(m.body.data.updateVehicle.color).toBe('blue')
      // in the order they came
      expect(done).toEqual(['first', 'second', 'mutation'])
    } finally {
      // a failed expectation above must not leave the booking held in the database
      await lock.release()
    }
    expect(gated.writeGate).toMatchObject({ active: 0, waiting: 0 })
  })

  it('without a limit, a write does not wait for one held in the database', async () => {
    const [held, free] = [await spot('Open held'), await spot('Open free')]
    const lock = await holdSpot(held)
    try {
      const first = book(open, held, 2)
      await expect.poll(waitingForLock).toBe(1)
      const second = await book(open, free, 2)
      expect(second.status, JSON.stringify(second.body)).toBe(201)
      expect(await waitingForLock()).toBe(1)
      await lock.release()
      expect((await first).status).toBe(201)
    } finally {
      await lock.release()
    }
  })

  it('a write calling out of the process (Stripe holding its answer) frees its slot: the next write runs meanwhile', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const buyer = await createUser()
    const part = await createPart(seller.id, { price: 10, stockQuantity: 5 })
    expect((await http(gated.url, 'POST', '/api/carts/mine/items', { token: buyer.token, body: { part: part.id, quantity: 1 } })).status).toBe(200)

    const slow = stripe.holdNext('POST', /^\/v1\/payment_intents$/)
    const checkout = http(gated.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'card' } })
    try {
      await slow.arrived
      // the checkout still runs (Stripe has not answered) but holds no slot
      expect(gated.writeGate).toMatchObject({ limit: 1, active: 0, waiting: 0 })
      const booked = await book(gated, await spot('Gate while Stripe waits'), 3)
      expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    } finally {
      slow.release()
    }
    const res = await checkout
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.payment).toMatchObject({ provider: 'stripe', status: 'requires_payment' })
    expect(gated.writeGate).toMatchObject({ active: 0, waiting: 0 })
  })
})
