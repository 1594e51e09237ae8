/**
 * Commerce SQL, run inside the caller's transaction: stock taken and returned with conditional updates (never
 * below zero, whatever runs concurrently, on any instance), gap-free order numbers, the order row lock and the
 * once-per-event record of Stripe webhooks; the cart store (find, open, save, the guest cart merged at login) and
 * the plan that limits a seller's listings. The arithmetic is in src/domain/commerce.
 */
import type { PayloadRequest } from 'payload'

import type { Cart, Part, Plan, Subscription } from '@payload-types'

import { causeChain } from '@/db/errors'
import { advisoryLockWithNext, sql, type Tx, txOf, withTransaction } from '@/db/transaction'
import { REFUSAL_SQLSTATE } from '../migrations/20261206_120000_sql_refusals'
import {
  hashCartToken,
  isPlausibleCartToken,
  MAX_LINE_QUANTITY,
  mergeLines,
  newCartToken,
  ORDER_NUMBER_FORM,
  PLAN_HOLDING_STATUSES,
  QUOTA_STATUSES,
  type ShortLine,
  stockOrder,
  type StockRequest,
  unitPriceOf,
} from '@/domain/commerce'
import { idOf, sameId } from '@/domain/ids'
import { selectOf } from '@/lib/read-needs'

type SQL = ReturnType<typeof sql>

// A part's `stock_status` follows its stock in the same row version: the `parts_stock_status_trg` trigger
// (src/migrations/20261201_033000_database_extras.ts, the rule of stockStatusOf) sets it on every update of the
// stock, so the updates below write the quantity only.

/** A part short of stock at its conditional update: what {@link takeStockStatement} refuses with. */
const SHORT_OF_STOCK = 'Not enough stock.'

/**
 * Takes `line.quantity` of the part's stock with a conditional update (never below zero, whatever runs concurrently:
 * PostgreSQL re-checks the condition on the newest row version), or — short — fails with a refusal (SQLSTATE `AH409`,
 * src/migrations/20261206_120000_sql_refusals.ts) whose facts are the line and the stock available then (read `for
 * share`: after whatever holds the row has finished), so the transaction is rolled back. Sent last with the commit
 * (`commitWith`), several lines in {@link stockOrder} (one lock order for every checkout); {@link shortLineOf} reads
 * the refusal.
 */
export const takeStockStatement = (line: StockRequest) => ({
  byKey: sql`
    with taken as (update parts set stock_quantity = stock_quantity - ${line.quantity}::int where id = ${line.part}::int and stock_quantity >= ${line.quantity}::int returning id)
    select case when exists (select 1 from taken) then true else autohub_refuse(${SHORT_OF_STOCK}, json_build_object('part', ${line.part}::int, 'requested', ${line.quantity}::int,
      'available', coalesce((select stock_quantity from parts where id = ${line.part}::int for share), 0))::text) end as taken`,
})

/** The short line a {@link takeStockStatement} refused with, or null when `err` is not that refusal. */
export function shortLineOf(err: unknown): ShortLine | null {
  for (const e of causeChain(err)) {
    const { code, message, detail } = e as { code?: unknown; message?: unknown; detail?: unknown }
    if (code !== REFUSAL_SQLSTATE || message !== SHORT_OF_STOCK || typeof detail !== 'string') continue
    const facts = JSON.parse(detail) as { part: number; requested: number; available: number }
    return { part: Number(facts.part), requested: Number(facts.requested), available: Math.max(0, Number(facts.available)) }
  }
  return null
}

/** Puts stock back for `lines` (the caller records that it did, once). */
export async function putBackStock(tx: Tx, lines: { part: number; quantity: number }[]): Promise<void> {
  for (const line of stockOrder(lines)) {
    await tx.execute(sql`update parts set stock_quantity = stock_quantity + ${line.quantity} where id = ${line.part}`)
  }
}

