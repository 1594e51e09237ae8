/**
 * Parking-spot endpoints (registered in collections/parking/ParkingSpots/index.ts):
 * GET /api/parking-spots/nearby and GET /api/parking-spots/:id/availability.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { availableSlots } from '@/domain/parking'
import { assertValid, currentUser, json, notFound, routeId, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'

import { findSpot, isSpotOwnerOrAdmin, occupanciesBySpot } from '@/db/parking'

const MAX_WINDOW_MS = 366 * 86_400_000

/** `start`/`end` from the query: both or neither (then now → now + 1 h); end after start. */
function readWindow(input: Input, required: boolean): { start: Date; end: Date } {
  let start = input.date('start', { required })
  let end = input.date('end', { required })
  if (!required && !input.has('start') && !input.has('end')) {
    start = new Date()
    end = new Date(start.getTime() + 3_600_000)
  }
  input.check(Boolean(start) === Boolean(end), input.has('start') ? 'end' : 'start', 'Give both start and end, or neither.')
  if (start && end) {
    input.check(end.getTime() > start.getTime(), 'end', 'end must be after start.')
    input.check(end.getTime() - start.getTime() <= MAX_WINDOW_MS, 'end', 'The window may span at most 366 days.')
  }
  assertValid(input)
  return { start: start!, end: end! }
}

const queryInput = (req: PayloadRequest) => new Input(Object.fromEntries(searchParams(req)))

/**
 * `GET /api/parking-spots/nearby?lat&lng&radiusKm=10&start&end&limit=20` — active spots within the radius,
 * nearest first, each with `distanceKm` and `availableSlots` for the window (default: the next hour).
 * Distance: earthdistance (`earth_box` prefilter on a GiST index of `ll_to_earth(latitude, longitude)`).
 */
export const nearbyEndpoint: Endpoint = {
  path: '/nearby',
  method: 'get',
  handler: async (req) => {
    const input = queryInput(req)
    const lat = input.number('lat', { required: true, min: -90, max: 90 })
    const lng = input.number('lng', { required: true, min: -180, max: 180 })
    const radiusKm = input.number('radiusKm', { default: 10, gt: 0, max: 500 })
    const limit = input.number('limit', { default: 20, min: 1, max: 100, integer: true })
    assertValid(input)
    const { start, end } = readWindow(input, false)
    const radiusM = radiusKm! * 1000
    const db = await txOf(req)
    const res = await db.execute(sql`
      select id, earth_distance(ll_to_earth(${lat}::float8, ${lng}::float8), ll_to_earth(latitude::float8, longitude::float8)) as distance_m
      from parking_spots
      where active = true
        and earth_box(ll_to_earth(${lat}::float8, ${lng}::float8), ${radiusM}::float8) @> ll_to_earth(latitude::float8, longitude::float8)
        and earth_distance(ll_to_earth(${lat}::float8, ${lng}::float8), ll_to_earth(latitude::float8, longitude::float8)) <= ${radiusM}::float8
      order by distance_m asc, id asc
      limit ${limit}`)
    const ids = res.rows.map((r) => Number(r.id))
    if (!ids.length) return json({ docs: [], totalDocs: 0, start: start.toISOString(), end: end.toISOString(), radiusKm })
    const found = await req.payload.find({
      collection: 'parking-spots',
      where: { id: { in: ids } },
      depth: 1,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const byId = new Map(found.docs.map((d) => [Number(d.id), d as unknown as Record<string, unknown>]))
    const occ = await occupanciesBySpot(db, ids, start, end)
    const docs = res.rows
      .filter((r) => byId.has(Number(r.id)))
      .map((r) => {
        const doc = byId.get(Number(r.id))!
        return {
          ...doc,
          distanceKm: Math.round(Number(r.distance_m)) / 1000,
          availableSlots: availableSlots(Number(doc.totalSlots), occ.get(Number(r.id)) ?? [], start, end),
        }
      })
    return json({ docs, totalDocs: docs.length, start: start.toISOString(), end: end.toISOString(), radiusKm })
  },
}

/** `GET /api/parking-spots/:id/availability?start&end` → `{ totalSlots, availableSlots }` for the window (computed, never stored). */
export const availabilityEndpoint: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const { start, end } = readWindow(queryInput(req), true)
    const spot = await findSpot(req, id)
    if (!spot || (!spot.active && !isSpotOwnerOrAdmin(currentUser(req), spot))) throw notFound('Parking spot not found.')
    const occ = await occupanciesBySpot(await txOf(req), [id], start, end)
    return json({
      spot: id,
      start: start.toISOString(),
      end: end.toISOString(),
      totalSlots: spot.totalSlots,
      availableSlots: availableSlots(spot.totalSlots, occ.get(id) ?? [], start, end),
    })
  },
}
