/**
 * Parking server helpers shared by the collections, endpoints and jobs: the per-spot lock and the SQL that
 * loads what occupies a spot over a window. The arithmetic is in src/domain/parking/index.ts.
 */
import type { Payload, PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { executeByKey, opaque } from '@/db/plan-cache'
import { readRows } from '@/db/read-batch'
import { advisoryLock, lockThenRead, sql, type Tx } from '@/db/transaction'
import { idOf, sameId } from '@/domain/ids'
import type { Occupancy } from '@/domain/parking'
import { selectOf } from '@/lib/read-needs'
import type { ParkingSpot, SiteSetting } from '@payload-types'

export const SPOT_LOCK = 'parking-spot'

/** A parking spot as stored (depth 0). */
export type SpotDoc = ParkingSpot

/** Serializes every capacity decision of one spot (bookings, extensions, blocks, slot changes), across instances. */
export const lockSpot = (tx: Tx, spotId: number): Promise<void> => advisoryLock(tx, SPOT_LOCK, spotId)

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)

type OccupancyOptions = { excludeBooking?: number; excludeBlock?: number }

/**
 * What occupies `spotId` during `[start, end)` (end null: from `start` on): pending/active bookings (1 slot
 * each) and availability blocks (slotsAffected).
 */
export async function occupancies(tx: Tx, spotId: number, start: Date, end: Date | null, opts: OccupancyOptions = {}): Promise<Occupancy[]> {
  const map = await occupanciesBySpot(tx, [spotId], start, end, opts)
  return map.get(spotId) ?? []
}

/** The same for several spots at once (one statement: the bookings and the blocks). */
export async function occupanciesBySpot(tx: Tx, spotIds: number[], start: Date, end: Date | null, opts: OccupancyOptions = {}): Promise<Map<number, Occupancy[]>> {
  if (!spotIds.length) return new Map()
  return occupancyBySpot((await executeByKey(tx, occupancyStatement(spotIds, start, end, opts))).rows)
}

/**
 * The same for a read outside a lock (the nearby search): with the request's other reads of the turn (the read
 * batcher's pipeline, ./read-batch.ts), so the spots' documents and their occupancy share one write.
 */
export async function readOccupanciesBySpot(payload: Payload, db: Tx, spotIds: number[], start: Date, end: Date | null): Promise<Map<number, Occupancy[]>> {
  if (!spotIds.length) return new Map()
  return occupancyBySpot(await readRows(payload, db, occupancyStatement(spotIds, start, end)))
}

/**
 * The statement {@link occupanciesBySpot} sends (at least one spot): one text whatever the spots (their ids one array
 * parameter), each half an index scan by spot, so it is sent by key (named, src/db/plan-cache.ts). Its values are
 * opaque to the planner, so PostgreSQL keeps its generic plan: with them visible, each execution was planned for its
 * spots and window (on the bench's 100k bookings 0.5 ms of planning for 0.14 ms of execution; bench/NOTES.md, session 43).
 */
function occupancyStatement(spotIds: number[], start: Date, end: Date | null, opts: OccupancyOptions = {}) {
  const ids = () => opaque(spotIds.map(Number), 'int[]')
  const s = () => opaque(iso(start), 'timestamptz')
  const e = () => opaque(iso(end), 'timestamptz')
  return sql`
    select spot_id, start_time, end_time, 1 as slots from parking_bookings
    where spot_id = any(${ids()}) and status in ('pending', 'active')
      and end_time > ${s()} and (${e()} is null or start_time < ${e()})
      and id <> ${opaque(opts.excludeBooking ?? 0, 'int')}
    union all
    select spot_id, start_time, end_time, slots_affected from availability_blocks
    where spot_id = any(${ids()})
      and end_time > ${s()} and (${e()} is null or start_time < ${e()})
      and id <> ${opaque(opts.excludeBlock ?? 0, 'int')}`
}