/** {@link formatOrderNumber}'s form in SQL, of the sequence `seq` (an integer expression) in `year`. */
const orderNumberOf = (year: number, seq: SQL) =>
  sql`${ORDER_NUMBER_FORM.prefix}::text || '-' || ${year}::int::text || '-' || lpad((${seq})::text, greatest(${ORDER_NUMBER_FORM.digits}::int, length((${seq})::text)), '0')`

/**
 * The order number `year`'s counter stands at, as an SQL expression: in the transaction that took it with
 * {@link numberOrderStatement} (which holds the counter's row until its commit), that transaction's order's number.
 */
export const currentOrderNumberSql = (year: number) => sql`(select ${orderNumberOf(year, sql`c.last_value`)} from commerce_order_counters c where c.year = ${year}::int)`

/**
 * Takes the next number of `year`'s gap-free sequence and gives it to a checkout's order (written under a provisional
 * number that only its own transaction sees) and to its ledger entry's description, which names the order: one
 * statement, answering `order_number`. The counter's increment is part of the checkout's transaction (rolled back with
 * it) and its row stays locked until that transaction ends: so this goes last, with the commit (`commitWith`).
 *
 * The year's row is incremented; only the year's first order creates it, starting after the highest number the year's
 * orders already carry (orders made before the counter existed): reading that maximum scans the year's orders (7 ms
 * at 20,000), so it runs only then (a concurrent first order of the year creates it meanwhile: the insert then waits
 * for it and increments it). Refuses (`AH409`) when the order does not carry the provisional number: nothing is
 * numbered twice.
 */
export const numberOrderStatement = (o: { year: number; order: number; payment: number | null; provisional: string }) => ({
  byKey: sql`
    with bumped as (update commerce_order_counters set last_value = last_value + 1 where year = ${o.year}::int returning last_value),
    created as (
      insert into commerce_order_counters (year, last_value)
      select ${o.year}::int, coalesce((
        select max(nullif(split_part(order_number, '-', 3), '')::int) from orders where order_number like ${`${ORDER_NUMBER_FORM.prefix}-${o.year}-%`}::text
      ), 0) + 1
      where not exists (select 1 from bumped)
      on conflict (year) do update set last_value = commerce_order_counters.last_value + 1
      returning last_value),
    num as materialized (select ${orderNumberOf(o.year, sql`s.last_value`)} as n from (select last_value from bumped union all select last_value from created) s),
    numbered as (update orders set order_number = (select n from num) where id = ${o.order}::int and order_number = ${o.provisional}::text returning id),
    described as (update payments set description = replace(description, ${o.provisional}::text, (select n from num)) where id = ${o.payment}::int returning id)
    select (select n from num) as order_number, case when (select count(*) from numbered) = 1 then true
      else autohub_refuse('The order was not numbered: it does not carry its provisional number.', json_build_object('order', ${o.order}::int)::text) end as numbered`,
})

/** Records a Stripe event id; false when it was recorded before (a replay or a concurrent re-delivery). */
export async function recordStripeEvent(tx: Tx, event: { id: string; type: string }): Promise<boolean> {
  const inserted = await tx.execute(sql`
    insert into commerce_stripe_events (id, type) values (${event.id}, ${event.type})
    on conflict (id) do nothing returning id`)
  return inserted.rows.length > 0
}

// ---------------------------------------------------------------- carts

export type CartDoc = Cart
export type CartItem = NonNullable<Cart['items']>[number]
export type PartDoc = Part

export type CartIdentity = { kind: 'user'; userId: number } | { kind: 'guest'; token: string; tokenHash: string } | { kind: 'none' }

export const cartLockKey = (id: CartIdentity) => (id.kind === 'user' ? `user:${id.userId}` : id.kind === 'guest' ? `guest:${id.tokenHash}` : 'none')

