/** SQL of loyalty (services domain): the ledger, the balance on users, achievements, the statistics aggregates. */
import { executeByKey } from '@/db/plan-cache'
import { lockThenRead, sql, type Tx } from '@/db/transaction'

/** The advisory lock namespace of a user's points (`advisoryLock(tx, LOYALTY_LOCK, user)`): every move of them takes it. */
export const LOYALTY_LOCK = 'loyalty'

/**
 * Appends a ledger row unless (reason, ref) exists; moves the balance (and lifetime points when earning: positive
 * points, unless `lifetime: false`, as for points given back). Null when it existed.
 */
export async function appendLedger(tx: Tx, e: { user: number; reason: string; ref: string; points: number; lifetime?: boolean }): Promise<{ balance: number; lifetime: number } | null> {
  const lifetimeDelta = e.lifetime === false ? 0 : Math.max(e.points, 0)
  const res = await tx.execute(sql`
    with moved as (
      update users set loyalty_points = coalesce(loyalty_points, 0) + ${e.points},
        lifetime_points = coalesce(lifetime_points, 0) + ${lifetimeDelta}
      where id = ${e.user}
        and not exists (select 1 from loyalty_ledger where reason = ${e.reason} and ref = ${e.ref})
      returning loyalty_points, lifetime_points
    )
    insert into loyalty_ledger (user_id, reason, ref, points, balance_after, created_at, updated_at)
    select ${e.user}, ${e.reason}, ${e.ref}, ${e.points}, loyalty_points, now(), now() from moved
    on conflict do nothing
    returning balance_after, (select lifetime_points from moved) as lifetime`)
  const r = res.rows[0]
  return r ? { balance: Number(r.balance_after), lifetime: Number(r.lifetime) } : null
}

/** The points of one ledger row (e.g. what an order spent), or null when there is none. */
export async function ledgerPoints(tx: Tx, reason: string, ref: string): Promise<{ user: number; points: number } | null> {
  const res = await tx.execute(sql`select user_id, points from loyalty_ledger where reason = ${reason} and ref = ${ref}`)
  const r = res.rows[0]
  return r ? { user: Number(r.user_id), points: Number(r.points) } : null
}

/** Records an alert for (user, key) once; true when it is new (the caller then notifies). */
export async function recordAlert(tx: Tx, a: { user: number; alert: string; key: string }): Promise<boolean> {
  const res = await tx.execute(sql`
    insert into loyalty_alerts (user_id, alert, key, created_at, updated_at)
    values (${a.user}, ${a.alert}, ${a.key}, now(), now())
    on conflict (user_id, key) do nothing returning id`)
  return res.rows.length > 0
}

/**
 * Users with past activity (a service booking or an order as customer) and none since `before`: their last
 * activity and the alert key of that inactivity period (`inactivity:<last activity, UTC, µs>`: a new booking or order
 * opens a new period). Users already alerted for that period are left out.
 */
export async function inactiveCustomers(tx: Tx, before: Date, limit: number): Promise<{ user: number; lastActivity: Date; key: string }[]> {
  const res = await tx.execute(sql`
    with activity as (
      select customer_id as user_id, max(created_at) as last from service_bookings where customer_id is not null group by customer_id
      union all
      select customer_id, max(created_at) from orders where customer_id is not null group by customer_id
    ), last as (
      select user_id, max(last) as last from activity group by user_id
    ), keyed as (
      select user_id, last, 'inactivity:' || to_char(last at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from last
    )
    select k.user_id, k.last, k.key from keyed k
    where k.last < ${before.toISOString()}
      and not exists (select 1 from loyalty_alerts a where a.user_id = k.user_id and a.key = k.key)
    order by k.user_id limit ${limit}`)
  return res.rows.map((r) => ({ user: Number(r.user_id), lastActivity: new Date(r.last as string), key: String(r.key) }))
}

export interface LoyaltyState {
  balance: number
  lifetime: number
  level: string
}

const loyaltyStatement = (user: number) => sql`select coalesce(loyalty_points, 0) as b, coalesce(lifetime_points, 0) as l, coalesce(loyalty_level, 'bronze') as lv from users where id = ${user}`
const loyaltyState = (rows: Record<string, unknown>[]): LoyaltyState => {
  const r = rows[0] ?? {}
  return { balance: Number(r.b ?? 0), lifetime: Number(r.l ?? 0), level: String(r.lv ?? 'bronze') }
}

export async function loyaltyOf(tx: Tx, user: number): Promise<LoyaltyState> {
  return loyaltyState((await executeByKey(tx, loyaltyStatement(user))).rows)
}

/** Takes the user's loyalty lock and reads the balance it guards, in one round trip (`lockThenRead`). */
export async function lockedLoyaltyOf(tx: Tx, user: number): Promise<LoyaltyState> {
  const [state] = await lockThenRead(tx, LOYALTY_LOCK, user, [{ byKey: loyaltyStatement(user) }])
  return loyaltyState(state.rows)
}

export async function setLoyaltyLevel(tx: Tx, user: number, level: string): Promise<void> {
  await tx.execute(sql`update users set loyalty_level = ${level} where id = ${user}`)
}

/** Records an achievement once; true when it is new. */
export async function unlockAchievement(tx: Tx, a: { user: number; key: string; rewardKind: string; rewardValue: number; at: Date }): Promise<number | null> {
  const res = await tx.execute(sql`
    insert into achievements (user_id, key, reward_kind, reward_value, unlocked_at, created_at, updated_at)
    values (${a.user}, ${a.key}, ${a.rewardKind}, ${a.rewardValue}, ${a.at.toISOString()}, now(), now())
    on conflict (user_id, key) do nothing returning id`)
  return res.rows[0] ? Number(res.rows[0].id) : null
}

