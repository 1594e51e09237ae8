/** The parking owner's dashboard figures (one SQL aggregate in src/db/parking.ts, arithmetic in src/domain). */
import type { PayloadRequest } from 'payload'

import { spotPeriodStats } from '@/db/parking'
import { txOf } from '@/db/transaction'
import { D, toCents } from '@/domain/money'
import { occupancyPercent } from '@/domain/parking'

/**
 * Per spot of `owner` (every spot when null) — bookings started in the period, revenue (totalCost of those not
 * cancelled) and occupancy % (booked slot-time of bookings overlapping the period, over totalSlots × its length).
 */
export async function parkingOwnerReport(req: PayloadRequest, { from, to, owner }: { from: Date; to: Date; owner: number | null }) {
  const rows = await spotPeriodStats(await txOf(req), from, to, owner)
  const periodSeconds = (to.getTime() - from.getTime()) / 1000
  const spots = rows.map((r) => ({
    spot: r.id,
    name: r.name,
    city: r.city,
    totalSlots: r.totalSlots,
    bookings: r.bookings,
    cancelled: r.cancelled,
    revenue: toCents(r.revenue),
    occupancyPercent: occupancyPercent(r.occupiedSeconds, r.totalSlots, periodSeconds),
  }))
  const totalSlots = spots.reduce((a, s) => a + s.totalSlots, 0)
  const occupied = rows.reduce((a, r) => a + r.occupiedSeconds, 0)
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    spots,
    totals: {
      spots: spots.length,
      bookings: spots.reduce((a, s) => a + s.bookings, 0),
      cancelled: spots.reduce((a, s) => a + s.cancelled, 0),
      revenue: toCents(spots.reduce((a, s) => a.plus(s.revenue), D(0))),
      occupancyPercent: occupancyPercent(occupied, totalSlots, periodSeconds),
    },
  }
}
