/**
 * Parking bookings through the real REST handlers: capacity per instant under concurrency, shifted windows,
 * opening hours, pricing, GraphQL create, availability blocks.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, post } from '../../helpers/api'
import { BASE, H, HOUR, type ParkingCast, parkingCast } from '../../helpers/parking'
import { registerRealtime } from '../../../src/realtime/bus'
import { freePinsStatement } from '../../../src/db/parking'
import { dbOf, sql } from '../../../src/db/transaction'
import { queryCallsBy, statementsSentBy } from '../../helpers/sql'
import type { TestUser } from '../../helpers/users'

let payload: Payload
let owner: TestUser
let otherOwner: TestUser
let driver: TestUser
let admin: TestUser
let vehicle: number
let strangerVehicle: number
let makeSpot: ParkingCast['makeSpot']
let book: ParkingCast['book']

const countBookings = async (spot: number, status?: string) =>
  (
    await payload.count({
      collection: 'parking-bookings' as never,
      where: { spot: { equals: spot }, ...(status ? { status: { equals: status } } : {}) },
      overrideAccess: true,
    })
  ).totalDocs

beforeAll(async () => {
  ;({ payload, owner, otherOwner, driver, admin, vehicle, strangerVehicle, makeSpot, book } = await parkingCast())
})

describe('POST /api/parking-bookings', () => {
  it('creates a pending booking with server-computed cost, QR code and 4-digit PIN; client-sent fields are ignored', async () => {
    const spot = await makeSpot({ price: 2.5 })
    const res = await book(spot.id, H(0), new Date(BASE + 2 * HOUR + 60_000).toISOString(), {
      extra: { status: 'active', totalCost: 0.01, qrCode: 'mine', pin: '0000', paymentStatus: 'paid' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ status: 'pending', totalCost: 7.5, currency: 'USD', paymentStatus: 'pay_on_site', spot: spot.id, vehicle, user: driver.id })
    expect(res.body.pin).toMatch(/^\d{4}$/)
    expect(res.body.qrCode).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(res.body.qrCode).not.toBe('mine')
  })

  it('refuses bad input with 400 naming the field and writes nothing', async () => {
    const spot = await makeSpot()
    const cases = [
      [await book(spot.id, H(2), H(1)), 'endTime'],
      [await book(spot.id, H(2), H(2)), 'endTime'],
      [await book(spot.id, new Date(Date.now() - 2 * HOUR).toISOString(), H(1)), 'startTime'],
      [await book(spot.id, 'not a date', H(1)), 'startTime'],
      [await book(spot.id, H(1), H(2), { vehicle: 987654 }), 'vehicle'],
      [await post('/parking-bookings', { spot: spot.id, startTime: H(1), endTime: H(2) }, { token: driver.token }), 'vehicle'],
    ] as const
    for (const [res, field] of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(JSON.stringify(res.body.errors)).toContain(field)
    }
    expect(await countBookings(spot.id)).toBe(0)
  })

  it("someone else's vehicle → 403, anonymous → 401; nothing written", async () => {
    const spot = await makeSpot()
    expect((await book(spot.id, H(1), H(2), { vehicle: strangerVehicle })).status).toBe(403)
    expect((await post('/parking-bookings', { spot: spot.id, vehicle, startTime: H(1), endTime: H(2) })).status).toBe(401)
    expect(await countBookings(spot.id)).toBe(0)
  })

  it('50 concurrent bookings of one window on a 3-slot spot: exactly 3 succeed, 47 get 409, the DB holds 3', async () => {
    const spot = await makeSpot({ totalSlots: 3 })
    const results = await Promise.all(Array.from({ length: 50 }, () => book(spot.id, H(10), H(12))))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(47)
    expect(await countBookings(spot.id)).toBe(3)
    const pins = results.filter((r) => r.status === 201).map((r) => r.body.pin)
    expect(new Set(pins).size).toBe(3) // PINs unique among a spot's live bookings
    const full = results.find((r) => r.status === 409)!
    expect(full.body.errors[0].data).toMatchObject({ availableSlots: 0 })
  })

  it("PINs: a spot whose holding bookings use every PIN but one gets that one; the spot's PINs are read only then", async () => {
    const spot = await makeSpot({ totalSlots: 1 })
    const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
    // 9,999 holding bookings a year ahead (no capacity conflict with the window below), every PIN but 5000
    await dbOf(payload).execute(sql`
      insert into parking_bookings (user_id, spot_id, spot_owner_id, vehicle_id, start_time, end_time, status, total_cost, currency,
        qr_code, pin, payment_status, refund_amount, updated_at, created_at)
      select ${driver.id}, ${spot.id}, ${owner.id}, ${vehicle}, ${future(365)}::timestamptz + g * interval '1 hour',
        ${future(365)}::timestamptz + g * interval '1 hour' + interval '30 minutes', 'pending', 1, 'USD',
        'pin-test-' || ${spot.id} || '-' || g, lpad(g::text, 4, '0'), 'pay_on_site', 0, now(), now()
      from generate_series(0, 9999) g where g <> 5000`)
    const sent = await statementsSentBy(async () => {
      const res = await book(spot.id, H(1), H(2))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.pin).toBe('5000')
    })
    // the candidates were all taken, so the spot's PINs were read once, after the lock's write
    expect(sent.filter((s) => s.startsWith('select pin from parking_bookings'))).toHaveLength(1)
    // the candidates' check probes the (spot, pin) index once per candidate: it reads none of the 9,999 other PINs
    const explained = await dbOf(payload).execute(sql`explain (analyze, format json) ${freePinsStatement(spot.id, ['0001', '0002', '5000'])}`)
    const plan = JSON.stringify(explained.rows[0])
    expect(plan).toMatch(/"Index Name":"parking_bookings_spot_pin_idx"/)
    expect(plan).toMatch(/"Index Cond":"\(\(spot_id = [^"]*\) AND \(\(?pin\)?(::text)? = c\.pin\)\)"/)
    const rowsRead = [...plan.matchAll(/"Actual Rows":([\d.]+)/g)].map((m) => Number(m[1]))
    expect(Math.max(...rowsRead)).toBeLessThanOrEqual(3)
    // with every PIN taken, a booking that fits is refused with a clear error and nothing is written
    const full = await book(spot.id, H(3), H(4))
    expect(full.status, JSON.stringify(full.body)).toBe(409)
    expect(full.body.errors[0].message).toMatch(/PIN/)
    expect(await countBookings(spot.id)).toBe(10_000)
  })

  it('counts per instant: 10–12 and 12–14 do not conflict; 11–13 conflicts with both at capacity 1', async () => {
    const spot = await makeSpot({ totalSlots: 1 })
    expect((await book(spot.id, H(10), H(12))).status).toBe(201)
    expect((await book(spot.id, H(12), H(14))).status).toBe(201)
    expect((await book(spot.id, H(11), H(13))).status).toBe(409)
    expect((await book(spot.id, H(9), H(10))).status).toBe(201)
    expect(await countBookings(spot.id)).toBe(3)
    const avail = await get(`/parking-spots/${spot.id}/availability?start=${H(11)}&end=${H(13)}`)
    expect(avail.body).toMatchObject({ totalSlots: 1, availableSlots: 0 })
  })

  it('a shifted window fits where a naive overlap count would refuse (capacity 2)', async () => {
    const spot = await makeSpot({ totalSlots: 2 })
    expect((await book(spot.id, H(8), H(10))).status).toBe(201)
    expect((await book(spot.id, H(10), H(12))).status).toBe(201)
    // 9–11 overlaps two bookings, but only one at any instant: it fits.
    expect((await book(spot.id, H(9), H(11))).status).toBe(201)
    // Now two slots are taken during 9–10 and 10–11.
    expect((await book(spot.id, H(9), H(11))).status).toBe(409)
    expect((await book(spot.id, H(8), H(12))).status).toBe(409)
    expect((await book(spot.id, H(11), H(12))).status).toBe(201)
    expect(await countBookings(spot.id)).toBe(4)
  })

  it('cancelled bookings free their slot', async () => {
    const spot = await makeSpot({ totalSlots: 1 })
    const first = await book(spot.id, H(30), H(32))
    expect((await book(spot.id, H(30), H(32))).status).toBe(409)
    expect((await post(`/parking-bookings/${first.body.id}/cancel`, {}, { token: driver.token })).status).toBe(200)
    expect((await book(spot.id, H(30), H(32))).status).toBe(201)
  })

  it('respects opening hours (400 outside) in the spot time zone', async () => {
    const spot = await makeSpot({
      timezone: 'UTC',
      openingHours: { alwaysOpen: false, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, open: '08:00', close: '20:00' })) },
    })
    const day = new Date(BASE)
    day.setUTCHours(0, 0, 0, 0)
    const at = (h: number) => new Date(day.getTime() + 86_400_000 + h * HOUR).toISOString()
    const early = await book(spot.id, at(7), at(9))
    expect(early.status).toBe(400)
    expect(JSON.stringify(early.body.errors)).toContain('startTime')
    const late = await book(spot.id, at(19), at(21))
    expect(late.status).toBe(400)
    expect(JSON.stringify(late.body.errors)).toContain('endTime')
    expect((await book(spot.id, at(8), at(20))).status).toBe(201)
    expect(await countBookings(spot.id)).toBe(1)
  })

  it('an inactive spot takes no bookings', async () => {
    const spot = await makeSpot({ active: false })
    expect((await book(spot.id, H(1), H(2))).status).toBe(409)
  })

  it('prices per hour, day and month (30 days)', async () => {
    const daily = await makeSpot({ price: 20, priceType: 'day' })
    const d = await book(daily.id, H(0), H(25))
    expect(d.body.totalCost).toBe(40)
    const monthly = await makeSpot({ price: 299.99, priceType: 'month' })
    const m = await book(monthly.id, H(0), H(31 * 24))
    expect(m.body.totalCost).toBe(599.98)
    const hourly = await makeSpot({ price: 0.1, priceType: 'hour' })
    expect((await book(hourly.id, H(0), H(3))).body.totalCost).toBe(0.3)
  })

  /** Books an hour on a new spot while `watch` records what reaches PostgreSQL; the booking must succeed. */
  async function watchedBooking<T>(watch: (run: () => Promise<void>) => Promise<T>): Promise<T> {
    const spot = await makeSpot({ totalSlots: 5 })
    let res: Awaited<ReturnType<typeof book>> | undefined
    const seen = await watch(async () => {
      res = await book(spot.id, H(30), H(31))
    })
    expect(res?.status, JSON.stringify(res?.body)).toBe(201)
    return seen
  }

  it('a booking reads only the columns it uses: no whole spot, vehicle, settings or recipient (18 statements)', async () => {
    const statements = await watchedBooking(statementsSentBy)
    // the spot owner was told (notification), the spot's room got its figures (live.ts): the whole create is here
    expect(statements.some((s) => /insert into "?notifications"? \(/.test(s))).toBe(true)
    const wide = statements.filter((s) => /"parking_spots"\."name"|"vehicles"\."?license_plate|"site_settings"\."?contact_email|"users"\."first_name"/.test(s))
    expect(wide).toEqual([])
    // The owner's recipient is read in the spot lock's write (the writes test below), never after the booking's insert:
    // the lock is held to the commit.
    const inserted = statements.findIndex((s) => s.startsWith('insert into "parking_bookings"'))
    expect(inserted).toBeGreaterThan(0)
    expect(statements.filter((s) => /push_subscriptions|"users"\."phone"/.test(s))).toHaveLength(2)
    expect(statements.slice(inserted).filter((s) => /push_subscriptions|"users"\."phone"/.test(s))).toEqual([])
    // 22 until the notification (row, English texts, read-back, Arabic texts) became one statement; 19 until the
    // booking's own read-back went (a flat document is the row its insert returned: the drizzle patch's upsertRow).
    expect(statements.filter((s) => / as doc from "?parking_bookings"?/.test(s))).toEqual([])
    // the PIN: the candidates checked in the lock's write (an index probe each), not every PIN of the spot read
    expect(statements.filter((s) => s.trimStart().startsWith('select c.pin from unnest('))).toHaveLength(1)
    expect(statements.filter((s) => s.startsWith('select pin from parking_bookings'))).toEqual([])
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(18)
  })

  it('a booking goes to PostgreSQL in 7 writes: the reads issued together, the begin with the first, the lock with what it guards', async () => {
    const calls = await watchedBooking(queryCallsBy)
    // auth check; begin + currency + spot + vehicle; the owner's fields + push subscriptions with the lock + occupancy
    // + PINs; insert (returning the booking: no read-back); the owner's notification with the live figures (the spot,
    // now's occupancy and the booking window's: hooks/alongside.ts); commit; the email's status after it — 18
    // statements with each alone
    expect(calls.length, JSON.stringify(calls)).toBeLessThanOrEqual(7)
    expect(calls.filter((c) => c.pipeline).map((c) => c.statements)).toEqual([4, 5, 4])
  })

  it("live figures of a booking days ahead: now's and the window's, each from its own read", async () => {
    const spot = await makeSpot({ totalSlots: 2 })
    // a month-long booking holds a slot now and during the later window
    const long = await book(spot.id, new Date(Date.now() + 5_000).toISOString(), new Date(Date.now() + 30 * 86_400_000).toISOString())
    expect(long.status, JSON.stringify(long.body)).toBe(201)
    const events: { room: string; event: string; payload: Record<string, unknown> }[] = []
    registerRealtime({ to: (room) => ({ emit: (event, payload) => events.push({ room, event, payload: payload as Record<string, unknown> }) }) })
    try {
      // "now" (the minute from the emit on) overlaps the long booking, which starts 5 s after it was asked for
      const later = await book(spot.id, H(120), H(121))
      expect(later.status, JSON.stringify(later.body)).toBe(201)
    } finally {
      registerRealtime(null)
    }
    const figures = events.filter((e) => e.event === 'spot:availability-update' && e.room === `spot:${spot.id}`)
    expect(figures).toHaveLength(1)
    // now: the long booking holds 1 of 2; the window: the long booking and the new one hold both
    expect(figures[0].payload).toMatchObject({ spotId: spot.id, totalSlots: 2, availableNow: 1, window: { start: H(120), end: H(121), availableSlots: 0 } })
  })

  it('GraphQL create runs the same capacity path and cannot set server fields', async () => {
    const spot = await makeSpot({ totalSlots: 1 })
    const mutation = `mutation($data: mutationParkingBookingInput!) { createParkingBooking(data: $data) { id status totalCost pin } }`
    const data = { spot: spot.id, vehicle, startTime: H(1), endTime: H(2) }
    const first = await gql(mutation, { data }, { token: driver.token })
    expect(first.body.errors, JSON.stringify(first.body)).toBeUndefined()
    expect(first.body.data.createParkingBooking).toMatchObject({ status: 'pending', totalCost: 5 })
    const second = await gql(mutation, { data }, { token: driver.token })
    expect(second.body.errors?.length).toBeGreaterThan(0)
    expect(await countBookings(spot.id)).toBe(1)
  })
})

