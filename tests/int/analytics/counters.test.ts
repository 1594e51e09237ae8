/**
 * The analytics counters (src/migrations/20261201_110000_analytics_counters.ts) against the source tables: after
 * inserts (single and bulk), back-dated rows, status changes, refunds, deletes and concurrent writers racing
 * concurrent compactions, every counted metric — compacted counts plus pending deltas — equals the same aggregate
 * computed here straight from the source tables; and the dashboard, which reads the counters, answers those figures.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { exec, insert, sql } from './fixtures'

/** Every metric the counters keep, recomputed from the source tables (same definitions, written independently). */
const RAW = sql.raw(`
  select 'new_users' as metric, (created_at at time zone 'UTC')::date as day, '' as dim, count(*)::numeric as n from users group by 2
  union all select 'new_listings', (created_at at time zone 'UTC')::date, '', count(*) from cars group by 2
  union all select 'listings', '1970-01-01'::date, status::text || ':' || coalesce(make_id, 0), count(*) from cars group by 3
  union all select 'orders', (created_at at time zone 'UTC')::date, '', count(*) from orders group by 2
  union all select 'revenue', (paid_at at time zone 'UTC')::date, '', sum(amount - coalesce(refunded_amount, 0)) from payments
    where paid_at is not null and status in ('succeeded', 'partially_refunded', 'refunded') group by 2
  union all select 'parking_bookings', (created_at at time zone 'UTC')::date, '', count(*) from parking_bookings group by 2
  union all select 'service_bookings', (created_at at time zone 'UTC')::date, '', count(*) from service_bookings group by 2
  union all select 'negotiations', (created_at at time zone 'UTC')::date, '', count(*) from negotiations group by 2
  union all select 'accepted_negotiations', (created_at at time zone 'UTC')::date, '', count(*) from negotiations where status = 'accepted' group by 2
  union all select 'searches', (created_at at time zone 'UTC')::date, normalized_query, count(*) from search_queries group by 2, 3
  union all select 'zero_result_searches', (created_at at time zone 'UTC')::date, normalized_query, count(*) from search_queries where result_count = 0 group by 2, 3`)

const COUNTED = sql.raw(`
  select metric, day, dim, sum(n) as n from (select metric, day, dim, n from analytics_counts union all select metric, day, dim, n from analytics_count_deltas) x
  group by 1, 2, 3 having sum(n) <> 0`)

const asMap = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((r) => [`${r.metric}|${String(r.day instanceof Date ? r.day.toISOString() : r.day).slice(0, 10)}|${r.dim}`, Number(r.n)]))

async function expectCountersEqualSource() {
  const [raw, counted] = await Promise.all([exec(sql`select metric, day::text as day, dim, n from (${RAW}) r`), exec(sql`select metric, day::text as day, dim, n from (${COUNTED}) c`)])
  expect(asMap(counted)).toEqual(asMap(raw))
  return asMap(raw)
}

const compact = async () => Number((await exec(sql`select public.autohub_analytics_compact() as moved`))[0].moved)

let admin: TestUser
let seller: TestUser
let make: number
let otherMake: number
let carIds: number[] = []

beforeAll(async () => {
  admin = await createUser({ roles: ['admin'] })
  seller = await createUser({ roles: ['seller'] })
  make = await insert('makes', { name: 'Counted' })
  otherMake = await insert('makes', { name: 'Counted Two' })
  const model = await insert('models', { name: 'Counted One', make_id: make })
  carIds = (
    await exec(sql`
      insert into cars (title, make_id, model_id, year, condition, price, status, seller_id, created_at)
      select 'Counted car ' || g, ${make}::int, ${model}::int, 2020, 'used'::enum_cars_condition, 1000 + g, (array['draft', 'active', 'sold'])[1 + g % 3]::enum_cars_status, ${seller.id}::int,
             timestamptz '2026-02-01T00:00:00Z' + (g || ' hours')::interval
      from generate_series(1, 120) g returning id`)
  ).map((r) => Number(r.id))
}, 120_000)

