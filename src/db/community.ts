/**
 * SQL of the community domain: counters recounted under locks, bulk notification writes, the duplicate checks
 * behind the friendly 409s, the verified-purchase queries. Every collection of the platform exists (the schema
 * is known at build time), so no query probes for tables or columns.
 */
import type { PayloadRequest } from 'payload'

import { executeByKey } from '@/db/plan-cache'
import { sql, type Tx, tableOf, txOf } from '@/db/transaction'

/** The id of a relationship value (populated doc, id, or polymorphic `{ relationTo, value }`). */
export function relId(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const v = value as { id?: unknown; value?: unknown }
    if ('value' in v) return relId(v.value)
    if ('id' in v) return relId(v.id)
    return null
  }
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Whether two relationship values (ids, documents or polymorphic values) point at the same document. */
export const sameId = (a: unknown, b: unknown) => {
  const x = relId(a)
  const y = relId(b)
  return x !== null && x === y
}

/** Runs `fn` with the request's transaction handle (the caller's operation already opened it). */
export async function withTx<T>(req: PayloadRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return fn(await txOf(req))
}

// ---------------------------------------------------------------- contact form

/** Contact submissions from `ip` in the last `windowMinutes`. */
export async function countRecentContactSubmissions(tx: Tx, ip: string, windowMinutes: number): Promise<number> {
  const res = await tx.execute(sql`select count(*)::int as n from contact_submissions where ip = ${ip} and created_at > now() - make_interval(mins => ${windowMinutes})`)
  return Number(res.rows[0].n)
}

// ---------------------------------------------------------------- forum

/** Recounts a thread's visible responses (optionally bumping its last activity); returns the count. */
export async function recountThreadResponses(tx: Tx, threadId: number, touch = false): Promise<number> {
  const res = await tx.execute(sql`
    update forum_threads set
      responses_count = (select count(*) from forum_responses r where r.thread_id = ${threadId} and r.status = 'visible')
      ${touch ? sql`, last_activity_at = now()` : sql``}
    where id = ${threadId} returning responses_count`)
  return Number(res.rows[0]?.responses_count ?? 0)
}

/** A thread's status, or null when it does not exist. */
export async function threadStatus(tx: Tx, threadId: number): Promise<string | null> {
  const row = (await tx.execute(sql`select status from forum_threads where id = ${threadId}`)).rows[0] as { status: string } | undefined
  return row ? String(row.status) : null
}

/** Marks `responseId` the one accepted response of its thread (clearing an earlier choice). */
export async function setAcceptedResponse(tx: Tx, threadId: number, responseId: number): Promise<void> {
  await tx.execute(sql`update forum_responses set is_accepted = (id = ${responseId}) where thread_id = ${threadId} and (is_accepted or id = ${responseId})`)
}

/** Atomic view count increment; the new count, or null when the thread does not exist. */
export async function incrementThreadViews(tx: Tx, threadId: number): Promise<number | null> {
  const res = await tx.execute(sql`update forum_threads set views_count = coalesce(views_count, 0) + 1 where id = ${threadId} returning views_count`)
  return res.rows.length ? Number(res.rows[0].views_count) : null
}

/** Clears a thread's accepted response when it was `responseId` (the response is being deleted). */
export async function clearAcceptedResponse(tx: Tx, threadId: number, responseId: number): Promise<void> {
  await tx.execute(sql`update forum_threads set accepted_response_id = null where id = ${threadId} and accepted_response_id = ${responseId}`)
}

/** The user's pending or approved expert verification, if any. */
export async function openExpertVerification(tx: Tx, userId: number): Promise<{ id: number; status: string } | null> {
  const res = await tx.execute(sql`select id, status from expert_verifications where user_id = ${userId} and status in ('pending', 'approved') limit 1`)
  const row = res.rows[0] as { id: number; status: string } | undefined
  return row ? { id: Number(row.id), status: String(row.status) } : null
}

// ---------------------------------------------------------------- votes

export interface VoteCounts {
  helpful: number
  unhelpful: number
  like: number
}

/** The votes of one target, by value. */
export async function countVotes(tx: Tx, collection: string, id: number): Promise<VoteCounts> {
  const res = await tx.execute(sql`
    select count(*) filter (where value = 'helpful')::int as helpful,
           count(*) filter (where value = 'unhelpful')::int as unhelpful,
           count(*) filter (where value = 'like')::int as "like"
    from votes where target_collection = ${collection} and target_id = ${id}`)
  return { helpful: Number(res.rows[0].helpful), unhelpful: Number(res.rows[0].unhelpful), like: Number(res.rows[0].like) }
}