export async function findCart(req: PayloadRequest, where: { user?: number; tokenHash?: string }): Promise<CartDoc | null> {
  const res = await req.payload.find({
    collection: 'carts',
    req,
    depth: 0,
    limit: 1,
    pagination: false, // one cart per user or token: no count query
    overrideAccess: true,
    where: where.user !== undefined ? { user: { equals: where.user } } : { and: [{ tokenHash: { equals: where.tokenHash } }, { user: { exists: false } }] },
  })
  return res.docs[0] ?? null
}

export const userCart = (req: PayloadRequest, userId: number) => findCart(req, { user: userId })

/** What the cart and checkout read of a part (a part is a wide document: description, images, fitments…). */
const COMMERCE_PART_FIELDS = ['title', 'slug', 'sku', 'price', 'salePrice', 'currency', 'stockQuantity', 'manageStock', 'status', 'seller'] as const
const COMMERCE_PART_SELECT = selectOf(COMMERCE_PART_FIELDS)
export type CommercePart = Pick<PartDoc, 'id' | (typeof COMMERCE_PART_FIELDS)[number]>

export async function loadParts(req: PayloadRequest, ids: number[]): Promise<Map<number, CommercePart>> {
  if (!ids.length) return new Map()
  const res = await req.payload.find({
    collection: 'parts',
    req,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { id: { in: ids } },
    select: COMMERCE_PART_SELECT,
  })
  return new Map(res.docs.map((p) => [p.id, p as CommercePart]))
}

export const lineParts = (cart: CartDoc | null) => (cart?.items ?? []).map((i) => ({ ...i, part: idOf(i.part) as number }))

/** Finds or creates the caller's cart inside the open transaction (serialized per cart by an advisory lock). */
export async function openCart(req: PayloadRequest, identity: CartIdentity): Promise<{ cart: CartDoc; issuedToken?: string }> {
  const tx = await txOf(req)
  if (identity.kind === 'user') {
    await advisoryLockWithNext(tx, 'cart', cartLockKey(identity))
    const existing = await userCart(req, identity.userId)
    if (existing) return { cart: existing }
    const cart = await req.payload.create({
      collection: 'carts',
      req,
      depth: 0,
      overrideAccess: true,
      data: { user: identity.userId, items: [], lastActivityAt: new Date().toISOString() },
    })
    return { cart }
  }
  if (identity.kind === 'guest') {
    await advisoryLockWithNext(tx, 'cart', cartLockKey(identity))
    const existing = await findCart(req, { tokenHash: identity.tokenHash })
    if (existing) return { cart: existing }
  }
  // No cart for this token (or no token): issue a fresh one; a client never chooses its token.
  const token = newCartToken()
  const cart = await req.payload.create({
    collection: 'carts',
    req,
    depth: 0,
    overrideAccess: true,
    data: { tokenHash: hashCartToken(token), items: [], lastActivityAt: new Date().toISOString() },
  })
  return { cart, issuedToken: token }
}

export async function saveItems(req: PayloadRequest, cart: CartDoc, items: CartItem[]): Promise<CartDoc> {
  return req.payload.update({
    collection: 'carts',
    id: cart.id,
    req,
    depth: 0,
    overrideAccess: true,
    data: {
      items: items.map((i) => ({ ...(i.id ? { id: i.id } : {}), part: idOf(i.part) as number, quantity: i.quantity, unitPrice: i.unitPrice, addedAt: i.addedAt })),
      lastActivityAt: new Date().toISOString(),
    },
  })
}

// ---------------------------------------------------------------- carts: merge on login

/**
 * Moves a guest cart's lines into the user's cart (quantities add up, clamped to the stock on hand) and
 * deletes the guest cart. Runs in the login's transaction.
 */