describe('availability blocks', () => {
  it('a block of 2 slots on a 3-slot spot leaves 1 (availability endpoint and booking)', async () => {
    const spot = await makeSpot({ totalSlots: 3 })
    const block = await post('/availability-blocks', { spot: spot.id, startTime: H(0), endTime: H(5), type: 'maintenance', slotsAffected: 2, reason: 'Paint' }, { token: owner.token })
    expect(block.status, JSON.stringify(block.body)).toBe(201)
    expect(block.body.doc.createdBy).toMatchObject({ id: owner.id })
    const avail = await get(`/parking-spots/${spot.id}/availability?start=${H(1)}&end=${H(2)}`)
    expect(avail.status).toBe(200)
    expect(avail.body).toMatchObject({ totalSlots: 3, availableSlots: 1 })
    const outside = await get(`/parking-spots/${spot.id}/availability?start=${H(5)}&end=${H(6)}`)
    expect(outside.body.availableSlots).toBe(3)
    expect((await book(spot.id, H(1), H(2))).status).toBe(201)
    expect((await book(spot.id, H(1), H(2))).status).toBe(409)
    expect((await book(spot.id, H(5), H(6))).status).toBe(201)
  })

  it('a block that would push any instant over capacity → 409, nothing written', async () => {
    const spot = await makeSpot({ totalSlots: 3 })
    expect((await book(spot.id, H(2), H(4))).status).toBe(201)
    expect((await book(spot.id, H(3), H(5))).status).toBe(201)
    // 2 slots busy at 3–4: a 2-slot block over 0–6 does not fit; over 0–3 it does (peak 1 there).
    const over = await post('/availability-blocks', { spot: spot.id, startTime: H(0), endTime: H(6), slotsAffected: 2 }, { token: owner.token })
    expect(over.status).toBe(409)
    const ok = await post('/availability-blocks', { spot: spot.id, startTime: H(0), endTime: H(3), slotsAffected: 2 }, { token: owner.token })
    expect(ok.status).toBe(201)
    const tooMany = await post('/availability-blocks', { spot: spot.id, startTime: H(10), endTime: H(11), slotsAffected: 4 }, { token: owner.token })
    expect(tooMany.status).toBe(400)
    const blocks = await payload.count({ collection: 'availability-blocks' as never, where: { spot: { equals: spot.id } }, overrideAccess: true })
    expect(blocks.totalDocs).toBe(1)
  })

  it("only the spot's owner (or an admin) may block it", async () => {
    const spot = await makeSpot()
    const data = { spot: spot.id, startTime: H(0), endTime: H(1), slotsAffected: 1 }
    expect((await post('/availability-blocks', data, { token: otherOwner.token })).status).toBe(403)
    expect((await post('/availability-blocks', data, { token: driver.token })).status).toBe(403)
    expect((await post('/availability-blocks', data, { token: admin.token })).status).toBe(201)
    const mine = await get('/availability-blocks', { token: otherOwner.token })
    expect(mine.body.docs.filter((b: { spot: { id: number } }) => b.spot.id === spot.id)).toHaveLength(0)
  })
})
