/**
 * "The dashboard answers in under a second on the seeded data": 100k listings, 100k searches, 20k orders and
 * payments, 10k users, 20k negotiations and 100k listing-days spread over a year, then `GET /api/analytics/dashboard`
 * (and /seller) called 30 times each; p95 is logged (`[analytics-speed]`) and must stay under 1 s on this shared
 * machine. The bench row on the 100k data set (target p95 ≤ 200 ms) is measured by the benchmark, not here.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get } from '../../helpers/api'
import { createUser, type TestUser } from '../../helpers/users'
import { exec, insert, sql } from './fixtures'

let admin: TestUser
let seller: TestUser

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]

beforeAll(async () => {
  admin = await createUser({ roles: ['admin'] })
  seller = await createUser({ roles: ['seller'] })
  const make = await insert('makes', { name: 'Speed' })
  const model = await insert('models', { name: 'Speed One', make_id: make })
  const ago = (col: string) => sql.raw(`now() - random() * interval '365 days' as ${col}`)
  await exec(sql`insert into users (email, created_at) select 'speed' || g || '@test.local', ${ago('created_at')} from generate_series(1, 10000) g`)
  // The dashboard reads no search documents: their trigger (a tsvector and GIN entries per car) is off for the bulk
  // insert (it took ≈ 11 s of this file's 35 here; docs/discovery.md: stored search documents). Only this file's database.
  await exec(sql`alter table cars disable trigger cars_search_docs_insert_trg`)
  await exec(sql`
    insert into cars (title, make_id, model_id, year, condition, price, status, seller_id, created_at)
    select 'Speed car ' || g, ${make}::int, ${model}::int, 2020, 'used'::enum_cars_condition, 1000 + g, (array['draft','pending_review','active','active','sold'])[1 + g % 5]::enum_cars_status,
           case when g % 50 = 0 then ${seller.id}::int else ${admin.id}::int end, ${ago('created_at')}
    from generate_series(1, 100000) g`)
  await exec(sql`alter table cars enable trigger cars_search_docs_insert_trg`)
  await exec(
    sql`insert into search_queries (query, normalized_query, type, result_count, created_at) select 'q' || (g % 500), 'q' || (g % 500), 'all'::enum_search_queries_type, g % 7, ${ago('created_at')} from generate_series(1, 100000) g`,
  )
  await exec(
    sql`insert into orders (order_number, customer_id, status, payment_method, subtotal, total, created_at) select 'SPD-' || g, ${admin.id}::int, 'pending'::enum_orders_status, 'card'::enum_orders_payment_method, 10, 10, ${ago('created_at')} from generate_series(1, 20000) g`,
  )
  await exec(
    sql`insert into payments (provider, amount, currency, status, target_type, paid_at) select 'manual'::enum_payments_provider, 10, 'USD', 'succeeded'::enum_payments_status, 'orders'::enum_payments_target_type, ${ago('paid_at')} from generate_series(1, 20000) g`,
  )
  await exec(sql`
    insert into negotiations (car_id, buyer_id, seller_id, status, turn, current_amount, expires_at, created_at)
    select c.id, ${admin.id}::int, c.seller_id, (array['rejected','accepted','expired'])[1 + c.id % 3]::enum_negotiations_status, 'seller'::enum_negotiations_turn, 900, now(), ${ago('created_at')}
    from cars c where c.id % 5 = 0`)
  await exec(sql`
    insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers)
    select c.id, c.seller_id, date_trunc('day', now() - ((c.id % 365) || ' days')::interval), 1 + c.id % 9, c.id % 2, c.id % 3 from cars c`)
  await exec(sql`analyze`)
}, 600_000)

describe('dashboard speed on a large data set', () => {
  it('/api/analytics/dashboard and /seller: p95 under a second', async () => {
    for (const [path, token] of [
      ['/analytics/dashboard?period=30d', admin.token],
      ['/analytics/dashboard?period=90d', admin.token],
      ['/analytics/seller?period=30d', seller.token],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now()
        const res = await get(path, { token })
        times.push(performance.now() - t0)
        expect(res.status).toBe(200)
      }
      console.info(`[analytics-speed] ${path}: p50 ${Math.round(times.sort((a, b) => a - b)[14])} ms, p95 ${Math.round(p95(times))} ms`)
      expect(p95(times)).toBeLessThan(1000)
    }
    const dash = await get('/analytics/dashboard?period=30d', { token: admin.token })
    expect(dash.body.totals.listingsByStatus).toEqual({ draft: 20000, pending_review: 20000, active: 40000, sold: 20000 })
  })
})