export async function setAchievementTitles(tx: Tx, id: number, title: { en: string; ar: string }): Promise<void> {
  await tx.execute(sql`
    insert into achievements_locales (title, _locale, _parent_id) values (${title.en}, 'en', ${id}), (${title.ar}, 'ar', ${id})
    on conflict do nothing`)
}

export async function achievementsOf(tx: Tx, user: number): Promise<{ key: string; unlockedAt: string }[]> {
  const res = await tx.execute(sql`select key, unlocked_at from achievements where user_id = ${user} order by unlocked_at, id`)
  return res.rows.map((r) => ({ key: String(r.key), unlockedAt: new Date(r.unlocked_at).toISOString() }))
}

export interface UserStats {
  bookings: { total: number; completed: number; cancelled: number; spent: number }
  orders: { total: number; delivered: number; cancelled: number; spent: number }
  reviews: number
}

/** Aggregates of a user's bookings, orders and reviews (money: completed bookings and delivered orders). */
export async function userStats(tx: Tx, user: number): Promise<UserStats> {
  const res = await tx.execute(sql`
    select
      (select count(*) from service_bookings where customer_id = ${user})::int as b_total,
      (select count(*) from service_bookings where customer_id = ${user} and status = 'completed')::int as b_completed,
      (select count(*) from service_bookings where customer_id = ${user} and status = 'cancelled')::int as b_cancelled,
      (select coalesce(sum(pricing_total), 0) from service_bookings where customer_id = ${user} and status = 'completed')::numeric as b_spent,
      (select count(*) from orders where customer_id = ${user})::int as o_total,
      (select count(*) from orders where customer_id = ${user} and status = 'delivered')::int as o_delivered,
      (select count(*) from orders where customer_id = ${user} and status = 'cancelled')::int as o_cancelled,
      (select coalesce(sum(total), 0) from orders where customer_id = ${user} and status = 'delivered')::numeric as o_spent,
      (select count(*) from reviews where author_id = ${user})::int as reviews`)
  const r = res.rows[0]
  return {
    bookings: { total: r.b_total, completed: r.b_completed, cancelled: r.b_cancelled, spent: Number(r.b_spent) },
    orders: { total: r.o_total, delivered: r.o_delivered, cancelled: r.o_cancelled, spent: Number(r.o_spent) },
    reviews: r.reviews,
  }
}

/** Per month (UTC, last `months`): completed bookings and their spending, delivered orders and theirs, points earned/spent/given back. */
export async function monthlyTrends(tx: Tx, user: number, months: number) {
  const res = await tx.execute(sql`
    with m as (select generate_series(date_trunc('month', now() at time zone 'utc') - make_interval(months => ${months - 1}), date_trunc('month', now() at time zone 'utc'), interval '1 month') as month)
    select to_char(m.month, 'YYYY-MM') as month,
      (select count(*) from service_bookings b where b.customer_id = ${user} and b.status = 'completed' and date_trunc('month', b.updated_at at time zone 'utc') = m.month)::int as bookings,
      (select coalesce(sum(b.pricing_total), 0) from service_bookings b where b.customer_id = ${user} and b.status = 'completed' and date_trunc('month', b.updated_at at time zone 'utc') = m.month)::numeric as booking_spending,
      (select count(*) from orders o where o.customer_id = ${user} and o.status = 'delivered' and date_trunc('month', o.updated_at at time zone 'utc') = m.month)::int as orders,
      (select coalesce(sum(o.total), 0) from orders o where o.customer_id = ${user} and o.status = 'delivered' and date_trunc('month', o.updated_at at time zone 'utc') = m.month)::numeric as order_spending,
      (select coalesce(sum(points) filter (where points > 0 and reason <> 'redeem_refund'), 0) from loyalty_ledger l where l.user_id = ${user} and date_trunc('month', l.created_at at time zone 'utc') = m.month)::int as points_earned,
      (select coalesce(-sum(points) filter (where points < 0), 0) from loyalty_ledger l where l.user_id = ${user} and date_trunc('month', l.created_at at time zone 'utc') = m.month)::int as points_spent,
      (select coalesce(sum(points) filter (where reason = 'redeem_refund'), 0) from loyalty_ledger l where l.user_id = ${user} and date_trunc('month', l.created_at at time zone 'utc') = m.month)::int as points_refunded
    from m order by m.month`)
  return res.rows.map((r) => ({
    month: String(r.month),
    bookings: r.bookings,
    orders: r.orders,
    spending: Number(r.booking_spending) + Number(r.order_spending),
    pointsEarned: r.points_earned,
    pointsSpent: r.points_spent,
    pointsRefunded: r.points_refunded,
  }))
}

export async function ledgerPage(tx: Tx, user: number, limit: number) {
  const res = await tx.execute(sql`select reason, ref, points, balance_after, created_at from loyalty_ledger where user_id = ${user} order by id desc limit ${limit}`)
  return res.rows.map((r) => ({ reason: String(r.reason), ref: String(r.ref), points: Number(r.points), balanceAfter: Number(r.balance_after), at: new Date(r.created_at).toISOString() }))
}

/**
 * Renames the ledger entry written for `reason` under the provisional reference `from` to `to` (an SQL expression: the
 * number its order or booking has just taken), in the transaction that wrote it, sent with its commit (`commitWith`).
 */
export const renameLedgerRefStatement = (reason: string, from: string, to: ReturnType<typeof sql>) => ({
  byKey: sql`update loyalty_ledger set ref = ${to} where reason = ${reason} and ref = ${from}`,
})