/** Writes counter columns (`{ column: value }`) of a votable row. */
export async function writeVoteCounters(tx: Tx, collection: string, id: number, counters: Record<string, number>): Promise<void> {
  const sets = Object.entries(counters).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`)
  if (sets.length) await tx.execute(sql`update ${sql.identifier(tableOf(collection))} set ${sql.join(sets, sql`, `)} where id = ${id}`)
}

/** The user's vote on a target, if any. */
export async function findVote(tx: Tx, userId: number, collection: string, id: number): Promise<{ id: number; value: string } | null> {
  const res = await tx.execute(sql`select id, value from votes where user_id = ${userId} and target_collection = ${collection} and target_id = ${id} limit 1`)
  const row = res.rows[0] as { id: number; value: string } | undefined
  return row ? { id: Number(row.id), value: String(row.value) } : null
}

/** Deletes every vote on a target (the target is being deleted). */
export async function deleteVotesOn(tx: Tx, collection: string, id: number): Promise<void> {
  await tx.execute(sql`delete from votes where target_collection = ${collection} and target_id = ${id}`)
}

// ---------------------------------------------------------------- messaging

/** Sets the unread count of `userId` in a conversation to the exact number of unread messages addressed to them. */
export async function recountUnread(tx: Tx, conversationId: number, userId: number): Promise<number> {
  const res = await tx.execute(sql`
    update conversations_unread set count = (
      select count(*) from messages m where m.conversation_id = ${conversationId} and m.recipient_id = ${userId} and m.read_at is null
    ) where _parent_id = ${conversationId} and user_id = ${userId} returning count`)
  return Number(res.rows[0]?.count ?? 0)
}

/** Marks every unread message of a conversation addressed to `userId` read; returns how many. */
export async function markMessagesRead(tx: Tx, conversationId: number, userId: number): Promise<number> {
  const res = await tx.execute(sql`update messages set read_at = now() where conversation_id = ${conversationId} and recipient_id = ${userId} and read_at is null returning id`)
  return res.rows.length
}

/** The conversation `initiator` opened about a listing (`listingKey`), if any. */
export async function conversationAbout(tx: Tx, initiator: number, key: string): Promise<number | null> {
  const res = await tx.execute(sql`select id from conversations where initiator_id = ${initiator} and listing_key = ${key} limit 1`)
  return res.rows.length ? Number(res.rows[0].id) : null
}

/** Stamps a conversation's last message (time, preview, sender). */
export async function touchConversation(tx: Tx, conversationId: number, m: { at: string; preview: string; sender: number }): Promise<void> {
  await tx.execute(sql`update conversations set last_message_at = ${m.at}, last_message_preview = ${m.preview}, last_message_by_id = ${m.sender} where id = ${conversationId}`)
}

// ---------------------------------------------------------------- notifications

/** The user's unread notifications. */
export async function countUnreadNotifications(tx: Tx, userId: number): Promise<number> {
  return Number((await tx.execute(sql`select count(*)::int as n from notifications where user_id = ${userId} and read = false`)).rows[0].n)
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(tx: Tx, id: number, userId: number): Promise<boolean> {
  const res = await tx.execute(sql`update notifications set read = true, read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${userId} returning id`)
  return res.rows.length > 0
}

/** Marks all the user's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(tx: Tx, userId: number): Promise<number> {
  const res = await tx.execute(sql`update notifications set read = true, read_at = now() where user_id = ${userId} and read = false returning id`)
  return res.rows.length
}

export interface BroadcastRow {
  type: string
  /** Only users with this role (else every user who is not inactive). */
  role?: string
  data: Record<string, unknown>
  actionUrl?: string | null
  title: { en: string; ar: string }
  message: { en: string; ar: string }
}

/** One notification (en + ar) per active user, or per active user with `role`, in bulk SQL; returns how many. */
export async function insertBroadcast(tx: Tx, b: BroadcastRow): Promise<number> {
  const who = b.role
    ? sql`select u.id from users u where coalesce(u.status::text, 'active') <> 'inactive' and exists (select 1 from users_roles r where r.parent_id = u.id and r.value::text = ${b.role})`
    : sql`select u.id from users u where coalesce(u.status::text, 'active') <> 'inactive'`
  const res = await tx.execute(sql`
    ${notificationsFor(who, { type: b.type, data: b.data, actionUrl: b.actionUrl, urgent: false, emailStatus: 'queued', texts: { en: { title: b.title.en, message: b.message.en }, ar: { title: b.title.ar, message: b.message.ar } } })}
    select (select count(*) from ins)::int as n`)
  return Number(res.rows[0].n)
}

// ---------------------------------------------------------------- reviews

export interface RatingRow {
  count: number
  average: number
  distribution: { one: number; two: number; three: number; four: number; five: number }
  aspects: { communication: number | null; accuracy: number | null; value: number | null; shipping: number | null }
}

/** The approved reviews of one target, aggregated (count, average, star distribution, aspect averages). */
export async function ratingAggregates(tx: Tx, collection: string, id: number): Promise<RatingRow> {
  const res = await tx.execute(sql`
    select count(*)::int as count,
      coalesce(round(avg(rating)::numeric, 2), 0)::float8 as average,
      count(*) filter (where rating = 1)::int as one,
      count(*) filter (where rating = 2)::int as two,
      count(*) filter (where rating = 3)::int as three,
      count(*) filter (where rating = 4)::int as four,
      count(*) filter (where rating = 5)::int as five,
      round(avg(aspects_communication)::numeric, 2)::float8 as communication,
      round(avg(aspects_accuracy)::numeric, 2)::float8 as accuracy,
      round(avg(aspects_value)::numeric, 2)::float8 as value,
      round(avg(aspects_shipping)::numeric, 2)::float8 as shipping
    from reviews where target_collection = ${collection} and target_id = ${id} and status = 'approved'`)
  const r = res.rows[0] as Record<string, number | null>
  const n = (v: number | null) => (v === null ? null : Number(v))
  return {
    average: Number(r.average ?? 0),
    count: Number(r.count ?? 0),
    distribution: { one: Number(r.one), two: Number(r.two), three: Number(r.three), four: Number(r.four), five: Number(r.five) },
    aspects: { communication: n(r.communication), accuracy: n(r.accuracy), value: n(r.value), shipping: n(r.shipping) },
  }
}

/** Writes a target's `rating` group (every review target carries `ratingSummaryField()`). */
export async function writeRatingSummary(tx: Tx, collection: string, id: number, s: RatingRow): Promise<void> {
  await tx.execute(sql`
    update ${sql.identifier(tableOf(collection))} set
      rating_average = ${s.average}, rating_count = ${s.count},
      rating_distribution_one = ${s.distribution.one}, rating_distribution_two = ${s.distribution.two},
      rating_distribution_three = ${s.distribution.three}, rating_distribution_four = ${s.distribution.four},
      rating_distribution_five = ${s.distribution.five},
      rating_aspects_communication = ${s.aspects.communication}, rating_aspects_accuracy = ${s.aspects.accuracy},
      rating_aspects_value = ${s.aspects.value}, rating_aspects_shipping = ${s.aspects.shipping}
    where id = ${id}`)
}

/** The author's existing review of a target (and booking, when given), if any. */
export async function existingReview(tx: Tx, author: number, collection: string, id: number, bookingKey: string | null): Promise<number | null> {
  const res = await tx.execute(sql`
    select id from reviews where author_id = ${author} and target_collection = ${collection} and target_id = ${id}
      and coalesce(booking_key, '') = ${bookingKey ?? ''} limit 1`)
  return res.rows.length ? Number(res.rows[0].id) : null
}

type Query = ReturnType<typeof sql>

const exists = async (tx: Tx, query: Query): Promise<boolean> => Boolean((await tx.execute(sql`select exists(${query}) as ok`)).rows[0]?.ok)

/**
 * Whether `author` really did business with a review target: bought the part (an order line in one of
 * `purchasedStatuses`), completed a parking or service booking, had a negotiation on the car accepted — or
 * any of those with the reviewed user.
 */
export async function didBusinessWith(
  tx: Tx,
  author: number,
  target: 'cars' | 'parts' | 'users' | 'parking-spots' | 'services' | 'technicians',
  id: number,
  purchasedStatuses: readonly string[],
): Promise<boolean> {
  const purchased = sql.join(
    purchasedStatuses.map((s) => sql`${s}`),
    sql`, `,
  )
  const orderLine = (cond: Query) => exists(tx, sql`select 1 from orders o join orders_items i on i._parent_id = o.id where o.customer_id = ${author} and o.status::text in (${purchased}) and ${cond}`)
  const negotiation = (cond: Query) => exists(tx, sql`select 1 from negotiations n where n.buyer_id = ${author} and n.status::text = 'accepted' and ${cond}`)
  const serviceBooking = (cond: Query) => exists(tx, sql`select 1 from service_bookings b where b.customer_id = ${author} and b.status::text = 'completed' and ${cond}`)
  switch (target) {
    case 'parts':
      return orderLine(sql`i.part_id = ${id}`)
    case 'cars':
      return negotiation(sql`n.car_id = ${id}`)
    case 'parking-spots':
      return exists(tx, sql`select 1 from parking_bookings b where b.user_id = ${author} and b.spot_id = ${id} and b.status::text = 'completed'`)
    case 'services':
      return serviceBooking(sql`b.service_id = ${id}`)
    case 'technicians':
      return serviceBooking(sql`b.technician_id = ${id}`)
    case 'users':
      return (
        (await negotiation(sql`n.seller_id = ${id}`)) ||
        (await negotiation(sql`n.car_id in (select c.id from cars c where c.seller_id = ${id})`)) ||
        (await orderLine(sql`i.seller_id = ${id}`)) ||
        (await orderLine(sql`i.part_id in (select p.id from parts p where p.seller_id = ${id})`)) ||
        (await exists(tx, sql`select 1 from parking_bookings b join parking_spots s on s.id = b.spot_id where b.user_id = ${author} and s.owner_id = ${id} and b.status::text = 'completed'`)) ||
        (await serviceBooking(sql`b.technician_id in (select t.id from technicians t where t.user_id = ${id})`))
      )
  }
}

// ---------------------------------------------------------------- notification delivery

export interface NotificationRow {
  user: number
  type: string
  data: Record<string, unknown>
  actionUrl?: string | null
  urgent: boolean
  emailStatus: 'none' | 'queued' | 'sending'
  texts: { en: { title: string; message: string }; ar: { title: string; message: string } }
}

/**
 * The `ins` and `loc` CTEs that write one notification, with its English and Arabic texts, for each id `targets`
 * selects (one statement, where Payload's create took four: the row, the English texts, the read-back, the Arabic
 * texts). Notifications have no collection hooks; the platform writes them only through this.
 * `statement_timestamp()`, not the transaction's start: two notifications of one transaction keep their order.
 */
function notificationsFor(targets: ReturnType<typeof sql>, n: Omit<NotificationRow, 'user'>) {
  return sql`
    with targets as (${targets}),
    ins as (
      insert into notifications (user_id, type, data, action_url, urgent, read, email_status, email_attempts, updated_at, created_at)
      select id, ${n.type}::enum_notifications_type, ${JSON.stringify(n.data)}::jsonb, ${n.actionUrl ?? null}, ${n.urgent}, false,
        ${n.emailStatus}::enum_notifications_email_status, 0, statement_timestamp(), statement_timestamp() from targets
      returning id, created_at
    ),
    loc as (
      insert into notifications_locales (title, message, _locale, _parent_id)
      select ${n.texts.en.title}, ${n.texts.en.message}, 'en'::_locales, id from ins
      union all
      select ${n.texts.ar.title}, ${n.texts.ar.message}, 'ar'::_locales, id from ins
    )`
}

/** One in-app notification with its English and Arabic texts, in one statement. */
export async function insertNotification(tx: Tx, n: NotificationRow): Promise<{ id: number; createdAt: string }> {
  // one text for every notification (its values are parameters): named, planned once per connection (./plan-cache.ts)
  const res = await executeByKey(
    tx,
    sql`
    ${notificationsFor(sql`select ${n.user}::int as id`, n)}
    select id, created_at from ins`,
  )
  const row = res.rows[0]
  return { id: Number(row.id), createdAt: new Date(row.created_at as string).toISOString() }
}

/**
 * Records an attempt at a notification's instant email (`attempts` counts it): its status, the next attempt's time,
 * `emailedAt` when sent. Only while the email is still being sent and no other attempt was recorded since this one
 * began, so a late or repeated attempt never overwrites a newer outcome.
 */
export async function recordEmailAttempt(db: Pick<Tx, 'execute'>, id: number, a: { status: 'sent' | 'sending' | 'failed'; attempts: number; nextAttemptAt: Date | null; at: Date }): Promise<void> {
  await db.execute(sql`update notifications set email_status = ${a.status}, email_attempts = ${a.attempts},
      email_next_attempt_at = ${a.nextAttemptAt?.toISOString() ?? null}, emailed_at = ${a.status === 'sent' ? a.at.toISOString() : null}
    where id = ${id} and email_status = 'sending' and email_attempts = ${a.attempts - 1}`)
}

/** An instant email the retry job claimed, as it goes out now: to the user's address, in their language. */
export interface DueEmail {
  id: number
  attempts: number
  to: string | null
  title: string | null
  message: string | null
  actionUrl: string | null
}

/**
 * Claims up to `limit` instant emails due for another attempt — `sending` with `emailNextAttemptAt` passed, or never
 * recorded and written before `stuckBefore` (the process that was sending it stopped) — oldest first, by moving their
 * next attempt to `claimUntil`: a concurrent claim skips them (`for update skip locked`, then no longer due), and one
 * whose worker stops mid-send is due again then. One statement, with each email's address and texts in the
 * recipient's language, falling back to English as the digest's {@link lockQueuedEmails} does.
 */
export async function claimDueEmails(db: Pick<Tx, 'execute'>, now: Date, stuckBefore: Date, claimUntil: Date, limit: number): Promise<DueEmail[]> {
  const res = await db.execute(sql`
    with due as (
      select id from notifications
      where email_status = 'sending'
        and (email_next_attempt_at <= ${now.toISOString()} or (email_next_attempt_at is null and created_at <= ${stuckBefore.toISOString()}))
      order by coalesce(email_next_attempt_at, created_at), id
      limit ${limit}
      for update skip locked
    ),
    claimed as (
      update notifications n set email_next_attempt_at = ${claimUntil.toISOString()} from due where n.id = due.id
      returning n.id, n.user_id, n.email_attempts, n.action_url
    )
    select c.id, c.email_attempts, c.action_url, u.email, coalesce(l.title, e.title) as title, coalesce(l.message, e.message) as message
    from claimed c
    left join users u on u.id = c.user_id
    left join notifications_locales e on e._parent_id = c.id and e._locale = 'en'
    left join notifications_locales l on l._parent_id = c.id and l._locale = (case when u.preferred_language = 'ar' then 'ar' else 'en' end)::_locales
    order by c.id`)
  return res.rows.map((r) => ({
    id: Number(r.id),
    attempts: Number(r.email_attempts ?? 0),
    to: (r.email as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    message: (r.message as string | null) ?? null,
    actionUrl: (r.action_url as string | null) ?? null,
  }))
}

/** The request rolled back before its email went out: the notification (if it survived) shows none was sent. */
export async function markEmailUnsent(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`update notifications set email_status = 'none' where id = ${id} and email_status = 'sending'`)
}

/** Users with queued notification emails. */
export async function usersWithQueuedEmail(tx: Tx): Promise<number[]> {
  return (await tx.execute(sql`select distinct user_id from notifications where email_status = 'queued'`)).rows.map((r) => Number(r.user_id))
}

/** Takes the per-user digest lock without waiting; false when another worker holds it. */
export async function tryDigestLock(tx: Tx, userId: number): Promise<boolean> {
  return Boolean((await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('notification-digest'), ${userId}) as ok`)).rows[0]?.ok)
}

