/**
 * GET /api/technicians/available (docs/services.md, "Technician tools"): only technicians free at the time, offering
 * the service, whose service area holds the point and who are within the radius — nearest first.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { distanceKm } from '../../../src/domain/geo'
import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician } from './fixtures'

// A point no other test places technicians near (Aswan), and points at known offsets from it.
const P = { lat: 24.09, lng: 32.9 }
/** A point `km` north of P. */
const north = (km: number) => ({ latitude: P.lat + km / 111.2, longitude: P.lng })

let admin: TestUser
let customer: TestUser
let service: { id: number }
const t: Record<string, { id: number; user: TestUser }> = {}

const area = (at: { latitude: number; longitude: number }, radiusKm: number) => ({ serviceArea: { ...at, radiusKm } })
const search = (q: Record<string, string | number>, token = admin.token) => get(`/technicians/available?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`, { token })

const at = cairoTime(3, 10, 30)

beforeAll(async () => {
  await testPayload()
  ;[admin, customer] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] })])
  service = await makeService({ category: 'mobile_workshop', durationMinutes: 60 })
  const spec = { specializations: ['mobile_workshop'] }
  t.near = await makeTechnician({ ...spec, ...area(north(4), 30), currentLocation: north(2) }) // live position 2 km away
  t.mid = await makeTechnician({ ...spec, ...area(north(5), 30) }) // no live position: its area centre, 5 km
  t.wrongService = await makeTechnician({ specializations: ['emergency'], ...area(north(1), 30) })
  t.busy = await makeTechnician({ ...spec, ...area(north(3), 30) })
  t.offline = await makeTechnician({ ...spec, ...area(north(1), 30), status: 'offline' })
  t.far = await makeTechnician({ ...spec, ...area(north(40), 100) }) // 40 km: outside a 25 km radius
  t.outOfArea = await makeTechnician({ ...spec, ...area(north(10), 5) }) // its area (5 km around a point 10 km away) misses P
  t.noArea = await makeTechnician({ ...spec, currentLocation: north(1) }) // no service area declared

  // The busy technician holds a booking 10:00–11:00 Cairo on that day.
  const created = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 10)), { token: customer.token })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await post(`/service-bookings/${id}/approve`, {}, { token: admin.token })).status).toBe(200)
  expect((await post(`/service-bookings/${id}/assign`, { technician: t.busy.id }, { token: admin.token })).status).toBe(200)
})

describe('technician search', () => {
  it('returns only free technicians offering the service inside the radius and their area, nearest first', async () => {
    const res = await search({ service: service.id, latitude: P.lat, longitude: P.lng, radiusKm: 25, at: at.toISOString() })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.docs.map((d: any) => d.id)).toEqual([t.near.id, t.mid.id])
    expect(res.body.docs[0].distanceKm).toBeCloseTo(distanceKm(P, { lat: north(2).latitude, lng: P.lng }), 1)
    expect(res.body.docs[1].distanceKm).toBeCloseTo(5, 0)
    // No private field leaks through the search.
    expect(res.body.docs[0].currentLocation).toBeUndefined()
    expect(res.body.docs[0].serviceArea).toBeUndefined()
    expect(res.body.docs[0].phone).toBeUndefined()
  })

  it('free at another time, the busy technician is offered; a wider radius reaches the far one', async () => {
    const later = await search({ service: service.id, latitude: P.lat, longitude: P.lng, radiusKm: 25, at: cairoTime(3, 14).toISOString() })
    expect(later.body.docs.map((d: any) => d.id)).toEqual([t.near.id, t.busy.id, t.mid.id])
    const wide = await search({ service: service.id, latitude: P.lat, longitude: P.lng, radiusKm: 50, at: at.toISOString() })
    expect(wide.body.docs.map((d: any) => d.id)).toEqual([t.near.id, t.mid.id, t.far.id])
  })

  it('bad input is a 400 naming the field (not an id lookup); only admins search', async () => {
    const bad = await search({ service: service.id, latitude: 200, longitude: P.lng, at: 'soon' })
    expect(bad.status).toBe(400)
    const paths = JSON.stringify(bad.body)
    expect(paths).toContain('latitude')
    expect(paths).toContain('at')
    expect((await search({ service: 987654, latitude: P.lat, longitude: P.lng, at: at.toISOString() })).status).toBe(400)
    expect((await search({ service: service.id, latitude: P.lat, longitude: P.lng, at: at.toISOString() }, customer.token)).status).toBe(403)
    expect((await get(`/technicians/available?service=${service.id}&latitude=1&longitude=1&at=${at.toISOString()}`)).status).toBe(401)
  })
})
