/**
 * Discovery operations on cars: reading cars as the caller may (access applied), nearby and similar cars, and
 * counting a listing view once per viewer per window.
 */
import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { Car } from '@payload-types'

import { nearbyCarIds } from '@/db/discovery/search-engine'
import { rankSimilar, similarCandidates, similarTarget } from '@/db/discovery/similar'
import { incrementViews, recentlyViewedCars, viewedSince, viewsCountOf } from '@/db/discovery/views'
import { advisoryLock, txOf, withTransaction } from '@/db/transaction'
import { PUBLIC_CAR_STATUSES } from '@/domain/catalog/listing'
import { roundKm } from '@/domain/geo'
import { sameId } from '@/domain/ids'
import { currentUser, notFound } from '@/lib/http'
import { readByIds } from '@/lib/read-by-ids'
import { clientIp } from '@/lib/request'

/** A view by the same viewer of the same car within this window is not counted again. */
export const VIEW_DEDUP_MINUTES = 30

/** The viewer: `u:<user id>` when signed in, else `a:` + a hash of IP and user agent (no raw IP is stored). */
export function viewerKey(req: PayloadRequest): string {
  const user = currentUser(req)
  if (user) return `u:${user.id}`
  const ua = req.headers.get('user-agent') ?? ''
  return `a:${createHash('sha256')
    .update(`${clientIp(req)}|${ua}`)
    .digest('hex')
    .slice(0, 40)}`
}

/** Cars by id as the caller may read them (access applied), in the order of `ids` (src/lib/read-by-ids.ts). */
export const carsInOrder = (req: PayloadRequest, ids: number[], depth = 1): Promise<Car[]> => readByIds(req, 'cars', ids, depth)

/** The car if the caller may read it, else 404. */
async function visibleCar(req: PayloadRequest, id: number): Promise<Car> {
  const res = await req.payload.find({ collection: 'cars', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: false, user: req.user, req })
  const car = res.docs[0]
  if (!car) throw notFound('Car not found.')
  return car
}

/** Active cars within `radiusKm` of a point, nearest first, each with its `distanceKm`. */
export async function nearbyCars(req: PayloadRequest, q: { lat: number; lng: number; radiusKm: number; limit: number; depth: number }) {
  const hits = await nearbyCarIds(await txOf(req), q.lat, q.lng, q.radiusKm, q.limit)
  const distance = new Map(hits.map((h) => [h.id, h.distanceKm]))
  const docs = (
    await carsInOrder(
      req,
      hits.map((h) => h.id),
      q.depth,
    )
  ).map((d) => ({ ...d, distanceKm: roundKm(distance.get(d.id) ?? 0) }))
  return { center: { lat: q.lat, lng: q.lng }, radiusKm: q.radiusKm, totalDocs: docs.length, docs }
}

/**
 * Counts a view of a public listing (not by its seller). Steps: validate (visible, public, not the seller's) →
 * lock (viewer + car) → dedup (a view in the window is not counted again) → write (the view row and the counter).
 */
export async function recordView(req: PayloadRequest, id: number): Promise<{ counted: boolean; viewsCount: number }> {
  const car = await visibleCar(req, id)
  const user = currentUser(req)
  if (!(PUBLIC_CAR_STATUSES as readonly string[]).includes(String(car.status)) || (user && sameId(car.seller, user.id))) {
    return { counted: false, viewsCount: Number(car.viewsCount ?? 0) }
  }
  const key = viewerKey(req)
  const cutoff = new Date(Date.now() - VIEW_DEDUP_MINUTES * 60_000)
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'listing-view', `${id}:${key}`)
    if (await viewedSince(tx, id, key, cutoff)) return { counted: false, viewsCount: await viewsCountOf(tx, id) }
    await req.payload.create({ collection: 'listing-views', overrideAccess: true, depth: 0, req, data: { car: id, user: user ? Number(user.id) : null, viewerKey: key } })
    return { counted: true, viewsCount: await incrementViews(tx, id) }
  })
}

/** Cars similar to a visible car, best first, each with its `similarityScore`. */
export async function similarCars(req: PayloadRequest, id: number, q: { limit: number; depth: number }) {
  await visibleCar(req, id)
  const tx = await txOf(req)
  const target = await similarTarget(tx, id)
  if (!target) throw notFound('Car not found.')
  const ranked = rankSimilar(target, await similarCandidates(tx, target), q.limit)
  const score = new Map(ranked.map((r) => [r.id, r.score]))
  const docs = (
    await carsInOrder(
      req,
      ranked.map((r) => r.id),
      q.depth,
    )
  ).map((d) => ({ ...d, similarityScore: score.get(d.id) }))
  return { car: id, totalDocs: docs.length, docs }
}

/** The user's most recently viewed distinct cars (newest first), each with its `viewedAt`. */
export async function recentlyViewed(req: PayloadRequest, userId: number, q: { limit: number; depth: number }) {
  const viewedAt = await recentlyViewedCars(await txOf(req), userId, q.limit)
  const docs = (await carsInOrder(req, [...viewedAt.keys()], q.depth)).map((d) => ({ ...d, viewedAt: viewedAt.get(d.id) }))
  return { totalDocs: docs.length, docs }
}
