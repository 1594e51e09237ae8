/**
 * Analytics SQL: every figure is one aggregate over indexed columns (created_at, status, owner ids), never a
 * loop over documents. A "window" is the current period plus the previous one (`[previousFrom, to)`), so one
 * scan yields both sides of a comparison (`filter (where …)`). Buckets are `date_trunc` in UTC, keyed
 * `YYYY-MM-DD` (src/domain/analytics/period.ts zero-fills the missing ones).
 */
import type { Granularity, Period } from '@/domain/analytics/period'
import { allSettledOrThrow } from '@/lib/settle'

import { sendWithNext, sql, type Tx } from './transaction'

type Sql = ReturnType<typeof sql>
const UNITS: readonly Granularity[] = ['day', 'week', 'month']

const iso = (d: Date) => d.toISOString()
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** `to_char(date_trunc(unit, <col> at time zone 'UTC'), 'YYYY-MM-DD')` for a trusted column name. */
const bucket = (col: string, unit: Granularity): Sql => {
  if (!UNITS.includes(unit) || !/^[a-z_.]+$/.test(col)) throw new Error(`bad bucket ${unit} ${col}`)
  return sql.raw(`to_char(date_trunc('${unit}', ${col} at time zone 'UTC'), 'YYYY-MM-DD')`)
}
/** The same keys for a `date` column (a UTC day already). */
const dayBucket = (unit: Granularity): Sql => {
  if (!UNITS.includes(unit)) throw new Error(`bad bucket ${unit}`)
  return sql.raw(`to_char(date_trunc('${unit}', day::timestamp), 'YYYY-MM-DD')`)
}
const inWindow = (col: string, p: Period): Sql => sql.raw(`${col} >= '${iso(p.previousFrom)}'::timestamptz and ${col} < '${iso(p.to)}'::timestamptz`)
const inCurrent = (col: string, p: Period): Sql => sql.raw(`${col} >= '${iso(p.from)}'::timestamptz and ${col} < '${iso(p.to)}'::timestamptz`)
const isCurrent = (col: string, p: Period): Sql => sql.raw(`${col} >= '${iso(p.from)}'::timestamptz`)

export interface Pair {
  current: number
  previous: number
}
const pair = (row: Record<string, unknown> | undefined, key: string): Pair => ({ current: n(row?.[`${key}_cur`]), previous: n(row?.[`${key}_prev`]) })

export type BucketRow = { bucket: string } & Record<string, number>
const bucketRows = (rows: Record<string, unknown>[]): BucketRow[] => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'bucket' ? String(v) : n(v)])) as BucketRow)

/** A scope on an owner column (`null`: everything, for admins). */
const owned = (col: string, owner: number | null): Sql => (owner === null ? sql.raw('true') : sql`${sql.raw(col)} = ${owner}`)

// ---------------------------------------------------------------- platform (admin dashboard)
// The platform figures read the analytics counters (src/migrations/20261201_110000_analytics_counters.ts): the
// compacted counts plus the not-yet-folded deltas, in one snapshot, so they are exact without scanning the source
// tables. A day metric's rows are keyed by UTC day; `listings` is a snapshot keyed `<status>:<make id>`.

const COUNTED = sql.raw(`(select metric, day, dim, n from analytics_counts union all select metric, day, dim, n from analytics_count_deltas)`)
const isoDay = (d: Date) => sql.raw(`'${iso(d).slice(0, 10)}'::date`)

/** Deltas folded at once beyond which the two tables are vacuumed right away (not at autovacuum's next round). */
const VACUUM_AFTER = 5000

/**
 * Folds the counters' deltas into the counts (one compaction at a time; a concurrent caller skips). Rows moved, or -1
 * when skipped. `db` must not be inside a transaction (after a large fold the tables are vacuumed, so the next
 * reads do not wade through the deleted deltas).
 */
export async function compactCounters(db: Tx): Promise<number> {
  const r = await db.execute(sql`select public.autohub_analytics_compact() as moved`)
  const moved = n(r.rows[0]?.moved)
  if (moved > VACUUM_AFTER) await db.execute(sql`vacuum (analyze) analytics_count_deltas, analytics_counts`)
  return moved
}

