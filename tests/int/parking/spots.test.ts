/**
 * Vehicles, amenities, parking spots, nearby search, availability and the owner dashboard through the real
 * REST handlers.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { del, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { queryCallsBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let owner: TestUser
let driver: TestUser
let other: TestUser
let admin: TestUser

const HOUR = 3_600_000
const BASE = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR
const H = (n: number) => new Date(BASE + n * HOUR).toISOString()

// Dubai Mall area; offsets of ~1 km, ~5 km, ~20 km north.
const CENTER = { lat: 25.1972, lng: 55.2744 }
const north = (km: number) => CENTER.lat + km / 111.2

async function makeSpot(data: Record<string, unknown> = {}, token = owner.token) {
  const res = await post('/parking-spots', { name: 'Spot', city: 'Dubai', latitude: CENTER.lat, longitude: CENTER.lng, totalSlots: 2, price: 5, priceType: 'hour', ...data }, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; owner: { id: number } | number }
}

beforeAll(async () => {
  payload = await testPayload()
  ;[owner, driver, other, admin] = await Promise.all([createUser({ roles: ['parking_owner'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['admin'] })])
})

describe('vehicles', () => {
  it('normalizes plates, keeps them unique per owner, and keeps one default per owner', async () => {
    const first = await post('/vehicles', { licensePlate: ' dxb-a 1234 ', make: 'Nissan', model: 'Patrol', year: 2022 }, { token: driver.token })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.doc).toMatchObject({ licensePlate: 'DXBA1234', isDefault: true, owner: expect.objectContaining({ id: driver.id }) })

    const dup = await post('/vehicles', { licensePlate: 'DXB A1234' }, { token: driver.token })
    expect(dup.status).toBe(400)
    expect(JSON.stringify(dup.body.errors)).toContain('licensePlate')
    // Another owner may register the same plate.
    expect((await post('/vehicles', { licensePlate: 'DXBA1234' }, { token: other.token })).status).toBe(201)

    const second = await post('/vehicles', { licensePlate: 'SHJ 5', isDefault: true }, { token: driver.token })
    expect(second.body.doc.isDefault).toBe(true)
    const mine = await get('/vehicles?sort=id', { token: driver.token })
    expect(mine.body.docs.map((v: { licensePlate: string; isDefault: boolean }) => [v.licensePlate, v.isDefault])).toEqual([
      ['DXBA1234', false],
      ['SHJ5', true],
    ])
    // Switching back through PATCH unsets the other one in the same transaction.
    expect((await patch(`/vehicles/${first.body.doc.id}`, { isDefault: true }, { token: driver.token })).status).toBe(200)
    const defaults = await payload.find({ collection: 'vehicles' as never, where: { owner: { equals: driver.id }, isDefault: { equals: true } }, overrideAccess: true })
    expect(defaults.docs.map((d) => (d as { id: number }).id)).toEqual([first.body.doc.id])
  })

  it('owners see and edit only their own vehicles; the owner cannot be forged', async () => {
    const v = await post('/vehicles', { licensePlate: 'AUH 42', owner: other.id }, { token: driver.token })
    expect(v.body.doc.owner.id).toBe(driver.id)
    expect((await get(`/vehicles/${v.body.doc.id}`, { token: other.token })).status).toBe(404)
    expect([403, 404]).toContain((await patch(`/vehicles/${v.body.doc.id}`, { color: 'red' }, { token: other.token })).status)
    expect([403, 404]).toContain((await del(`/vehicles/${v.body.doc.id}`, { token: other.token })).status)
    const stored = await payload.findByID({ collection: 'vehicles' as never, id: v.body.doc.id, overrideAccess: true })
    expect((stored as { color?: string | null }).color ?? null).toBeNull()
    expect((await get(`/vehicles/${v.body.doc.id}`, { token: admin.token })).status).toBe(200)
    expect((await get('/vehicles')).status).toBe(403)
  })
})

describe('amenities', () => {
  it('are public and localized; only admins write them', async () => {
    const created = await post('/amenities', { name: 'Shade', slug: 'shade', icon: 'sun' }, { token: admin.token })
    expect(created.status).toBe(201)
    await patch(`/amenities/${created.body.doc.id}?locale=ar`, { name: 'مظلة' }, { token: admin.token })
    expect((await get(`/amenities/${created.body.doc.id}?locale=ar`)).body.name).toBe('مظلة')
    expect((await get(`/amenities/${created.body.doc.id}`)).body.name).toBe('Shade')
    expect((await post('/amenities', { name: 'X', slug: 'x' }, { token: owner.token })).status).toBe(403)
  })
})

describe('parking spots', () => {
  it('only parking owners and admins create spots; the owner is stamped', async () => {
    expect((await post('/parking-spots', { name: 'Nope', latitude: 1, longitude: 1, totalSlots: 1, price: 1 }, { token: driver.token })).status).toBe(403)
    const spot = await makeSpot({ owner: admin.id })
    expect(spot.owner).toMatchObject({ id: owner.id })
    // An admin may assign a spot to a parking owner, but not to a buyer.
    const forBuyer = await post('/parking-spots', { name: 'Buyer lot', latitude: 1, longitude: 1, totalSlots: 1, price: 1, owner: driver.id }, { token: admin.token })
    expect(forBuyer.status).toBe(400)
    expect(JSON.stringify(forBuyer.body.errors)).toContain('owner')
  })

  it('validates slots, price and opening hours (400, nothing written)', async () => {
    const before = (await payload.count({ collection: 'parking-spots' as never, overrideAccess: true })).totalDocs
    const bad = [
      { totalSlots: 0 },
      { totalSlots: 1.5 },
      { price: -1 },
      { price: 1.234 },
      { priceType: 'week' },
      { latitude: 91 },
      { timezone: 'Mars/Olympus' },
      { openingHours: { alwaysOpen: false, days: [] } },
      { openingHours: { alwaysOpen: false, days: [{ day: 'mon', open: '25:00', close: '10:00' }] } },
    ]
    for (const data of bad) {
      const res = await post('/parking-spots', { name: 'Bad', latitude: 1, longitude: 1, totalSlots: 1, price: 1, ...data }, { token: owner.token })
      expect(res.status, JSON.stringify(data)).toBe(400)
    }
    expect((await payload.count({ collection: 'parking-spots' as never, overrideAccess: true })).totalDocs).toBe(before)
  })

  it('public reads see active spots only; the owner sees their inactive ones', async () => {
    const hidden = await makeSpot({ name: 'Hidden', active: false })
    expect((await get(`/parking-spots/${hidden.id}`)).status).toBe(404)
    expect((await get(`/parking-spots/${hidden.id}`, { token: driver.token })).status).toBe(404)
    expect((await get(`/parking-spots/${hidden.id}`, { token: owner.token })).status).toBe(200)
    expect((await get(`/parking-spots/${hidden.id}/availability?start=${H(0)}&end=${H(1)}`)).status).toBe(404)
    const visible = await makeSpot({ name: 'Visible' })
    expect((await get(`/parking-spots/${visible.id}`)).status).toBe(200)
    expect((await patch(`/parking-spots/${visible.id}`, { price: 1 }, { token: driver.token })).status).toBe(403)
  })

  it('totalSlots cannot drop below what is already booked (409)', async () => {
    const spot = await makeSpot({ totalSlots: 2 })
    const v = await post('/vehicles', { licensePlate: `CAP ${spot.id}` }, { token: driver.token })
    for (let i = 0; i < 2; i++) {
      const b = await post('/parking-bookings', { spot: spot.id, vehicle: v.body.doc.id, startTime: H(1), endTime: H(2) }, { token: driver.token })
      expect(b.status).toBe(201)
    }
    expect((await patch(`/parking-spots/${spot.id}`, { totalSlots: 1 }, { token: owner.token })).status).toBe(409)
    expect((await patch(`/parking-spots/${spot.id}`, { totalSlots: 5 }, { token: owner.token })).status).toBe(200)
    expect((await del(`/parking-spots/${spot.id}`, { token: owner.token })).status).not.toBe(200)
  })
})

describe('availability and nearby', () => {
  it('availability requires a valid window', async () => {
    const spot = await makeSpot()
    expect((await get(`/parking-spots/${spot.id}/availability`)).status).toBe(400)
    expect((await get(`/parking-spots/${spot.id}/availability?start=${H(2)}&end=${H(1)}`)).status).toBe(400)
    expect((await get(`/parking-spots/999999/availability?start=${H(0)}&end=${H(1)}`)).status).toBe(404)
    expect((await get(`/parking-spots/${spot.id}/availability?start=${H(0)}&end=${H(1)}`)).body).toMatchObject({ totalSlots: 2, availableSlots: 2 })
  })

  it('nearby respects the radius and orders by distance, with availableSlots for the window', async () => {
    const lng = CENTER.lng + 3 // far from the other tests' spots
    const far = await makeSpot({ name: 'Far', latitude: north(20), longitude: lng })
    const mid = await makeSpot({ name: 'Mid', latitude: north(5), longitude: lng, totalSlots: 1 })
    const near = await makeSpot({ name: 'Near', latitude: north(1), longitude: lng })
    await makeSpot({ name: 'Near but inactive', latitude: north(0.5), longitude: lng, active: false })
    const v = await post('/vehicles', { licensePlate: 'NEAR 1' }, { token: driver.token })
    expect((await post('/parking-bookings', { spot: mid.id, vehicle: v.body.doc.id, startTime: H(1), endTime: H(2) }, { token: driver.token })).status).toBe(201)

    const res = await get(`/parking-spots/nearby?lat=${CENTER.lat}&lng=${lng}&radiusKm=10&start=${H(1)}&end=${H(3)}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([near.id, mid.id])
    const [n, m] = res.body.docs
    expect(n.distanceKm).toBeGreaterThan(0.9)
    expect(n.distanceKm).toBeLessThan(1.1)
    expect(m.distanceKm).toBeGreaterThan(4.9)
    expect(m.distanceKm).toBeLessThan(5.1)
    expect(n.availableSlots).toBe(2)
    expect(m.availableSlots).toBe(0)

    const wide = await get(`/parking-spots/nearby?lat=${CENTER.lat}&lng=${lng}&radiusKm=25`)
    expect(wide.body.docs.map((d: { id: number }) => d.id)).toEqual([near.id, mid.id, far.id])
    expect(wide.body.docs[1].availableSlots).toBe(1) // default window: the next hour

    // the spots' documents and their occupancy in one write (with the users' read rule for the owners), the owners after
    const calls = await queryCallsBy(async () => {
      const again = await get(`/parking-spots/nearby?lat=${CENTER.lat}&lng=${lng}&radiusKm=10&start=${H(1)}&end=${H(3)}`)
      expect(again.body.docs.map((d: { availableSlots: number }) => d.availableSlots)).toEqual([2, 0])
    })
    expect(calls).toEqual([
      { statements: 1, pipeline: false },
      { statements: 3, pipeline: true },
      { statements: 1, pipeline: false },
    ])

    expect((await get(`/parking-spots/nearby?lat=200&lng=${lng}`)).status).toBe(400)
    expect((await get(`/parking-spots/nearby?lng=${lng}`)).status).toBe(400)
    expect((await get(`/parking-spots/nearby?lat=1&lng=1&radiusKm=0`)).status).toBe(400)
  })

  it('the distance filter can use the GiST index', async () => {
    const drizzle = (payload.db as any).drizzle
    const { sql } = await import('@payloadcms/db-postgres')
    const plan = await drizzle.transaction(async (tx: { execute: (q: unknown) => Promise<{ rows: Record<string, string>[] }> }) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      const r = await tx.execute(sql`explain select id from parking_spots where active = true
        and earth_box(ll_to_earth(25.2, 55.27), 10000) @> ll_to_earth(latitude::float8, longitude::float8)`)
      return r.rows.map((row) => Object.values(row)[0]).join('\n')
    })
    expect(plan).toContain('parking_spots_earth_gist')
  })
})

describe('owner dashboard', () => {
  it('GET /api/analytics/parking-owner: bookings, revenue and occupancy per spot of the caller', async () => {
    const dashOwner = await createUser({ roles: ['parking_owner'] })
    const a = await makeSpot({ name: 'A', totalSlots: 2, price: 10 }, dashOwner.token)
    const b = await makeSpot({ name: 'B', totalSlots: 1, price: 3 }, dashOwner.token)
    const v = await post('/vehicles', { licensePlate: 'DASH 1' }, { token: driver.token })
    const mk = (spot: number, s: number, e: number) => post('/parking-bookings', { spot, vehicle: v.body.doc.id, startTime: H(s), endTime: H(e) }, { token: driver.token })
    expect((await mk(a.id, 0, 2)).status).toBe(201) // 20
    expect((await mk(a.id, 1, 3)).status).toBe(201) // 20
    const cancelled = await mk(b.id, 0, 1)
    await post(`/parking-bookings/${cancelled.body.id}/cancel`, {}, { token: driver.token })

    const res = await get(`/analytics/parking-owner?from=${H(0)}&to=${H(4)}`, { token: dashOwner.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const byName = Object.fromEntries(res.body.spots.map((s: { name: string }) => [s.name, s]))
    expect(byName.A).toMatchObject({ bookings: 2, revenue: 40, occupancyPercent: 50 }) // 4 slot-hours of 2 × 4
    expect(byName.B).toMatchObject({ bookings: 0, cancelled: 1, revenue: 0, occupancyPercent: 0 })
    expect(res.body.totals).toMatchObject({ spots: 2, bookings: 2, revenue: 40 })

    expect((await get('/analytics/parking-owner', { token: driver.token })).status).toBe(403)
    expect((await get('/analytics/parking-owner')).status).toBe(401)
    expect((await get(`/analytics/parking-owner?from=${H(4)}&to=${H(0)}`, { token: dashOwner.token })).status).toBe(400)
  })
})
