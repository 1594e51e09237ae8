/**
 * Parking scenarios: nearby spots with availability for a window, and booking creation under contention on
 * 3-slot spots (throughput, then the capacity invariant checked in the database after every run).
 */
import { CITIES } from '../seed'
import { type BenchContext, type BenchScenario, prng } from './types'

const DAY = 86_400_000
const tomorrowAt = (hours: number, days = 1) => {
  const d = new Date()
  d.setUTCHours(0, 0, 0, 0)
  return new Date(d.getTime() + days * DAY + hours * 3_600_000)
}

function nearbyQuery(rand: () => number): string {
  const [, lat, lng] = CITIES[Math.floor(rand() * CITIES.length)]
  // the seeded pending bookings are 09:00–11:00 on the next days: the window overlaps them
  return `lat=${lat}&lng=${lng}&radiusKm=5&start=${tomorrowAt(10).toISOString()}&end=${tomorrowAt(13).toISOString()}`
}

export const parkingNearby: BenchScenario = {
  app: () => {
    const rand = prng(5)
    return { name: 'parking nearby + availability', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/parking-spots/nearby?${nearbyQuery(rand)}` }) }] }
  },
  baseline: () => {
    const rand = prng(5)
    return { name: 'parking nearby + availability', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/parking-spots/nearby?${nearbyQuery(rand)}` }) }] }
  },
}

export const BOOKINGS_PER_RUN = Number(process.env.BENCH_BOOKINGS || 1200)
let runNo = 0

/**
 * Each run gets 10 fresh days (so every run starts with empty hot spots): requests pick one of the 16 hot
 * 3-slot spots, one of the 10 days, a 2-hour window starting at 10, 11 or 12 UTC (overlapping windows: the
 * per-instant capacity is what is tested). At most 16 × 10 × (3 per instant) can succeed; the rest are 409s.
 */
function bookingRequests(ctx: BenchContext, target: 'app' | 'baseline') {
  return () => {
    // per measured run (requests() is called once per run): fresh days, so every run starts with empty spots
    const day0 = 40 + 10 * runNo++
    const rand = prng(100 + runNo)
    let n = 0
    return bookingSequence(ctx, target, day0, rand, () => n++)
  }
}

function bookingSequence(ctx: BenchContext, target: 'app' | 'baseline', day0: number, rand: () => number, next: () => number) {
  return [
    {
      method: 'POST' as const,
      // depth 0: the booking with its relations as ids, the answer the baseline gives (the default depth 1 would also
      // load the spot, the driver, the vehicle and the owner into the answer)
      path: target === 'app' ? '/api/parking-bookings?depth=0' : '/parking-bookings',
      setupRequest: (req: Record<string, unknown>) => {
        const u = ctx.users[next() % ctx.users.length]
        const spot = ctx.hotSpots[Math.floor(rand() * ctx.hotSpots.length)]
        const day = day0 + Math.floor(rand() * 10)
        const start = tomorrowAt(10 + Math.floor(rand() * 3), day)
        const body = JSON.stringify({ spot, vehicle: u.vehicle, startTime: start.toISOString(), endTime: new Date(start.getTime() + 2 * 3_600_000).toISOString() })
        const auth = target === 'app' ? { authorization: `JWT ${u.token}` } : { 'x-user': String(u.id) }
        return { ...req, headers: { 'content-type': 'application/json', ...auth }, body }
      },
    },
  ]
}

export const parkingBooking: BenchScenario = {
  app: (ctx) => ({ name: 'parking booking (contention)', expectedStatuses: [409], amount: BOOKINGS_PER_RUN, requests: bookingRequests(ctx, 'app') as never }),
  baseline: (ctx) => ({ name: 'parking booking (contention)', expectedStatuses: [409], amount: BOOKINGS_PER_RUN, requests: bookingRequests(ctx, 'baseline') as never }),
  afterRun: async (ctx, target, connections, result) => {
    // Peak occupancy of every hot spot: the most holding bookings alive at any booking's start instant.
    const res = await ctx.db.query(
      `select b.spot_id, max((select count(*) from parking_bookings o where o.spot_id = b.spot_id and o.status in ('pending','active')
          and o.start_time <= b.start_time and o.end_time > b.start_time))::int as peak, max(s.total_slots)::int as slots
       from parking_bookings b join parking_spots s on s.id = b.spot_id
       where b.spot_id = any($1::int[]) and b.status in ('pending','active') group by b.spot_id`,
      [ctx.hotSpots],
    )
    const over = res.rows.filter((r) => r.peak > r.slots)
    const peak = Math.max(0, ...res.rows.map((r) => r.peak))
    return `${target} @ ${connections}: ${result.created} bookings created, ${result.conflicts} refused with 409; peak occupancy of the 16 hot 3-slot spots = ${peak} → ${over.length ? `**VIOLATED on spots ${over.map((r) => r.spot_id).join(', ')}**` : 'capacity invariant holds'}`
  },
}