describe('analytics counters', () => {
  it('equal the source tables after bulk and single inserts, back-dating, status changes, refunds and deletes', async () => {
    await expectCountersEqualSource()
    // back-date a listing and a user across days; approve and sell listings; change a listing's make
    await exec(sql`update cars set created_at = '2025-12-31T23:59:00Z' where id = ${carIds[0]}`)
    await exec(sql`update users set created_at = '2026-01-15T08:00:00Z' where id = ${seller.id}`)
    await exec(sql`update cars set status = 'active' where id = any(${`{${carIds.slice(0, 30).join(',')}}`}::int[]) and status = 'draft'`)
    await exec(sql`update cars set make_id = ${otherMake} where id = ${carIds[5]}`)
    // payments: succeeded, then partially refunded, then moved to another day; a failed one never counts
    const pay = await insert('payments', { provider: 'manual', amount: 100, currency: 'USD', status: 'succeeded', target_type: 'orders', paid_at: '2026-02-03T10:00:00Z' })
    await insert('payments', { provider: 'manual', amount: 999, currency: 'USD', status: 'failed', target_type: 'orders' })
    await exec(sql`update payments set status = 'partially_refunded', refunded_amount = 30 where id = ${pay}`)
    await exec(sql`update payments set paid_at = '2026-02-04T23:30:00Z' where id = ${pay}`)
    // negotiations: opened, then accepted; another rejected then deleted
    const neg = await insert('negotiations', {
      car_id: carIds[1],
      buyer_id: admin.id,
      seller_id: seller.id,
      status: 'open',
      turn: 'seller',
      current_amount: 900,
      expires_at: '2026-03-01T00:00:00Z',
      created_at: '2026-02-05T09:00:00Z',
    })
    const gone = await insert('negotiations', {
      car_id: carIds[2],
      buyer_id: admin.id,
      seller_id: seller.id,
      status: 'rejected',
      turn: 'seller',
      current_amount: 800,
      expires_at: '2026-03-01T00:00:00Z',
      created_at: '2026-02-05T10:00:00Z',
    })
    await exec(sql`update negotiations set status = 'accepted' where id = ${neg}`)
    await exec(sql`delete from negotiations where id = ${gone}`)
    // orders and searches, including a zero-result one
    await insert('orders', { order_number: 'CNT-1', customer_id: admin.id, status: 'pending', payment_method: 'card', subtotal: 10, total: 10, created_at: '2026-02-06T12:00:00Z' })
    for (const [q, results] of [
      ['counted x', 3],
      ['counted x', 0],
      ['nothing', 0],
    ] as const)
      await insert('search_queries', { query: q, normalized_query: q, type: 'all', result_count: results, created_at: '2026-02-06T13:00:00Z' })
    const before = await expectCountersEqualSource()
    expect(before['accepted_negotiations|2026-02-05|']).toBe(1)
    expect(before['revenue|2026-02-04|']).toBe(70)
    expect(before['revenue|2026-02-03|']).toBeUndefined()

    expect(await compact()).toBeGreaterThan(0)
    expect(Number((await exec(sql`select count(*)::int as c from analytics_count_deltas`))[0].c)).toBe(0)
    await expectCountersEqualSource()

    await exec(sql`delete from cars where id = any(${`{${carIds.slice(100).join(',')}}`}::int[])`)
    await expectCountersEqualSource()
  })

  it('stay exact with concurrent writers and concurrent compactions', async () => {
    const writes = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? insert('orders', { order_number: `CNT-P-${i}`, customer_id: admin.id, status: 'pending', payment_method: 'card', subtotal: 10, total: 10, created_at: `2026-02-0${1 + (i % 7)}T10:00:00Z` })
        : i % 3 === 1
          ? exec(sql`update cars set status = ${i % 2 ? 'sold' : 'active'}::enum_cars_status where id = ${carIds[10 + i]}`)
          : insert('search_queries', { query: 'race', normalized_query: 'race', type: 'all', result_count: i % 2, created_at: '2026-02-07T10:00:00Z' }),
    )
    const compactions = Array.from({ length: 6 }, () => compact())
    const moved = await Promise.all([...writes, ...compactions])
    // at most one compaction runs at a time: the others returned -1 or found what the first left
    expect(moved.slice(writes.length).every((m) => typeof m === 'number' && m >= -1)).toBe(true)
    await expectCountersEqualSource()
    await compact()
    await expectCountersEqualSource()
  })

  it('the dashboard answers the counted figures (custom window over the fixtures)', async () => {
    await compact()
    await insert('orders', { order_number: 'CNT-LATE', customer_id: admin.id, status: 'pending', payment_method: 'card', subtotal: 10, total: 10, created_at: '2026-02-02T10:00:00Z' })
    const raw = await expectCountersEqualSource() // one delta pending: the dashboard folds it or reads it, same figure
    const res = await get('/analytics/dashboard?period=custom&from=2026-02-01&to=2026-02-07', { token: admin.token })
    expect(res.status).toBe(200)
    const sumDays = (metric: string, from: string, to: string) =>
      Object.entries(raw)
        .filter(([k]) => k.startsWith(`${metric}|`) && k.split('|')[1] >= from && k.split('|')[1] <= to)
        .reduce((a, [, v]) => a + v, 0)
    expect(res.body.kpis.orders.current).toBe(sumDays('orders', '2026-02-01', '2026-02-07'))
    expect(res.body.kpis.orders.previous).toBe(sumDays('orders', '2026-01-25', '2026-01-31'))
    expect(res.body.kpis.newListings.current).toBe(sumDays('new_listings', '2026-02-01', '2026-02-07'))
    expect(res.body.kpis.revenue.current).toBe(sumDays('revenue', '2026-02-01', '2026-02-07'))
    expect(res.body.kpis.acceptedNegotiations.current).toBe(1)
    const byStatus = Object.fromEntries(
      Object.entries(raw)
        .filter(([k]) => k.startsWith('listings|'))
        .reduce((m, [k, v]) => m.set(k.split('|')[2].split(':')[0], (m.get(k.split('|')[2].split(':')[0]) ?? 0) + v), new Map<string, number>()),
    )
    expect(res.body.totals.listingsByStatus).toEqual(byStatus)
    expect(res.body.topSearches[0]).toEqual({ query: 'race', count: 10 })
    expect(res.body.series.find((p: { bucket: string }) => p.bucket === '2026-02-02').orders).toBe(raw['orders|2026-02-02|'])
    expect(Number((await exec(sql`select count(*)::int as c from analytics_count_deltas`))[0].c)).toBe(0)
  })

  it('the nightly analytics job folds the pending deltas', async () => {
    await insert('orders', { order_number: 'CNT-NIGHT', customer_id: admin.id, status: 'pending', payment_method: 'card', subtotal: 10, total: 10, created_at: '2026-02-03T10:00:00Z' })
    const pending = async () => Number((await exec(sql`select count(*)::int as c from analytics_count_deltas`))[0].c)
    expect(await pending()).toBeGreaterThan(0)
    const payload = await testPayload()
    await payload.jobs.queue({ task: 'audit-log-retention', input: {} } as never)
    await payload.jobs.run()
    expect(await pending()).toBe(0)
    await expectCountersEqualSource()
  })
})
