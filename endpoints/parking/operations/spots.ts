/** Parking-spot reads: nearby search with availability, and one spot's availability for a window. */
import type { PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { findSpot, isSpotOwnerOrAdmin, nearbySpotIds, occupanciesBySpot, readOccupanciesBySpot } from '@/db/parking'
import { txOf } from '@/db/transaction'
import { availableSlots } from '@/domain/parking'
import { notFound } from '@/lib/http'
import { readByIds } from '@/lib/read-by-ids'
import { allSettledOrThrow } from '@/lib/settle'

export interface Window {
  start: Date
  end: Date
}

/**
 * Active spots within `radiusKm` of (lat, lng), nearest first, each with `distanceKm` and `availableSlots` for
 * the window. The documents are read with the caller's access.
 */
export async function findNearbySpots(req: PayloadRequest, q: { lat: number; lng: number; radiusKm: number; limit: number } & Window) {
  const { start, end, radiusKm } = q
  const db = await txOf(req)
  const near = await nearbySpotIds(db, q, radiusKm * 1000, q.limit)
  const window = { start: start.toISOString(), end: end.toISOString(), radiusKm }
  if (!near.length) return { docs: [], totalDocs: 0, ...window }
  const ids = near.map((n) => n.id)
  // The spots (with their access and population) and what occupies them over the window, read together (one write).
  const [spots, occ] = await allSettledOrThrow([readByIds(req, 'parking-spots', ids), readOccupanciesBySpot(req.payload, db, ids, start, end)])
  const byId = new Map(spots.map((d) => [d.id, d]))
  const docs = near.flatMap(({ id, distanceM }) => {
    const doc = byId.get(id)
    if (!doc) return []
    return [{ ...doc, distanceKm: Math.round(distanceM) / 1000, availableSlots: availableSlots(doc.totalSlots, occ.get(id) ?? [], start, end) }]
  })
  return { docs, totalDocs: docs.length, ...window }
}

/** `{ totalSlots, availableSlots }` of one spot for the window (inactive spots: their owner and admins only). */
export async function spotAvailability(req: PayloadRequest, user: AccessUser | null, id: number, { start, end }: Window) {
  const spot = await findSpot(req, id, ['active', 'owner', 'totalSlots'])
  if (!spot || (!spot.active && !isSpotOwnerOrAdmin(user, spot))) throw notFound('Parking spot not found.')
  const occ = await occupanciesBySpot(await txOf(req), [id], start, end)
  return {
    spot: id,
    start: start.toISOString(),
    end: end.toISOString(),
    totalSlots: spot.totalSlots,
    availableSlots: availableSlots(spot.totalSlots, occ.get(id) ?? [], start, end),
  }
}
