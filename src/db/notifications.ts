/** SQL of the notification channels: SMS/push delivery rows and push subscriptions. */
import { executeByKey, opaque } from '@/db/plan-cache'
import { sql, type Tx } from '@/db/transaction'

export interface PushSubscriptionRow {
  id: number
  endpoint: string
  p256dh: string
  auth: string
}

export async function pushSubscriptionsOf(tx: Tx, user: number): Promise<PushSubscriptionRow[]> {
  const res = await executeByKey(tx, sql`select id, endpoint, p256dh, auth from push_subscriptions where user_id = ${user} order by id`)
  return res.rows.map((r) => ({ id: Number(r.id), endpoint: String(r.endpoint), p256dh: String(r.p256dh), auth: String(r.auth) }))
}

export interface DeliveryRow {
  id: number
  channel: 'sms' | 'push'
  target: string
  subscriptionId: number | null
  title: string
  body: string
  actionUrl: string | null
  type: string
  notificationId: number | null
  attempts: number
}

/** Locks one pending delivery (skipping rows another worker holds); null when it is not pending or is held. */
export async function lockPendingDelivery(tx: Tx, id: number): Promise<DeliveryRow | null> {
  const res = await tx.execute(sql`
    select id, channel, target, subscription_id, title, body, action_url, type, notification_id, attempts
    from notification_deliveries where id = ${id} and status = 'pending' for update skip locked`)
  const r = res.rows[0]
  if (!r) return null
  return {
    id: Number(r.id),
    channel: r.channel,
    target: String(r.target ?? ''),
    subscriptionId: r.subscription_id === null ? null : Number(r.subscription_id),
    title: String(r.title ?? ''),
    body: String(r.body ?? ''),
    actionUrl: r.action_url ?? null,
    type: String(r.type ?? ''),
    notificationId: r.notification_id === null ? null : Number(r.notification_id),
    attempts: Number(r.attempts ?? 0),
  }
}

export async function recordDeliveryAttempt(
  tx: Tx,
  id: number,
  r: { status: string; attempts: number; nextAttemptAt: Date | null; sentAt: Date | null; lastStatus: number | null; lastError: string | null },
): Promise<void> {
  await tx.execute(sql`
    update notification_deliveries set status = ${r.status}, attempts = ${r.attempts}, next_attempt_at = ${r.nextAttemptAt?.toISOString() ?? null},
      sent_at = coalesce(${r.sentAt?.toISOString() ?? null}, sent_at), last_status = ${r.lastStatus}, last_error = ${r.lastError}, updated_at = now()
    where id = ${id}`)
}

export async function pushSubscriptionById(tx: Tx, id: number): Promise<PushSubscriptionRow | null> {
  const res = await tx.execute(sql`select id, endpoint, p256dh, auth from push_subscriptions where id = ${id}`)
  const r = res.rows[0]
  return r ? { id: Number(r.id), endpoint: String(r.endpoint), p256dh: String(r.p256dh), auth: String(r.auth) } : null
}

/** Removes an expired subscription; its other pending deliveries are marked gone too. */
export async function prunePushSubscription(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`update notification_deliveries set status = 'gone', next_attempt_at = null, updated_at = now() where subscription_id = ${id} and status = 'pending'`)
  await tx.execute(sql`update notification_deliveries set subscription_id = null where subscription_id = ${id}`)
  await tx.execute(sql`delete from push_subscriptions where id = ${id}`)
}

export async function markPushSuccess(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.execute(sql`update push_subscriptions set last_success_at = ${at.toISOString()}, updated_at = now() where id = ${id}`)
}

/** Pending deliveries due now (oldest first). */
export async function dueDeliveries(tx: Tx, now: Date, limit: number): Promise<number[]> {
  const res = await tx.execute(sql`
    select id from notification_deliveries where status = 'pending' and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()})
    order by next_attempt_at nulls first, id limit ${limit}`)
  return res.rows.map((r) => Number(r.id))
}

/** The subscription with this endpoint, if any (registration is an upsert by endpoint). */
export async function pushSubscriptionByEndpoint(tx: Tx, endpoint: string): Promise<{ id: number; user: number } | null> {
  const res = await tx.execute(sql`select id, user_id from push_subscriptions where endpoint = ${endpoint}`)
  const r = res.rows[0]
  return r ? { id: Number(r.id), user: Number(r.user_id) } : null
}

/** A name that renaming may replace inside JSON text as well as plain text: letters, digits, `-` and `_` only. */
const RENAMEABLE = /^[\w-]+$/

/**
 * Renames `from` to `to` (an SQL expression, e.g. the order number a transaction has just taken) in what notify()
 * wrote under a provisional name: the in-app notifications' titles and messages in every language and their data, and
 * the SMS / push delivery rows. One statement, sent with the commit of the transaction that wrote them (`commitWith`).
 */
export function renameInNotificationsStatement(written: { notifications: readonly number[]; deliveries: readonly number[] }, from: string, to: ReturnType<typeof sql>) {
  if (!RENAMEABLE.test(from)) throw new Error(`renameInNotifications: not a plain name: ${from}`)
  // opaque: a named statement's plan must not depend on an array the planner sees (./plan-cache.ts)
  const ids = (list: readonly number[]) => opaque(list.map(Number), 'int[]')
  return {
    byKey: sql`
    with t as materialized (select ${to} as v),
    texts as (update notifications_locales l set title = replace(l.title, ${from}::text, t.v), message = replace(l.message, ${from}::text, t.v)
      from t where l._parent_id = any(${ids(written.notifications)}) returning 1),
    data as (update notifications n set data = replace(n.data::text, ${from}::text, t.v)::jsonb
      from t where n.id = any(${ids(written.notifications)}) and strpos(n.data::text, ${from}::text) > 0 returning 1),
    deliveries as (update notification_deliveries d set title = replace(d.title, ${from}::text, t.v), body = replace(d.body, ${from}::text, t.v)
      from t where d.id = any(${ids(written.deliveries)}) returning 1)
    select (select count(*) from texts)::int as texts, (select count(*) from data)::int as data, (select count(*) from deliveries)::int as deliveries`,
  }
}