/** Its rows, per spot. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function occupancyBySpot(rows: any[]): Map<number, Occupancy[]> {
  const result = new Map<number, Occupancy[]>()
  for (const r of rows) {
    const list = result.get(Number(r.spot_id)) ?? []
    list.push({ start: new Date(r.start_time), end: new Date(r.end_time), slots: Number(r.slots) })
    result.set(Number(r.spot_id), list)
  }
  return result
}

/**
 * Takes the spot's lock and reads, once it is held, what occupies the spot during `[start, end)` and which of the
 * `candidates` PINs no holding booking of the spot uses (in the candidates' order): one round trip (lockThenRead).
 * Each candidate is one probe of the holding bookings' (spot, pin) index, so the read does not grow with the spot's
 * future bookings (it read all of their PINs before). `freePins` empty: every candidate is taken, see
 * {@link takenPins}.
 */
export async function lockSpotForBooking(tx: Tx, spotId: number, start: Date, end: Date, candidates: readonly string[]): Promise<{ items: Occupancy[]; freePins: string[] }> {
  const [occupied, free] = await lockThenRead(tx, SPOT_LOCK, spotId, [{ byKey: occupancyStatement([spotId], start, end) }, { byKey: freePinsStatement(spotId, candidates) }])
  return { items: occupancyBySpot(occupied.rows).get(spotId) ?? [], freePins: free.rows.map((r) => String(r.pin)) }
}

/** The PINs the spot's holding (pending, active) bookings use: the fallback when every candidate PIN is taken. */
export async function takenPins(tx: Tx, spotId: number): Promise<Set<string>> {
  const res = await tx.execute(sql`select pin from parking_bookings where spot_id = ${spotId} and status in ('pending', 'active')`)
  return new Set(res.rows.map((r) => String(r.pin)))
}

/**
 * A spot by id (depth 0, access skipped), or null. Pass `req` to join its transaction. `fields`: read only those
 * (a spot is a wide document — opening hours, images, amenities — and the booking path needs a few columns).
 */
export async function findSpot(req: PayloadRequest, id: number): Promise<SpotDoc | null>
export async function findSpot<K extends keyof SpotDoc>(req: PayloadRequest, id: number, fields: readonly K[]): Promise<Pick<SpotDoc, K | 'id'> | null>
export async function findSpot(req: PayloadRequest, id: number, fields?: readonly (keyof SpotDoc)[]): Promise<Partial<SpotDoc> | null> {
  try {
    return await req.payload.findByID({ collection: 'parking-spots', id, req, depth: 0, overrideAccess: true, ...(fields ? { select: selectOf(fields) } : {}) })
  } catch {
    return null
  }
}

/** The site currency (public site settings), USD by default. */
export async function siteCurrency(req: PayloadRequest): Promise<string> {
  try {
    const s: Pick<SiteSetting, 'currency'> = await req.payload.findGlobal({ slug: 'site-settings', req, depth: 0, overrideAccess: true, select: { currency: true } })
    return s?.currency || 'USD'
  } catch {
    return 'USD'
  }
}

/** Admins, or the owner of `spot`. */
export const isSpotOwnerOrAdmin = (user: AccessUser | null, spot: { owner?: unknown } | null): boolean =>
  Boolean(user) && (isAdminUser(user) || (spot !== null && idOf(spot.owner) !== null && sameId(spot.owner, user!.id)))

/** Active spots within `radiusM` of (lat, lng), nearest first: earthdistance, `earth_box` prefilter on a GiST index. */
export async function nearbySpotIds(tx: Tx, at: { lat: number; lng: number }, radiusM: number, limit: number): Promise<{ id: number; distanceM: number }[]> {
  const { lat, lng } = at
  const res = await tx.execute(sql`
    select id, earth_distance(ll_to_earth(${lat}::float8, ${lng}::float8), ll_to_earth(latitude::float8, longitude::float8)) as distance_m
    from parking_spots
    where active = true
      and earth_box(ll_to_earth(${lat}::float8, ${lng}::float8), ${radiusM}::float8) @> ll_to_earth(latitude::float8, longitude::float8)
      and earth_distance(ll_to_earth(${lat}::float8, ${lng}::float8), ll_to_earth(latitude::float8, longitude::float8)) <= ${radiusM}::float8
    order by distance_m asc, id asc
    limit ${limit}`)
  return res.rows.map((r) => ({ id: Number(r.id), distanceM: Number(r.distance_m) }))
}