export async function mergeGuestCart(req: PayloadRequest, userId: number, token: string): Promise<CartDoc | null> {
  if (!isPlausibleCartToken(token)) return null
  const tokenHash = hashCartToken(token)
  return withTransaction(req, async (tx) => {
    await advisoryLockWithNext(tx, 'cart', `guest:${tokenHash}`)
    const guest = await findCart(req, { tokenHash })
    if (!guest) return null
    const { cart } = await openCart(req, { kind: 'user', userId })
    const merged = mergeLines(
      lineParts(cart),
      lineParts(guest).map(({ id: _id, ...line }) => line),
    )
    const parts = await loadParts(
      req,
      merged.map((l) => l.part),
    )
    const items: CartItem[] = []
    for (const line of merged) {
      const part = parts.get(line.part)
      if (!part || part.status !== 'active' || sameId(part.seller, userId)) continue
      const cap = part.manageStock === false ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, Math.max(0, part.stockQuantity ?? 0))
      const quantity = Math.min(line.quantity, cap)
      if (quantity > 0) items.push({ ...line, quantity, unitPrice: unitPriceOf(part) })
    }
    const saved = await saveItems(req, cart, items)
    await req.payload.delete({ collection: 'carts', id: guest.id, req, overrideAccess: true })
    return saved
  })
}

// ---------------------------------------------------------------- plans: the limit on a seller's listings

export type PlanDoc = Plan
export type SubscriptionDoc = Subscription

/** Listings a seller without a subscription (and without a `free` plan record) may have. */
export const freeListingLimit = (): number => {
  const n = Number(process.env.FREE_PLAN_MAX_LISTINGS)
  return Number.isInteger(n) && n >= 0 && process.env.FREE_PLAN_MAX_LISTINGS !== '' ? n : 3
}

/** The plan limiting `userId` now: the active subscription's, else the `free` plan, else the built-in default. */
export async function effectivePlan(
  req: PayloadRequest,
  userId: number,
): Promise<{ name: string; slug: string; maxListings: number | null; featuredListings: number; maxPhotosPerListing: number | null; subscription: SubscriptionDoc | null }> {
  const subs = await req.payload.find({
    collection: 'subscriptions',
    req,
    depth: 1,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ user: { equals: userId } }, { status: { in: [...PLAN_HOLDING_STATUSES] } }] },
    sort: '-startDate',
  })
  const sub = subs.docs[0] ?? null
  const plan = sub && typeof sub.plan === 'object' ? sub.plan : null
  if (plan)
    return {
      name: plan.name,
      slug: plan.slug,
      maxListings: plan.maxListings ?? null,
      featuredListings: plan.featuredListings ?? 0,
      maxPhotosPerListing: plan.maxPhotosPerListing ?? null,
      subscription: sub,
    }
  const free = await req.payload.find({ collection: 'plans', req, depth: 0, limit: 1, overrideAccess: true, where: { slug: { equals: 'free' } } })
  const f = free.docs[0]
  if (f) return { name: f.name, slug: f.slug, maxListings: f.maxListings ?? null, featuredListings: f.featuredListings ?? 0, maxPhotosPerListing: f.maxPhotosPerListing ?? null, subscription: null }
  return { name: 'Free', slug: 'free', maxListings: freeListingLimit(), featuredListings: 0, maxPhotosPerListing: null, subscription: null }
}

export async function countQuotaListings(req: PayloadRequest, sellerId: number, excludeId?: number | string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'cars',
    req,
    overrideAccess: true,
    where: {
      and: [{ seller: { equals: sellerId } }, { status: { in: [...QUOTA_STATUSES] } }, ...(excludeId !== undefined && excludeId !== null ? [{ id: { not_equals: excludeId } }] : [])],
    },
  })
  return totalDocs
}

// ---------------------------------------------------------------- payouts: earnings per period from the ledger

export type PayoutGranularity = 'day' | 'week' | 'month'

export interface PayoutRow {
  period: string
  source: 'orders' | 'parking' | 'services'
  currency: string
  payments: number
  earned: number
  refunded: number
}