export async function platformTotals(tx: Tx): Promise<{ users: number; listingsByStatus: Record<string, number> }> {
  const [users, listings] = await allSettledOrThrow([
    tx.execute(sql`select coalesce(sum(n), 0)::int as c from ${COUNTED} x where metric = 'new_users'`),
    tx.execute(sql`
    select split_part(dim, ':', 1) as status, sum(n)::int as c from ${COUNTED} x where metric = 'listings' and day = '1970-01-01'
    group by 1 having sum(n) <> 0`),
  ])
  return { users: n(users.rows[0]?.c), listingsByStatus: Object.fromEntries(listings.rows.map((r) => [String(r.status), n(r.c)])) }
}

const PLATFORM_METRICS = {
  newUsers: 'new_users',
  newListings: 'new_listings',
  orders: 'orders',
  revenue: 'revenue',
  parkingBookings: 'parking_bookings',
  serviceBookings: 'service_bookings',
  negotiations: 'negotiations',
  acceptedNegotiations: 'accepted_negotiations',
} as const
type PlatformMetric = keyof typeof PLATFORM_METRICS
const metricList = sql.raw(
  Object.values(PLATFORM_METRICS)
    .map((m) => `'${m}'`)
    .join(', '),
)

/** Current and previous counts of the platform's flows (revenue: paid amounts net of refunds, by payment day). */
export async function platformPairs(tx: Tx, p: Period): Promise<Record<PlatformMetric, Pair>> {
  const r = await tx.execute(sql`
    select metric, coalesce(sum(n) filter (where day >= ${isoDay(p.from)}), 0) as v_cur, coalesce(sum(n) filter (where day < ${isoDay(p.from)}), 0) as v_prev
    from ${COUNTED} x where metric in (${metricList}) and day >= ${isoDay(p.previousFrom)} and day < ${isoDay(p.to)}
    group by metric`)
  const byMetric = new Map(r.rows.map((row) => [String(row.metric), row]))
  return Object.fromEntries(Object.entries(PLATFORM_METRICS).map(([key, metric]) => [key, pair(byMetric.get(metric), 'v')])) as Record<PlatformMetric, Pair>
}

/** Per bucket of the current period: new users, new listings, orders, revenue, bookings (parking + services). */
export async function platformSeries(tx: Tx, p: Period): Promise<BucketRow[]> {
  const r = await tx.execute(sql`
    select ${dayBucket(p.granularity)} as bucket,
           coalesce(sum(n) filter (where metric = 'new_users'), 0)::int as "newUsers",
           coalesce(sum(n) filter (where metric = 'new_listings'), 0)::int as "newListings",
           coalesce(sum(n) filter (where metric = 'orders'), 0)::int as orders,
           coalesce(sum(n) filter (where metric = 'revenue'), 0) as revenue,
           coalesce(sum(n) filter (where metric in ('parking_bookings', 'service_bookings')), 0)::int as bookings
    from ${COUNTED} x where metric in ('new_users', 'new_listings', 'orders', 'revenue', 'parking_bookings', 'service_bookings')
      and day >= ${isoDay(p.from)} and day < ${isoDay(p.to)}
    group by 1`)
  return bucketRows(r.rows)
}

/** The makes with the most active listings. */
export async function topMakes(tx: Tx, limit = 5): Promise<Array<{ make: string; listings: number }>> {
  const r = await tx.execute(sql`
    select m.name as make, sum(x.n)::int as listings from ${COUNTED} x join makes m on m.id = split_part(x.dim, ':', 2)::int
    where x.metric = 'listings' and x.day = '1970-01-01' and x.dim like 'active:%'
    group by m.id, m.name having sum(x.n) > 0 order by listings desc, m.name limit ${limit}`)
  return r.rows.map((x) => ({ make: String(x.make), listings: n(x.listings) }))
}

/** The most frequent normalized queries of the current period (all, or those that found nothing), from the counters. */
export async function topSearches(tx: Tx, p: Period, opts: { limit?: number; zeroResults?: boolean } = {}): Promise<Array<{ query: string; count: number }>> {
  const metric = opts.zeroResults ? 'zero_result_searches' : 'searches'
  const r = await tx.execute(sql`
    select dim as query, sum(n)::int as count from ${COUNTED} x
    where metric = ${metric} and day >= ${isoDay(p.from)} and day < ${isoDay(p.to)}
    group by dim having sum(n) > 0 order by count desc, dim limit ${opts.limit ?? 10}`)
  return r.rows.map((x) => ({ query: String(x.query), count: n(x.count) }))
}