/**
 * The candidates no pending/active booking of the spot uses (a new booking's PIN must differ), in their order. Sent by
 * key (one text whatever the candidates); its values opaque, like the occupancy's, so PostgreSQL keeps its generic plan:
 * one probe of `parking_bookings_spot_pin_idx` (partial on the holding statuses) per candidate, ≈ 0.05 ms whatever the
 * spot holds. The lateral `limit 1` keeps it a probe: written `not exists`, the planner hashed every PIN of the spot
 * (0.7 ms at 2,000 holding bookings).
 */
export const freePinsStatement = (spotId: number, candidates: readonly string[]) => sql`
  select c.pin from unnest(${opaque([...candidates], 'text[]')}) with ordinality as c(pin, n)
  left join lateral (
    select 1 as held from parking_bookings b
    where b.spot_id = ${opaque(spotId, 'int')} and b.status in ('pending', 'active') and b.pin = c.pin
    limit 1) h on true
  where h.held is null
  order by c.n`

/** Claims the reminder of a pending booking (sets reminder_sent_at once); false when already sent or no longer pending. */
export async function claimReminder(tx: Tx, bookingId: number, now: Date): Promise<boolean> {
  const res = await tx.execute(sql`
    update parking_bookings set reminder_sent_at = ${now.toISOString()}::timestamptz
    where id = ${bookingId} and reminder_sent_at is null and status = 'pending' returning id`)
  return res.rows.length > 0
}

export interface SpotPeriodRow {
  id: number
  name: string
  city: string | null
  totalSlots: number
  bookings: number
  cancelled: number
  /** Sum of totalCost (a numeric string or number, as PostgreSQL returns it). */
  revenue: string | number
  occupiedSeconds: number
}

/**
 * Per spot (of `owner`, or every spot when null): bookings started in [from, to) and their revenue (not
 * cancelled), the cancelled ones, and the booked slot-seconds of bookings overlapping the period. One aggregate.
 */
export async function spotPeriodStats(tx: Tx, from: Date, to: Date, owner: number | null): Promise<SpotPeriodRow[]> {
  const f = from.toISOString()
  const t = to.toISOString()
  const res = await tx.execute(sql`
    select s.id, s.name, s.city, s.total_slots,
      count(b.id) filter (where b.start_time >= ${f}::timestamptz and b.start_time < ${t}::timestamptz and b.status <> 'cancelled') as bookings,
      count(b.id) filter (where b.start_time >= ${f}::timestamptz and b.start_time < ${t}::timestamptz and b.status = 'cancelled') as cancelled,
      coalesce(sum(b.total_cost) filter (where b.start_time >= ${f}::timestamptz and b.start_time < ${t}::timestamptz and b.status <> 'cancelled'), 0) as revenue,
      coalesce(sum(extract(epoch from (least(b.end_time, ${t}::timestamptz) - greatest(b.start_time, ${f}::timestamptz))))
        filter (where b.status <> 'cancelled'), 0) as occupied_seconds
    from parking_spots s
    left join parking_bookings b on b.spot_id = s.id and b.start_time < ${t}::timestamptz and b.end_time > ${f}::timestamptz
    where (${owner}::int is null or s.owner_id = ${owner}::int)
    group by s.id
    order by s.id`)
  return res.rows.map((r) => ({
    id: Number(r.id),
    name: r.name as string,
    city: (r.city as string) ?? null,
    totalSlots: Number(r.total_slots),
    bookings: Number(r.bookings),
    cancelled: Number(r.cancelled),
    revenue: r.revenue ?? 0,
    occupiedSeconds: Number(r.occupied_seconds),
  }))
}

/** Whether the spot has a pending or active booking (such a spot cannot be deleted). */
export async function spotHasHoldingBookings(tx: Tx, spotId: number): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from parking_bookings where spot_id = ${spotId} and status in ('pending', 'active') limit 1`)
  return res.rows.length > 0
}