/** Drops queued (non-urgent) emails of a user: all of them, or only those of `types`. */
export async function dropQueuedEmails(tx: Tx, userId: number, types?: readonly string[]): Promise<void> {
  const only = types
    ? sql` and type::text in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``
  await tx.execute(sql`update notifications set email_status = 'none' where user_id = ${userId} and email_status = 'queued' and not urgent${only}`)
}

/** When the user's last digest was mailed. */
export async function lastDigestAt(tx: Tx, userId: number): Promise<Date | null> {
  const at = (await tx.execute(sql`select max(emailed_at) as at from notifications where user_id = ${userId} and email_status = 'digested'`)).rows[0]?.at
  return at ? new Date(at as string) : null
}

export interface QueuedEmail {
  id: number
  title: string
  message: string
  actionUrl: string | null
  createdAt: string
}

/** A user's queued notifications in `locale` (falling back to English), oldest first, locked (skipping rows another worker holds). */
export async function lockQueuedEmails(tx: Tx, userId: number, locale: 'en' | 'ar'): Promise<QueuedEmail[]> {
  const rows = await tx.execute(sql`
    select n.id, n.action_url, n.created_at, coalesce(l.title, e.title) as title, coalesce(l.message, e.message) as message
    from notifications n
    join notifications_locales e on e._parent_id = n.id and e._locale = 'en'
    left join notifications_locales l on l._parent_id = n.id and l._locale = ${locale}
    where n.user_id = ${userId} and n.email_status = 'queued'
    order by n.created_at, n.id
    for update of n skip locked`)
  return rows.rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    message: String(r.message),
    actionUrl: (r.action_url as string | null) ?? null,
    createdAt: String(r.created_at),
  }))
}

/** Marks notifications as mailed in a digest. */
export async function markDigested(tx: Tx, ids: number[], at: Date): Promise<void> {
  if (ids.length)
    await tx.execute(
      sql`update notifications set email_status = 'digested', emailed_at = ${at.toISOString()} where id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
}
