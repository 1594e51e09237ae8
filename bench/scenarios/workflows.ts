/**
 * Workflow writes and the admin's dashboard (issue 17's new scenarios, issue 19's dashboard row). These have no
 * raw baseline: each request is a whole workflow (validation, access, locks, notifications, realtime events), so
 * the rows report throughput and latency against their own targets (docs/performance.md).
 *
 * - negotiation open + counter: a buyer opens an offer on a negotiable active car no one has negotiated in this run,
 *   the seller counters it (two requests per sequence; buyers taken round-robin — every sequence has its own car, so
 *   two sequences of one buyer never meet the one-open-negotiation-per-buyer-and-car rule, and a request that times
 *   out cannot starve the others of buyers).
 * - service booking create: a signed-in customer books a service (pending approval) at a distinct time.
 * - analytics dashboard: `GET /api/analytics/dashboard?period=30d` as the admin (SQL aggregates over the 100k
 *   listings, the search log, orders, payments and the listing history); target p95 ≤ 200 ms.
 */
import type { BenchContext, BenchScenario } from './types'

/** Negotiable active cars with their prices, handed out once each (a buyer has one open negotiation per car). */
let negotiable: { id: number; price: number }[] = []
let nextCar = 0

export const negotiationOpenCounter: BenchScenario = {
  prepare: async (ctx) => {
    const res = await ctx.db.query<{ id: number; price: string }>(`select id, price from cars where negotiable and status = 'active' order by id limit 60000`)
    negotiable = res.rows.map((r) => ({ id: Number(r.id), price: Number(r.price) }))
    nextCar = 0
  },
  app: (ctx: BenchContext) => ({
    name: 'negotiation open + counter',
    requests: () => {
      let nextBuyer = 0
      return [
        {
          method: 'POST',
          path: '/api/negotiations',
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
            const i = nextBuyer++ % ctx.users.length
            const car = negotiable[nextCar++ % negotiable.length]
            context.price = car.price
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `JWT ${ctx.users[i].token}` },
              body: JSON.stringify({ car: car.id, amount: Math.round(car.price * 0.9), message: 'Bench offer' }),
            }
          },
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            context.negotiation = status === 201 ? (JSON.parse(body) as { doc: { id: number } }).doc.id : undefined
          },
        },
        {
          method: 'POST',
          path: '/api/negotiations/0/counter',
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => ({
            ...req,
            path: `/api/negotiations/${context.negotiation ?? 0}/counter`,
            headers: { 'content-type': 'application/json', authorization: `JWT ${ctx.sellerToken}` },
            body: JSON.stringify({ amount: Math.round((context.price as number) * 0.95), message: 'Bench counter' }),
          }),
        },
      ] as never
    },
  }),
  verify: async (ctx) => {
    const res = await ctx.db.query<{ status: string; turn: string; n: number }>(
      `select status::text, turn::text, count(*)::int as n from negotiations where buyer_id = any($1::int[]) group by 1, 2 order by 1, 2`,
      [ctx.users.map((u) => u.id)],
    )
    return `negotiations by status and turn after the runs: ${res.rows.map((r) => `${r.status}/${r.turn} ${r.n}`).join(', ')}`
  },
}

let service = 0
let slot = 0
const bookingAt = () => {
  // Distinct times, 10 minutes apart, from two days ahead, inside the service's all-day working hours: a 60-minute
  // job must end by 23:59 service time (Africa/Cairo, UTC+2/+3), so only starts between 06:00 and 18:50 UTC are used.
  const base = new Date(Date.now() + 2 * 86_400_000)
  base.setUTCHours(6, 0, 0, 0)
  const perDay = 78 // 06:00 … 18:50 UTC
  const i = slot++
  return new Date(base.getTime() + Math.floor(i / perDay) * 86_400_000 + (i % perDay) * 600_000).toISOString()
}

export const serviceBookingCreate: BenchScenario = {
  prepare: async (ctx) => {
    if (service) return
    const doc = await ctx.payload.create({
      collection: 'services',
      overrideAccess: true,
      locale: 'en',
      data: {
        name: 'Bench oil change',
        slug: 'bench-oil-change',
        category: 'mobile_workshop',
        durationMinutes: 60,
        basePrice: 450,
        availability: { active: true, workingHours: { start: '00:00', end: '23:59' }, workingDays: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], emergencyAvailable: true },
      } as never,
    })
    service = Number(doc.id)
  },
  app: (ctx: BenchContext) => {
    let n = 0
    return {
      name: 'service booking create',
      requests: () =>
        [
          {
            method: 'POST',
            path: '/api/service-bookings',
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              headers: { 'content-type': 'application/json', authorization: `JWT ${ctx.users[n++ % ctx.users.length].token}` },
              body: JSON.stringify({
                service,
                scheduledAt: bookingAt(),
                location: { address: '12 Tahrir St', city: 'Cairo', governorate: 'cairo', latitude: 30.0444, longitude: 31.2357 },
                customerInfo: { name: 'Bench Customer', phone: '01012345678', carBrand: 'Toyota', carModel: 'Corolla', carYear: 2019, plate: 'ABC 123', color: 'White' },
                problemDescription: 'Oil change and brake check',
              }),
            }),
          },
        ] as never,
    }
  },
  verify: async (ctx) => {
    const res = await ctx.db.query<{ n: number }>(`select count(*)::int as n from service_bookings where service_id = $1 and status = 'pending_approval'`, [service])
    return `${res.rows[0].n} bookings pending approval written`
  },
}

export const analyticsDashboard: BenchScenario = {
  app: (ctx: BenchContext) => ({
    name: 'analytics dashboard (admin, 30 days)',
    connections: [16],
    requests: () => [{ method: 'GET', path: '/api/analytics/dashboard?period=30d', headers: { authorization: `JWT ${ctx.adminToken}` } }],
  }),
}
