/**
 * Parking server helpers shared by the collections, endpoints and jobs: the per-spot lock and the SQL that
 * loads what occupies a spot over a window. The arithmetic is in src/domain/parking/index.ts.
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { advisoryLock, sql, type Tx } from '@/db/transaction'
import type { Occupancy, OpeningHours, PriceType } from '@/domain/parking'

export const SPOT_LOCK = 'parking-spot'

export interface SpotDoc {
  id: number
  owner: number | { id: number } | null
  name?: string
  totalSlots: number
  price: number
  priceType: PriceType
  active?: boolean | null
  timezone?: string | null
  openingHours?: OpeningHours | null
  [key: string]: unknown
}

export const idOf = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null
  const n = Number(typeof v === 'object' ? (v as { id?: unknown }).id : v)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Serializes every capacity decision of one spot (bookings, extensions, blocks, slot changes), across instances. */
export const lockSpot = (tx: Tx, spotId: number): Promise<void> => advisoryLock(tx, SPOT_LOCK, spotId)

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)

/**
 * What occupies `spotId` during `[start, end)` (end null: from `start` on): pending/active bookings (1 slot
 * each) and availability blocks (slotsAffected).
 */
export async function occupancies(
  tx: Tx,
  spotId: number,
  start: Date,
  end: Date | null,
  opts: { excludeBooking?: number; excludeBlock?: number } = {},
): Promise<Occupancy[]> {
  const map = await occupanciesBySpot(tx, [spotId], start, end, opts)
  return map.get(spotId) ?? []
}

/** The same for several spots at once (two queries). */
export async function occupanciesBySpot(
  tx: Tx,
  spotIds: number[],
  start: Date,
  end: Date | null,
  opts: { excludeBooking?: number; excludeBlock?: number } = {},
): Promise<Map<number, Occupancy[]>> {
  const result = new Map<number, Occupancy[]>()
  if (!spotIds.length) return result
  const ids = sql.raw(spotIds.map((id) => String(Number(id))).join(','))
  const s = iso(start)
  const e = iso(end)
  const bookings = await tx.execute(sql`
    select spot_id, start_time, end_time from parking_bookings
    where spot_id in (${ids}) and status in ('pending', 'active')
      and end_time > ${s}::timestamptz and (${e}::timestamptz is null or start_time < ${e}::timestamptz)
      and id <> ${opts.excludeBooking ?? 0}`)
  const blocks = await tx.execute(sql`
    select spot_id, start_time, end_time, slots_affected from availability_blocks
    where spot_id in (${ids})
      and end_time > ${s}::timestamptz and (${e}::timestamptz is null or start_time < ${e}::timestamptz)
      and id <> ${opts.excludeBlock ?? 0}`)
  for (const r of bookings.rows) {
    const list = result.get(Number(r.spot_id)) ?? []
    list.push({ start: new Date(r.start_time), end: new Date(r.end_time), slots: 1 })
    result.set(Number(r.spot_id), list)
  }
  for (const r of blocks.rows) {
    const list = result.get(Number(r.spot_id)) ?? []
    list.push({ start: new Date(r.start_time), end: new Date(r.end_time), slots: Number(r.slots_affected) })
    result.set(Number(r.spot_id), list)
  }
  return result
}

/** A spot by id (depth 0, access skipped), or null. Pass `req` to join its transaction. */
export async function findSpot(req: PayloadRequest, id: number): Promise<SpotDoc | null> {
  try {
    return (await req.payload.findByID({ collection: 'parking-spots', id, req, depth: 0, overrideAccess: true })) as unknown as SpotDoc
  } catch {
    return null
  }
}

/** The site currency (public site settings), USD by default. */
export async function siteCurrency(req: PayloadRequest): Promise<string> {
  try {
    const s = (await req.payload.findGlobal({ slug: 'site-settings', req, depth: 0, overrideAccess: true })) as { currency?: string }
    return s?.currency || 'USD'
  } catch {
    return 'USD'
  }
}

/** Admins, or the owner of `spot`. */
export const isSpotOwnerOrAdmin = (user: AccessUser | null, spot: { owner?: unknown } | null): boolean =>
  Boolean(user) && (isAdminUser(user) || (spot !== null && String(idOf(spot.owner)) === String(user!.id)))
