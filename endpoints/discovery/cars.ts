/**
 * Discovery endpoints on the `cars` collection (registered in collections/catalog/Cars/index.ts `endpoints`):
 * `GET /api/cars/nearby`, `POST /api/cars/:id/view`, `GET /api/cars/:id/similar`.
 */
import { createHash } from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'

import { PUBLIC_CAR_STATUSES } from '@/domain/catalog/listing'
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, NEARBY_DEFAULT_LIMIT, NEARBY_MAX_LIMIT, roundKm } from '@/domain/geo'
import { advisoryLock, sql, txOf, withTransaction } from '@/db/transaction'
import { assertValid, currentUser, json, notFound, routeId, searchParams } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { Input } from '@/lib/validate'
import { nearbyCarIds } from '@/db/discovery/search-engine'
import { priceBand, rankSimilar, type SimilarCandidate, WIDE_PRICE_BAND } from '@/db/discovery/similar'

/** A view by the same viewer of the same car within this window is not counted again. */
export const VIEW_DEDUP_MINUTES = 30

const params = (req: PayloadRequest) => Object.fromEntries(searchParams(req).entries())

/** The viewer: `u:<user id>` when signed in, else `a:` + a hash of IP and user agent (no raw IP is stored). */
export function viewerKey(req: PayloadRequest): string {
  const user = currentUser(req)
  if (user) return `u:${user.id}`
  const ua = req.headers.get('user-agent') ?? ''
  return `a:${createHash('sha256').update(`${clientIp(req)}|${ua}`).digest('hex').slice(0, 40)}`
}

/** Cars by id as the caller may read them (access applied), in the order of `ids`. */
export async function carsInOrder(req: PayloadRequest, ids: number[], depth = 1): Promise<Record<string, unknown>[]> {
  if (!ids.length) return []
  const found = await req.payload.find({
    collection: 'cars',
    where: { id: { in: ids } },
    depth,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const byId = new Map(found.docs.map((d) => [Number(d.id), d as unknown as Record<string, unknown>]))
  return ids.map((id) => byId.get(id)).filter((d): d is Record<string, unknown> => Boolean(d))
}

async function visibleCar(req: PayloadRequest, id: number) {
  const res = await req.payload.find({ collection: 'cars', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: false, user: req.user, req })
  const car = res.docs[0] as unknown as Record<string, unknown> | undefined
  if (!car) throw notFound('Car not found.')
  return car
}

export const nearbyCarsEndpoint: Endpoint = {
  path: '/nearby',
  method: 'get',
  handler: async (req) => {
    const input = new Input(params(req))
    const lat = input.number('lat', { required: true, min: -90, max: 90 })
    const lng = input.number('lng', { required: true, min: -180, max: 180 })
    const radiusKm = input.number('radiusKm', { gt: 0, max: MAX_RADIUS_KM, default: DEFAULT_RADIUS_KM })
    const limit = input.number('limit', { integer: true, min: 1, max: NEARBY_MAX_LIMIT, default: NEARBY_DEFAULT_LIMIT })
    const depth = input.number('depth', { integer: true, min: 0, max: 1, default: 1 })
    assertValid(input)
    const hits = await nearbyCarIds(await txOf(req), lat!, lng!, radiusKm!, limit!)
    const distance = new Map(hits.map((h) => [h.id, h.distanceKm]))
    const docs = (await carsInOrder(req, hits.map((h) => h.id), depth)).map((d) => ({ ...d, distanceKm: roundKm(distance.get(Number(d.id)) ?? 0) }))
    return json({ center: { lat, lng }, radiusKm, totalDocs: docs.length, docs })
  },
}

export const viewCarEndpoint: Endpoint = {
  path: '/:id/view',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    const car = await visibleCar(req, id)
    const user = currentUser(req)
    const sellerId = car.seller && typeof car.seller === 'object' ? (car.seller as { id: unknown }).id : car.seller
    if (!(PUBLIC_CAR_STATUSES as readonly string[]).includes(String(car.status)) || (user && String(sellerId) === String(user.id))) {
      return json({ counted: false, viewsCount: Number(car.viewsCount ?? 0) })
    }
    const key = viewerKey(req)
    const cutoff = new Date(Date.now() - VIEW_DEDUP_MINUTES * 60_000).toISOString()
    const result = await withTransaction(req, async (tx) => {
      await advisoryLock(tx, 'listing-view', `${id}:${key}`)
      const recent = await tx.execute(sql`select 1 from listing_views where car_id = ${id} and viewer_key = ${key} and created_at > ${cutoff}::timestamptz limit 1`)
      if (recent.rows.length) {
        const cur = await tx.execute(sql`select views_count from cars where id = ${id}`)
        return { counted: false, viewsCount: Number(cur.rows[0]?.views_count ?? 0) }
      }
      await req.payload.create({ collection: 'listing-views' as never, overrideAccess: true, depth: 0, req, data: { car: id, user: user?.id ?? null, viewerKey: key } as never })
      const updated = await tx.execute(sql`update cars set views_count = coalesce(views_count, 0) + 1 where id = ${id} returning views_count`)
      return { counted: true, viewsCount: Number(updated.rows[0]?.views_count ?? 0) }
    })
    return json(result)
  },
}

export const similarCarsEndpoint: Endpoint = {
  path: '/:id/similar',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const input = new Input(params(req))
    const limit = input.number('limit', { integer: true, min: 1, max: 24, default: 6 })
    const depth = input.number('depth', { integer: true, min: 0, max: 1, default: 1 })
    assertValid(input)
    await visibleCar(req, id)
    const tx = await txOf(req)
    const targetRow = (await tx.execute(sql`select id, make_id, model_id, body_type::text as body_type, price, year from cars where id = ${id}`)).rows[0]
    const toCandidate = (r: Record<string, unknown>): SimilarCandidate => ({
      id: Number(r.id),
      make: r.make_id == null ? null : Number(r.make_id),
      model: r.model_id == null ? null : Number(r.model_id),
      bodyType: (r.body_type as string | null) ?? null,
      price: r.price == null ? null : Number(r.price),
      year: r.year == null ? null : Number(r.year),
    })
    const target = toCandidate(targetRow)
    const band = priceBand(target.price ?? 0, WIDE_PRICE_BAND)
    const candidates = await tx.execute(sql`
      select id, make_id, model_id, body_type::text as body_type, price, year from cars
      where status = 'active' and id <> ${id}
        and (make_id = ${target.make ?? -1} or body_type::text = ${target.bodyType ?? ''})
        and (${target.price == null} or price between ${band.min} and ${band.max})
      order by abs(price - ${target.price ?? 0}), id desc
      limit 200`)
    const ranked = rankSimilar(target, candidates.rows.map(toCandidate), limit!)
    const score = new Map(ranked.map((r) => [r.id, r.score]))
    const docs = (await carsInOrder(req, ranked.map((r) => r.id), depth)).map((d) => ({ ...d, similarityScore: score.get(Number(d.id)) }))
    return json({ car: id, totalDocs: docs.length, docs })
  },
}

export const discoveryCarEndpoints: Endpoint[] = [nearbyCarsEndpoint, viewCarEndpoint, similarCarsEndpoint]