/** Settled ledger statuses: money that was taken (part of it may have gone back). */
const SETTLED = sql.raw(`('succeeded', 'partially_refunded', 'refunded')`)

/**
 * What `payee` earned per period from the ledger (bucketed by `paid_at`): parking payments of the spots they own,
 * their own lines of paid orders (a refund of an order counts against each line in proportion), and — for the
 * platform (`payee` null: admins) — service-booking payments. Refunds count in the period of the payment.
 */
export async function payoutRows(tx: Tx, opts: { payee: number | null; from: Date; to: Date; granularity: PayoutGranularity }): Promise<PayoutRow[]> {
  const bucket = sql.raw(`'${opts.granularity}'`)
  const fmt = sql.raw(opts.granularity === 'month' ? `'YYYY-MM'` : `'YYYY-MM-DD'`)
  const window = sql`p.status in ${SETTLED} and p.paid_at >= ${opts.from.toISOString()} and p.paid_at < ${opts.to.toISOString()}`
  const parking = sql`
    select to_char(date_trunc(${bucket}, p.paid_at at time zone 'UTC'), ${fmt}) as period, 'parking' as source, p.currency,
           count(*)::int as payments, sum(p.amount) as earned, sum(coalesce(p.refunded_amount, 0)) as refunded
    from payments p
    join payments_rels r on r.parent_id = p.id and r.path = 'target' and r.parking_bookings_id is not null
    join parking_bookings b on b.id = r.parking_bookings_id
    where ${window} ${opts.payee === null ? sql`` : sql`and b.spot_owner_id = ${opts.payee}`}
    group by 1, 2, 3`
  const orders = sql`
    select to_char(date_trunc(${bucket}, x.paid_at at time zone 'UTC'), ${fmt}) as period, 'orders' as source, x.currency,
           count(*)::int as payments, sum(x.lines) as earned, sum(round(x.lines * x.refunded / nullif(x.amount, 0), 2)) as refunded
    from (
      select p.id, p.paid_at, p.currency, p.amount, coalesce(p.refunded_amount, 0) as refunded, sum(oi.total) as lines
      from payments p
      join payments_rels r on r.parent_id = p.id and r.path = 'target' and r.orders_id is not null
      join orders_items oi on oi._parent_id = r.orders_id
      where ${window} ${opts.payee === null ? sql`` : sql`and oi.seller_id = ${opts.payee}`}
      group by p.id
    ) x
    group by 1, 2, 3`
  const services = sql`
    select to_char(date_trunc(${bucket}, p.paid_at at time zone 'UTC'), ${fmt}) as period, 'services' as source, p.currency,
           count(*)::int as payments, sum(p.amount) as earned, sum(coalesce(p.refunded_amount, 0)) as refunded
    from payments p
    join payments_rels r on r.parent_id = p.id and r.path = 'target' and r.service_bookings_id is not null
    where ${window}
    group by 1, 2, 3`
  const union = opts.payee === null ? sql`${parking} union all ${orders} union all ${services}` : sql`${parking} union all ${orders}`
  const res = await tx.execute(sql`select * from (${union}) u order by period, source, currency`)
  return res.rows.map((r) => ({
    period: String(r.period),
    source: r.source as PayoutRow['source'],
    currency: String(r.currency),
    payments: Number(r.payments),
    earned: Number(r.earned),
    refunded: Number(r.refunded),
  }))
}

/** The seller's listings featured now (featured and not past `featuredUntil`). */
export async function countFeaturedListings(req: PayloadRequest, sellerId: number, excludeId?: number): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'cars',
    req,
    overrideAccess: true,
    where: {
      and: [
        { seller: { equals: sellerId } },
        { featured: { equals: true } },
        { or: [{ featuredUntil: { exists: false } }, { featuredUntil: { greater_than: new Date().toISOString() } }] },
        ...(excludeId !== undefined ? [{ id: { not_equals: excludeId } }] : []),
      ],
    },
  })
  return totalDocs
}