export async function searchPairs(tx: Tx, p: Period): Promise<Record<string, Pair>> {
  const r = await tx.execute(sql`
    select count(*) filter (where ${isCurrent('created_at', p)})::int as q_cur, count(*) filter (where not (${isCurrent('created_at', p)}))::int as q_prev,
           count(*) filter (where result_count = 0 and ${isCurrent('created_at', p)})::int as z_cur,
           count(*) filter (where result_count = 0 and not (${isCurrent('created_at', p)}))::int as z_prev
    from search_queries where ${inWindow('created_at', p)}`)
  return { queries: pair(r.rows[0], 'q'), zeroResults: pair(r.rows[0], 'z') }
}

export async function searchSeries(tx: Tx, p: Period): Promise<BucketRow[]> {
  const r = await tx.execute(sql`
    select ${bucket('created_at', p.granularity)} as bucket, count(*)::int as queries, count(*) filter (where result_count = 0)::int as "zeroResults"
    from search_queries where ${inCurrent('created_at', p)} group by 1`)
  return bucketRows(r.rows)
}

// ---------------------------------------------------------------- listings (seller, dealer, one listing)

/** Which listings: a seller's, a dealer's, or one car. */
export type ListingScope = { seller: number } | { dealer: number } | { car: number }
const scopeOn = (alias: string, s: ListingScope): Sql =>
  'seller' in s ? sql`${sql.raw(`${alias}.seller_id`)} = ${s.seller}` : 'dealer' in s ? sql`${sql.raw(`${alias}.dealer_id`)} = ${s.dealer}` : sql`${sql.raw(`${alias}.id`)} = ${s.car}`

/** Views, favorites and offers (daily history) of the scope's listings, current and previous period. */
export async function listingActivityPairs(tx: Tx, s: ListingScope, p: Period): Promise<Record<'views' | 'favorites' | 'offers', Pair>> {
  const r = await tx.execute(sql`
    select coalesce(sum(d.views) filter (where ${isCurrent('d.day', p)}), 0) as views_cur, coalesce(sum(d.views) filter (where not (${isCurrent('d.day', p)})), 0) as views_prev,
           coalesce(sum(d.favorites) filter (where ${isCurrent('d.day', p)}), 0) as favorites_cur, coalesce(sum(d.favorites) filter (where not (${isCurrent('d.day', p)})), 0) as favorites_prev,
           coalesce(sum(d.offers) filter (where ${isCurrent('d.day', p)}), 0) as offers_cur, coalesce(sum(d.offers) filter (where not (${isCurrent('d.day', p)})), 0) as offers_prev
    from listing_daily_stats d join cars c on c.id = d.car_id
    where ${scopeOn('c', s)} and ${inWindow('d.day', p)}`)
  return { views: pair(r.rows[0], 'views'), favorites: pair(r.rows[0], 'favorites'), offers: pair(r.rows[0], 'offers') }
}

export async function listingActivitySeries(tx: Tx, s: ListingScope, p: Period): Promise<BucketRow[]> {
  const r = await tx.execute(sql`
    select ${bucket('d.day', p.granularity)} as bucket, sum(d.views)::int as views, sum(d.favorites)::int as favorites, sum(d.offers)::int as offers
    from listing_daily_stats d join cars c on c.id = d.car_id
    where ${scopeOn('c', s)} and ${inCurrent('d.day', p)} group by 1`)
  return bucketRows(r.rows)
}

/** Accepted negotiations (closed in the period) and their agreed total, current and previous. */
export async function salesPairs(tx: Tx, s: ListingScope, p: Period): Promise<{ sales: Pair; revenue: Pair }> {
  const r = await tx.execute(sql`
    select count(*) filter (where ${isCurrent('g.closed_at', p)})::int as s_cur, count(*) filter (where not (${isCurrent('g.closed_at', p)}))::int as s_prev,
           coalesce(sum(g.agreed_price) filter (where ${isCurrent('g.closed_at', p)}), 0) as r_cur,
           coalesce(sum(g.agreed_price) filter (where not (${isCurrent('g.closed_at', p)})), 0) as r_prev
    from negotiations g join cars c on c.id = g.car_id
    where ${scopeOn('c', s)} and g.status = 'accepted' and ${inWindow('g.closed_at', p)}`)
  return { sales: pair(r.rows[0], 's'), revenue: pair(r.rows[0], 'r') }
}

export async function listingsByStatus(tx: Tx, s: ListingScope): Promise<Record<string, number>> {
  const r = await tx.execute(sql`select c.status, count(*)::int as n from cars c where ${scopeOn('c', s)} group by c.status`)
  return Object.fromEntries(r.rows.map((x) => [String(x.status), n(x.n)]))
}

