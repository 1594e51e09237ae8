/**
 * `GET /api/analytics/parking-owner?from&to` (parking_owner or admin): per spot — bookings started in the
 * period, revenue (totalCost of those not cancelled) and occupancy % (booked slot-time of pending/active/
 * completed bookings overlapping the period, over totalSlots × period length). One SQL aggregate.
 * Admins see every owner's spots, or one owner's with `?owner=<id>`.
 */
import type { Endpoint } from 'payload'

import { isAdminUser } from '@/access/roles'
import { sql, txOf } from '@/db/transaction'
import { occupancyPercent } from '@/domain/parking'
import { D, toCents } from '@/domain/money'
import { assertValid, json, requireUser, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'

const DAY = 86_400_000

export const parkingOwnerAnalyticsEndpoint: Endpoint = {
  path: '/analytics/parking-owner',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req, { roles: ['parking_owner', 'admin'] })
    const input = new Input(Object.fromEntries(searchParams(req)))
    const to = input.date('to') ?? new Date()
    const from = input.date('from') ?? new Date(to.getTime() - 30 * DAY)
    const ownerParam = input.id('owner', { required: false })
    input.check(to.getTime() > from.getTime(), 'to', 'to must be after from.')
    input.check(to.getTime() - from.getTime() <= 3660 * DAY, 'from', 'The period may span at most 10 years.')
    assertValid(input)
    const admin = isAdminUser(user)
    const owner = admin ? (ownerParam ?? null) : Number(user.id)
    const f = from.toISOString()
    const t = to.toISOString()
    const db = await txOf(req)
    const res = await db.execute(sql`
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
    const periodSeconds = (to.getTime() - from.getTime()) / 1000
    const spots = res.rows.map((r) => ({
      spot: Number(r.id),
      name: r.name as string,
      city: (r.city as string) ?? null,
      totalSlots: Number(r.total_slots),
      bookings: Number(r.bookings),
      cancelled: Number(r.cancelled),
      revenue: toCents(r.revenue ?? 0),
      occupancyPercent: occupancyPercent(Number(r.occupied_seconds), Number(r.total_slots), periodSeconds),
    }))
    const totalSlots = spots.reduce((a, s) => a + s.totalSlots, 0)
    const occupied = res.rows.reduce((a, r) => a + Number(r.occupied_seconds), 0)
    return json({
      from: f,
      to: t,
      spots,
      totals: {
        spots: spots.length,
        bookings: spots.reduce((a, s) => a + s.bookings, 0),
        cancelled: spots.reduce((a, s) => a + s.cancelled, 0),
        revenue: toCents(spots.reduce((a, s) => a.plus(s.revenue), D(0))),
        occupancyPercent: occupancyPercent(occupied, totalSlots, periodSeconds),
      },
    })
  },
}