/** The scope's listings with the most views in the period. */
export async function topListings(tx: Tx, s: ListingScope, p: Period, limit = 5): Promise<Array<{ id: number; title: string; views: number; favorites: number; offers: number }>> {
  const r = await tx.execute(sql`
    select c.id, c.title, sum(d.views)::int as views, sum(d.favorites)::int as favorites, sum(d.offers)::int as offers
    from listing_daily_stats d join cars c on c.id = d.car_id
    where ${scopeOn('c', s)} and ${inCurrent('d.day', p)} group by c.id, c.title order by views desc, c.id limit ${limit}`)
  return r.rows.map((x) => ({ id: n(x.id), title: String(x.title), views: n(x.views), favorites: n(x.favorites), offers: n(x.offers) }))
}

/** Inventory of a dealer: active listings, their total and average asking price, average days since publication. */
export async function inventorySummary(tx: Tx, dealer: number, now: Date = new Date()) {
  const r = await tx.execute(sql`
    select count(*)::int as active, coalesce(sum(price), 0) as value, avg(price) as avg_price,
           avg(extract(epoch from (${iso(now)}::timestamptz - coalesce(published_at, created_at))) / 86400) as avg_days
    from cars where dealer_id = ${dealer} and status = 'active'`)
  const row = r.rows[0] ?? {}
  return {
    activeListings: n(row.active),
    inventoryValue: n(row.value),
    averagePrice: row.avg_price == null ? 0 : Math.round(n(row.avg_price) * 100) / 100,
    averageDaysListed: row.avg_days == null ? 0 : Math.round(n(row.avg_days) * 10) / 10,
  }
}

/** Stamps one event on a listing's day (views, favorites or offers + 1): the history the listing series reads. */
export async function bumpListingDay(tx: Tx, car: number, at: Date, metric: 'views' | 'favorites' | 'offers'): Promise<void> {
  const day = `${at.toISOString().slice(0, 10)}T00:00:00.000Z`
  const col = sql.raw(metric)
  await tx.execute(sql`
    insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers, updated_at, created_at)
    select c.id, c.seller_id, ${day}::timestamptz, ${metric === 'views' ? 1 : 0}, ${metric === 'favorites' ? 1 : 0}, ${metric === 'offers' ? 1 : 0}, now(), now()
    from cars c where c.id = ${car}
    on conflict (car_id, day) do update set ${col} = listing_daily_stats.${col} + 1, updated_at = now()`)
}

// ---------------------------------------------------------------- bookings and revenue (admin, parking owners, technicians)

/** Whose bookings: everything (admin), a parking owner's spots, a technician's jobs. */
export type BookingScope = { all: true } | { parkingOwner: number } | { technician: number }

const parkingOn = (s: BookingScope): Sql | null => ('all' in s ? sql.raw('true') : 'parkingOwner' in s ? owned('spot_owner_id', s.parkingOwner) : null)
const servicesOn = (s: BookingScope): Sql | null => ('all' in s ? sql.raw('true') : 'technician' in s ? owned('technician_user_id', s.technician) : null)

/** Bookings (not cancelled/rejected) and their value per bucket and in total, per domain. */
export async function bookingFigures(tx: Tx, s: BookingScope, p: Period) {
  const parts: Sql[] = []
  const pk = parkingOn(s)
  const sv = servicesOn(s)
  if (pk)
    parts.push(sql`select created_at as t, 'parking' as domain, coalesce(total_cost, 0) as value from parking_bookings
      where ${pk} and ${inWindow('created_at', p)} and status is distinct from 'cancelled'`)
  if (sv)
    parts.push(sql`select created_at as t, 'services' as domain, coalesce(pricing_total, 0) as value from service_bookings
      where ${sv} and ${inWindow('created_at', p)} and status not in ('cancelled', 'rejected')`)
  if (!parts.length) return { domains: [] as string[], pairs: {} as Record<string, { bookings: Pair; value: Pair }>, series: [] as BucketRow[] }
  const union = sql.join(parts, sql.raw(' union all '))
  const totals = await tx.execute(sql`
    with t as (${union})
    select domain, count(*) filter (where ${isCurrent('t', p)})::int as b_cur, count(*) filter (where not (${isCurrent('t', p)}))::int as b_prev,
           coalesce(sum(value) filter (where ${isCurrent('t', p)}), 0) as v_cur, coalesce(sum(value) filter (where not (${isCurrent('t', p)})), 0) as v_prev
    from t group by domain`)
  const series = await tx.execute(sql`
    with t as (${union})
    select ${bucket('t', p.granularity)} as bucket, count(*) filter (where domain = 'parking')::int as parking, count(*) filter (where domain = 'services')::int as services,
           coalesce(sum(value), 0) as value
    from t where ${inCurrent('t', p)} group by 1`)
  const domains = [pk ? 'parking' : null, sv ? 'services' : null].filter((d): d is string => d !== null)
  const byDomain = new Map(totals.rows.map((r) => [String(r.domain), r]))
  const pairs = Object.fromEntries(domains.map((d) => [d, { bookings: pair(byDomain.get(d), 'b'), value: pair(byDomain.get(d), 'v') }]))
  return { domains, pairs, series: bucketRows(series.rows) }
}

/** Admin revenue: net captured payments per bucket and per kind (orders, parking, services, subscriptions). */
export async function paymentRevenue(tx: Tx, p: Period) {
  const totals = await tx.execute(sql`
    select coalesce(target_type::text, 'other') as kind,
           coalesce(sum(amount - coalesce(refunded_amount, 0)) filter (where ${isCurrent('paid_at', p)}), 0) as r_cur,
           coalesce(sum(amount - coalesce(refunded_amount, 0)) filter (where not (${isCurrent('paid_at', p)})), 0) as r_prev
    from payments where ${inWindow('paid_at', p)} and status in ('succeeded', 'partially_refunded', 'refunded') group by 1`)
  const series = await tx.execute(sql`
    select ${bucket('paid_at', p.granularity)} as bucket, coalesce(sum(amount - coalesce(refunded_amount, 0)), 0) as revenue
    from payments where ${inCurrent('paid_at', p)} and status in ('succeeded', 'partially_refunded', 'refunded') group by 1`)
  return { byKind: Object.fromEntries(totals.rows.map((r) => [String(r.kind), pair(r, 'r')])), series: bucketRows(series.rows) }
}

/** Deletes audit entries older than `cutoff` (retention); returns how many went. */
export async function purgeAuditLog(tx: Tx, cutoff: Date): Promise<number> {
  const r = await tx.execute(sql`delete from audit_log where created_at < ${iso(cutoff)}::timestamptz`)
  return r.rowCount ?? 0
}

/** A listing's id, title and seller, or null. */
export async function listingOwner(tx: Tx, car: number): Promise<{ id: number; title: string; seller: number | null; status: string } | null> {
  const r = await tx.execute(sql`select id, title, seller_id, status from cars where id = ${car}`)
  const row = r.rows[0]
  return row ? { id: n(row.id), title: String(row.title), seller: row.seller_id == null ? null : n(row.seller_id), status: String(row.status) } : null
}

/** The dealer profile a user owns (the first), or one by id. */
export async function dealerOf(tx: Tx, by: { owner: number } | { id: number }): Promise<{ id: number; name: string; owner: number | null } | null> {
  const r = await tx.execute(
    'owner' in by ? sql`select id, name, owner_id from dealers where owner_id = ${by.owner} order by id limit 1` : sql`select id, name, owner_id from dealers where id = ${by.id}`,
  )
  const row = r.rows[0]
  return row ? { id: n(row.id), name: String(row.name), owner: row.owner_id == null ? null : n(row.owner_id) } : null
}

export interface AuditEntryRow {
  entity: string
  docId: string | null
  action: 'create' | 'update' | 'delete'
  actor: number | null
  ip: string | null
  summary: string
  changes: Record<string, unknown>
}

/**
 * Appends one audit entry in the change's transaction, in one statement (Payload's create sent the row and read it
 * back). Entries are written only here: the collection refuses every create, update and delete through Payload.
 */
export async function insertAuditEntry(tx: Tx, e: AuditEntryRow): Promise<void> {
  // nothing waits for its answer: it goes with the transaction's next statement or its COMMIT
  await sendWithNext(
    tx,
    sql`
    insert into audit_log (entity, doc_id, action, actor_id, ip, summary, changes, updated_at, created_at)
    values (${e.entity}, ${e.docId}, ${e.action}::enum_audit_log_action, ${e.actor}, ${e.ip}, ${e.summary}, ${JSON.stringify(e.changes)}::jsonb,
      statement_timestamp(), statement_timestamp())`,
  )
}
