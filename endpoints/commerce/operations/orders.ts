/**
 * Orders: checkout (stock taken atomically with conditional updates, gap-free order numbers, server-side
 * prices), cancellation (stock back, refund through Stripe), seller fulfilment, delivery, refunds, and the
 * expiry of unpaid card orders. Every state change goes through the order machine (src/domain/commerce/order-machine.ts).
 */
import { createLocalReq, type Endpoint, type Payload, type PayloadRequest, type Where } from 'payload'

import { isAdminUser } from '@/access/roles'
import { advisoryLock, sql, type Tx, txOf, withTransaction } from '@/db/transaction'
import { stockStatusOf } from '@/domain/catalog/listing'
import {
  computeTotals,
  formatOrderNumber,
  shortLines,
  stockOrder,
  unitPriceOf,
  unpaidExpiry,
  type ShortLine,
} from '@/domain/commerce'
import { toCents } from '@/domain/money'
import { assertValid, badRequest, conflict, currentUser, json, notFound, readJson, requireUser, routeId, searchParams } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { Input } from '@/lib/validate'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { orderMachine, type OrderDoc, type OrderStatus } from '@/domain/commerce/order-machine'
import { type FullOrder, type OrderItem, ORDER_PAYMENT_STATUSES, PAYMENT_METHODS, type PaymentMethod, sellerView } from '@/domain/commerce/orders'

import { loadParts, userCart, type PartDoc } from './carts'
import {
  createCardPayment,
  createOfflinePayment,
  idOf,
  markPaymentSucceeded,
  paymentsOfTarget,
  publicPayment,
  refundTarget,
  type PaymentDoc,
} from './ledger'
import { cardPaymentsEnabled } from './stripe'


const ORDERS = 'orders' as const

// ---------------------------------------------------------------- stock (raw SQL inside the transaction)

async function setStockStatus(tx: Tx, row: { id: number; stock_quantity: number; manage_stock: boolean; low_stock_threshold: number | null }) {
  const status = stockStatusOf(row.stock_quantity, row.manage_stock !== false, row.low_stock_threshold)
  await tx.execute(sql`update parts set stock_status = ${status} where id = ${row.id}`)
}

/**
 * Takes stock for every managed line with a conditional update (never below zero, whatever runs
 * concurrently, on any instance); returns the lines that were short. The caller rolls back on any shortage.
 */
export async function takeStock(tx: Tx, lines: { part: number; quantity: number }[]): Promise<ShortLine[]> {
  const short: ShortLine[] = []
  for (const line of stockOrder(lines)) {
    const res = await tx.execute(sql`
      update parts set stock_quantity = stock_quantity - ${line.quantity}
      where id = ${line.part} and stock_quantity >= ${line.quantity}
      returning id, stock_quantity, manage_stock, low_stock_threshold`)
    if (res.rows[0]) {
      await setStockStatus(tx, res.rows[0])
      continue
    }
    const now = await tx.execute(sql`select stock_quantity from parts where id = ${line.part}`)
    short.push(...shortLines([line], new Map([[line.part, Number(now.rows[0]?.stock_quantity ?? 0)]])))
  }
  return short
}

/** Puts back the stock an order took (once: the caller records `stockReturned`). */
export async function returnStock(tx: Tx, order: FullOrder): Promise<void> {
  if (order.stockReturned) return
  const lines = (order.items ?? []).filter((i) => i.stockTaken).map((i) => ({ part: idOf(i.part) as number, quantity: i.quantity }))
  for (const line of stockOrder(lines)) {
    const res = await tx.execute(sql`
      update parts set stock_quantity = stock_quantity + ${line.quantity}
      where id = ${line.part}
      returning id, stock_quantity, manage_stock, low_stock_threshold`)
    if (res.rows[0]) await setStockStatus(tx, res.rows[0])
  }
}

/** Gap-free per-year sequence: the increment is part of the checkout transaction (rolled back with it). */
export async function nextOrderSequence(tx: Tx, year: number): Promise<number> {
  const res = await tx.execute(sql`
    insert into commerce_order_counters (year, last_value)
    values (${year}, coalesce((
      select max(nullif(split_part(order_number, '-', 3), '')::int) from orders where order_number like ${`ORD-${year}-%`}
    ), 0) + 1)
    on conflict (year) do update set last_value = commerce_order_counters.last_value + 1
    returning last_value`)
  return Number(res.rows[0].last_value)
}

// ---------------------------------------------------------------- input

const ADDRESS_FIELDS: [string, { required?: boolean; max: number }][] = [
  ['fullName', { required: true, max: 120 }],
  ['line1', { required: true, max: 200 }],
  ['line2', { max: 200 }],
  ['city', { required: true, max: 100 }],
  ['region', { max: 100 }],
  ['postalCode', { max: 20 }],
  ['country', { required: true, max: 56 }],
  ['phone', { max: 32 }],
]

/** Reads an address object; errors are named `<prefix>.<field>`. */
export function readAddress(raw: unknown, prefix: string, input: Input, required: boolean): Record<string, string> | undefined {
  if (raw === undefined || raw === null) {
    input.check(!required, prefix, `${prefix} is required.`)
    return undefined
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    input.check(false, prefix, `${prefix} must be an object.`)
    return undefined
  }
  const inner = new Input(raw as Record<string, unknown>)
  const out: Record<string, string> = {}
  for (const [name, opts] of ADDRESS_FIELDS) {
    const v = inner.string(name, { required: opts.required, max: opts.max })
    if (v !== undefined) out[name] = v
  }
  for (const e of inner.errors) input.check(false, `${prefix}.${e.path}`, `${prefix}.${e.message}`)
  return out
}

// ---------------------------------------------------------------- reading orders

export async function findOrder(req: PayloadRequest, id: number): Promise<FullOrder | null> {
  return (await req.payload.findByID({ collection: ORDERS, id, req, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as FullOrder | null
}

const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && idOf(a) === idOf(b)

/** Customer, a seller with lines in it, or an admin; everybody else gets 404 (the order is invisible to them). */
async function visibleOrder(req: PayloadRequest, id: number): Promise<FullOrder> {
  const user = requireUser(req, { write: true })
  const order = await findOrder(req, id)
  if (!order) throw notFound('Order not found.')
  const mine = sameId(order.customer, user.id) || (order.sellers ?? []).some((s) => sameId(s, user.id)) || isAdminUser(user)
  if (!mine) throw notFound('Order not found.')
  return order
}


// ---------------------------------------------------------------- notifications

const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency}`

async function notifyCustomer(req: PayloadRequest, order: FullOrder, kind: 'confirmed' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'expired' | 'refunded', extra = '') {
  const texts: Record<typeof kind, { title: string; message: string; titleAr: string }> = {
    confirmed: { title: `Order ${order.orderNumber} received`, message: `Thank you! Your order ${order.orderNumber} (${money(order.total, order.currency)}) has been placed.`, titleAr: `تم استلام الطلب ${order.orderNumber}` },
    paid: { title: `Payment received for ${order.orderNumber}`, message: `We received your payment of ${money(order.total, order.currency)}.`, titleAr: `تم استلام الدفع للطلب ${order.orderNumber}` },
    shipped: { title: `Order ${order.orderNumber} shipped`, message: `Your order ${order.orderNumber} is on its way.${extra}`, titleAr: `تم شحن الطلب ${order.orderNumber}` },
    delivered: { title: `Order ${order.orderNumber} delivered`, message: `Your order ${order.orderNumber} has been delivered.`, titleAr: `تم توصيل الطلب ${order.orderNumber}` },
    cancelled: { title: `Order ${order.orderNumber} cancelled`, message: `Your order ${order.orderNumber} was cancelled.${extra}`, titleAr: `تم إلغاء الطلب ${order.orderNumber}` },
    expired: { title: `Order ${order.orderNumber} expired`, message: `Your order ${order.orderNumber} was not paid in time and has been cancelled.`, titleAr: `انتهت صلاحية الطلب ${order.orderNumber}` },
    refunded: { title: `Refund for ${order.orderNumber}`, message: `Your payment for ${order.orderNumber} has been refunded.${extra}`, titleAr: `استرداد للطلب ${order.orderNumber}` },
  }
  const t = texts[kind]
  await notify(req, {
    user: idOf(order.customer) as number,
    type: kind === 'paid' || kind === 'refunded' ? 'payment' : 'order_status',
    title: { en: t.title, ar: t.titleAr },
    message: { en: t.message },
    data: { order: order.id, orderNumber: order.orderNumber, status: order.status, event: kind },
    actionUrl: `/orders/${order.id}`,
  })
}

async function notifySellers(req: PayloadRequest, order: FullOrder, kind: 'new' | 'paid' | 'cancelled') {
  const sellers = [...new Set((order.items ?? []).map((i) => idOf(i.seller)).filter((s): s is number => s !== null))]
  for (const seller of sellers) {
    const lines = order.items.filter((i) => idOf(i.seller) === seller).length
    const title = kind === 'new' ? `New order ${order.orderNumber}` : kind === 'paid' ? `Order ${order.orderNumber} paid` : `Order ${order.orderNumber} cancelled`
    await notify(req, {
      user: seller,
      type: 'order_status',
      title: { en: title },
      message: { en: `${title}: ${lines} line${lines === 1 ? '' : 's'} of yours.` },
      data: { order: order.id, orderNumber: order.orderNumber, event: `seller_${kind}` },
      actionUrl: `/orders/seller`,
    })
  }
}

// ---------------------------------------------------------------- checkout

export async function checkout(req: PayloadRequest): Promise<Response> {
  const user = requireUser(req, { write: true })
  const userId = Number(user.id)
  const body = await readJson(req)
  const input = new Input(body)
  const paymentMethod = input.oneOf('paymentMethod', PAYMENT_METHODS, { required: true })
  const shippingAddress = readAddress(body.shippingAddress, 'shippingAddress', input, true)
  const billingAddress = readAddress(body.billingAddress, 'billingAddress', input, false)
  const notes = input.string('notes', { max: 1000 })
  assertValid(input)
  if (paymentMethod === 'card' && !cardPaymentsEnabled()) {
    throw badRequest('Card payments are disabled: Stripe is not configured on this server. Choose cash_on_delivery.', { paymentMethod })
  }
  const settings = await getPlatformSettings(req)
  const now = new Date()

  const { order, payment } = await withTransaction(req, async (tx) => {
    // Same lock as the cart endpoints: a cart cannot change (or be checked out twice) meanwhile.
    await advisoryLock(tx, 'cart', `user:${userId}`)
    const cart = await userCart(req, userId)
    const lines = (cart?.items ?? []).map((i) => ({ part: idOf(i.part) as number, quantity: i.quantity }))
    if (!cart || !lines.length) throw badRequest('Your cart is empty.', { cart: 'empty' })
    const parts = await loadParts(req, lines.map((l) => l.part))

    const unavailable: ShortLine[] = lines
      .filter((l) => parts.get(l.part)?.status !== 'active')
      .map((l) => ({ part: l.part, requested: l.quantity, available: 0 }))
    const own = lines.filter((l) => idOf(parts.get(l.part)?.seller) === userId)
    if (own.length) throw conflict('You cannot buy your own parts.', { lines: own.map((l) => ({ part: l.part })) })
    const sellable = lines.filter((l) => parts.get(l.part)?.status === 'active')
    const currencies = new Set(sellable.map((l) => (parts.get(l.part)?.currency || 'USD').toUpperCase()))
    if (currencies.size > 1) throw badRequest('All parts in one order must share a currency.', { currencies: [...currencies] })

    const managed = sellable.filter((l) => parts.get(l.part)?.manageStock !== false)
    const short = [...unavailable, ...(await takeStock(tx, managed))].sort((a, b) => a.part - b.part)
    if (short.length) {
      throw conflict(`Not enough stock for ${short.length} line${short.length === 1 ? '' : 's'}: ${short.map((s) => `part ${s.part} (requested ${s.requested}, available ${s.available})`).join('; ')}.`, { lines: short })
    }

    // Prices come from the parts now, never from the client (nor from the cart's remembered prices).
    const priced = sellable.map((l) => ({ ...l, part: parts.get(l.part) as PartDoc, unitPrice: unitPriceOf(parts.get(l.part) as PartDoc) }))
    const totals = computeTotals(priced, settings)
    const currency = [...currencies][0] ?? 'USD'
    const sequence = await nextOrderSequence(tx, now.getUTCFullYear())
    const items: OrderItem[] = priced.map((l, n) => ({
      part: l.part.id,
      title: String(l.part.title ?? `Part ${l.part.id}`).slice(0, 200),
      sku: (l.part as { sku?: string }).sku ?? null,
      seller: idOf(l.part.seller),
      quantity: l.quantity,
      unitPrice: totals.lines[n].unitPrice,
      total: totals.lines[n].total,
      stockTaken: l.part.manageStock !== false,
      fulfilmentStatus: 'pending',
    }))
    const sellers = [...new Set(items.map((i) => i.seller).filter((s): s is number => s !== null))]
    const created = (await req.payload.create({
      collection: ORDERS,
      req,
      depth: 0,
      overrideAccess: true,
      context: { checkout: true },
      data: {
        orderNumber: formatOrderNumber(now.getUTCFullYear(), sequence),
        customer: userId,
        sellers,
        items,
        subtotal: totals.subtotal,
        discount: totals.discount,
        taxRatePercent: settings.taxRatePercent,
        tax: totals.tax,
        shipping: totals.shipping,
        total: totals.total,
        currency,
        status: 'pending',
        paymentMethod,
        paymentStatus: 'unpaid',
        shippingAddress,
        billingAddress: billingAddress ?? shippingAddress,
        notes,
        stockReturned: false,
        expiresAt: paymentMethod === 'card' ? unpaidExpiry(now, settings.unpaidOrderTtlMinutes).toISOString() : null,
      } as never,
    })) as unknown as FullOrder

    let offline: PaymentDoc | null = null
    if (paymentMethod === 'cash_on_delivery') {
      offline = await createOfflinePayment(req, {
        target: { relationTo: 'orders', value: created.id },
        amount: created.total,
        currency,
        description: `Order ${created.orderNumber} (cash on delivery)`,
        user: userId,
      })
    }
    await req.payload.update({ collection: 'carts', id: cart.id, req, depth: 0, overrideAccess: true, data: { items: [] } as never })
    await notifyCustomer(req, created, 'confirmed')
    await notifySellers(req, created, 'new')
    return { order: created, payment: offline }
  })

  if (paymentMethod === 'cash_on_delivery') {
    return json({ order, payment: payment ? publicPayment(payment) : null }, 201)
  }
  // Card: the PaymentIntent is created after the stock transaction commits, so no row lock is held
  // while Stripe answers. If Stripe fails, the order is cancelled again (stock returned) and the call fails.
  try {
    const card = await createCardPayment(req, {
      target: { relationTo: 'orders', value: order.id },
      amount: order.total,
      currency: order.currency,
      description: `Order ${order.orderNumber}`,
      user: userId,
    })
    return json({ order, payment: publicPayment(card.payment, card.clientSecret) }, 201)
  } catch (err) {
    await cancelOrder(req, order.id, { reason: 'Payment could not be started.', system: true, quiet: true }).catch((e) =>
      req.payload.logger.error({ err: e, msg: `could not undo order ${order.id} after a payment failure` }),
    )
    throw err
  }
}

// ---------------------------------------------------------------- cancel / expire / refund

async function paymentStatusAfter(req: PayloadRequest, orderId: number, fallback: FullOrder['paymentStatus']) {
  const payments = await paymentsOfTarget(req, { relationTo: 'orders', value: orderId })
  if (payments.some((p) => p.status === 'refunded')) return 'refunded'
  if (payments.some((p) => p.status === 'partially_refunded')) return 'partially_refunded'
  if (payments.some((p) => p.status === 'succeeded')) return 'paid'
  if (payments.length && payments.every((p) => p.status === 'cancelled' || p.status === 'failed')) return 'voided'
  return fallback ?? 'unpaid'
}

/**
 * Cancels an order: stock back, every payment refunded (succeeded) or voided (open) — all in one
 * transaction with the status change, so a failed refund leaves the order as it was.
 */
export async function cancelOrder(
  req: PayloadRequest,
  id: number,
  opts: { reason?: string; system?: boolean; action?: 'cancel' | 'expire'; now?: Date; quiet?: boolean } = {},
): Promise<{ order: FullOrder; refunded: number }> {
  let refunded = 0
  const action = opts.action ?? 'cancel'
  const { doc } = await applyTransition<OrderStatus, FullOrder>({
    req,
    collection: ORDERS,
    id,
    machine: orderMachine as never,
    action,
    system: opts.system,
    now: opts.now,
    data: async (previous) => {
      await returnStock(await txOf(req), previous)
      refunded = await refundTarget(req, { relationTo: 'orders', value: id }, opts.reason ?? action)
      return {
        stockReturned: true,
        cancelledAt: (opts.now ?? new Date()).toISOString(),
        cancelReason: (opts.reason ?? '').slice(0, 500) || null,
        paymentStatus: await paymentStatusAfter(req, id, previous.paymentStatus),
      }
    },
    after: async (order) => {
      if (opts.quiet) return
      await notifyCustomer(req, order, action === 'expire' ? 'expired' : 'cancelled', refunded > 0 ? ` ${money(refunded, order.currency)} will be refunded to you.` : '')
      if (action === 'cancel') await notifySellers(req, order, 'cancelled')
    },
  })
  return { order: doc, refunded }
}

/** Unpaid card orders past `expiresAt`: cancelled, stock returned, PaymentIntents cancelled. Returns how many. */
export async function expireUnpaidOrders(payload: Payload, now: Date = new Date()): Promise<number> {
  const req = await createLocalReq({}, payload)
  const due = await payload.find({
    collection: ORDERS,
    req,
    depth: 0,
    limit: 200,
    overrideAccess: true,
    where: { and: [{ status: { equals: 'pending' } }, { paymentMethod: { equals: 'card' } }, { expiresAt: { less_than_equal: now.toISOString() } }] },
    sort: 'expiresAt',
  })
  let expired = 0
  for (const o of due.docs) {
    const orderReq = await createLocalReq({}, payload)
    try {
      await cancelOrder(orderReq, Number(o.id), { action: 'expire', system: true, now, reason: 'Not paid in time.' })
      expired++
    } catch (err) {
      // Paid (or cancelled) meanwhile: the locked state decided; nothing to do.
      if ((err as { status?: number }).status !== 409) payload.logger.error({ err, msg: `could not expire order ${o.id}` })
    }
  }
  return expired
}

/** Full refund of a paid order (admin), or the order side of a full refund made in the Stripe dashboard. */
export async function refundOrder(req: PayloadRequest, id: number, opts: { system?: boolean; reason?: string } = {}) {
  let refunded = 0
  const { doc } = await applyTransition<OrderStatus, FullOrder>({
    req,
    collection: ORDERS,
    id,
    machine: orderMachine as never,
    action: 'refund',
    system: opts.system,
    data: async (previous) => {
      // Goods not yet shipped go back on the shelf.
      const unshipped = previous.status === 'paid' || previous.status === 'processing'
      if (unshipped) await returnStock(await txOf(req), previous)
      refunded = await refundTarget(req, { relationTo: 'orders', value: id }, opts.reason ?? 'refund')
      return { ...(unshipped ? { stockReturned: true } : {}), paymentStatus: await paymentStatusAfter(req, id, previous.paymentStatus) }
    },
    after: async (order) => notifyCustomer(req, order, 'refunded'),
  })
  return { order: doc, refunded }
}

/** The order side of `payment_intent.succeeded`: pending → paid; a payment for a cancelled order is refunded. */
export async function orderPaid(req: PayloadRequest, orderId: number): Promise<void> {
  const order = await findOrder(req, orderId)
  if (!order) return
  if (order.status === 'pending') {
    await applyTransition<OrderStatus, FullOrder>({
      req,
      collection: ORDERS,
      id: orderId,
      machine: orderMachine as never,
      action: 'pay',
      system: true,
      data: () => ({ paymentStatus: 'paid', paidAt: new Date().toISOString(), expiresAt: null }),
      after: async (paid) => {
        await notifyCustomer(req, paid, 'paid')
        await notifySellers(req, paid, 'paid')
      },
    })
    return
  }
  if (order.status === 'cancelled') {
    // Paid after it expired or was cancelled: give the money back.
    await refundTarget(req, { relationTo: 'orders', value: orderId }, 'Order was cancelled before the payment arrived.')
    await req.payload.update({
      collection: ORDERS,
      id: orderId,
      req,
      depth: 0,
      overrideAccess: true,
      data: { paymentStatus: await paymentStatusAfter(req, orderId, order.paymentStatus) } as never,
    })
    await notifyCustomer(req, order, 'refunded', ' The order had been cancelled before your payment arrived.')
  }
}

// ---------------------------------------------------------------- fulfilment

async function shipLines(req: PayloadRequest, id: number, body: Record<string, unknown>): Promise<FullOrder> {
  const user = requireUser(req, { write: true })
  const me = Number(user.id)
  const input = new Input(body)
  const trackingNumber = input.string('trackingNumber', { max: 100 })
  const carrier = input.string('carrier', { max: 100 })
  assertValid(input)
  await visibleOrder(req, id)
  return withTransaction(req, async (tx) => {
    await tx.execute(sql`select id from orders where id = ${id} for update`)
    const order = (await findOrder(req, id)) as FullOrder
    const admin = isAdminUser(user)
    const mine = (order.items ?? []).filter((i) => admin || idOf(i.seller) === me)
    if (!mine.length) throw notFound('Order not found.')
    const pendingMine = mine.filter((i) => i.fulfilmentStatus !== 'shipped')
    if (!pendingMine.length) throw conflict('Your lines of this order are already shipped.')
    const at = new Date().toISOString()
    const items = order.items.map((i) =>
      pendingMine.includes(i) ? { ...i, fulfilmentStatus: 'shipped' as const, shippedAt: at, trackingNumber: trackingNumber ?? i.trackingNumber ?? null, carrier: carrier ?? i.carrier ?? null } : i,
    )
    const allShipped = items.every((i) => i.fulfilmentStatus === 'shipped')
    const action = allShipped ? 'ship' : 'process'
    if (!allShipped && order.status === 'processing') {
      // Still processing: record the lines only (status unchanged, so the workflow guard lets it through).
      return (await req.payload.update({ collection: ORDERS, id, req, depth: 0, overrideAccess: true, data: { items } as never })) as unknown as FullOrder
    }
    const { doc } = await applyTransition<OrderStatus, FullOrder>({
      req,
      collection: ORDERS,
      id,
      machine: orderMachine as never,
      action,
      data: () => ({ items, ...(allShipped ? { shippedAt: at } : {}) }),
      after: async (updated) => {
        if (allShipped) await notifyCustomer(req, updated, 'shipped', trackingNumber ? ` Tracking number: ${trackingNumber}.` : '')
      },
    })
    return doc
  })
}

async function deliverOrder(req: PayloadRequest, id: number): Promise<FullOrder> {
  await visibleOrder(req, id)
  const { doc } = await applyTransition<OrderStatus, FullOrder>({
    req,
    collection: ORDERS,
    id,
    machine: orderMachine as never,
    action: 'deliver',
    data: async (previous) => {
      const extra: Record<string, unknown> = { deliveredAt: new Date().toISOString() }
      if (previous.paymentMethod === 'cash_on_delivery') {
        // The courier collected the cash: the ledger entry is settled.
        for (const p of await paymentsOfTarget(req, { relationTo: 'orders', value: id })) {
          if (p.provider === 'cash') await markPaymentSucceeded(req, p.id)
        }
        extra.paymentStatus = 'paid'
        extra.paidAt = extra.deliveredAt
      }
      return extra
    },
    after: async (updated) => notifyCustomer(req, updated, 'delivered'),
  })
  return doc
}

// ---------------------------------------------------------------- endpoints (collection `orders`)

export const checkoutEndpoint: Endpoint = { path: '/checkout', method: 'post', handler: checkout }

export const sellerOrdersEndpoint: Endpoint = {
  path: '/seller',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req)
    const me = Number(user.id)
    const params = searchParams(req)
    const input = new Input(Object.fromEntries(params.entries()))
    const page = input.number('page', { integer: true, min: 1, default: 1 })
    const limit = input.number('limit', { integer: true, min: 1, max: 100, default: 20 })
    const status = input.oneOf('status', orderMachine.states)
    assertValid(input)
    const where: Where = { and: [{ sellers: { equals: me } }, ...(status ? [{ status: { equals: status } }] : [])] }
    const res = await req.payload.find({ collection: ORDERS, req, depth: 0, overrideAccess: true, where, page, limit, sort: '-createdAt' })
    return json({ ...res, docs: (res.docs as unknown as FullOrder[]).map((o) => sellerView(o, me)) })
  },
}

export const cancelOrderEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const reason = input.string('reason', { max: 500 })
    assertValid(input)
    await visibleOrder(req, id)
    const { order, refunded } = await cancelOrder(req, id, { reason })
    return json({ order, refunded })
  },
}

export const shipOrderEndpoint: Endpoint = {
  path: '/:id/ship',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    const order = await shipLines(req, id, await readJson(req))
    const user = currentUser(req)
    const customerOrAdmin = isAdminUser(user) || sameId(order.customer, user?.id)
    return json({ order: customerOrAdmin ? order : sellerView(order, Number(user?.id)) })
  },
}

export const deliverOrderEndpoint: Endpoint = {
  path: '/:id/deliver',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    const order = await deliverOrder(req, id)
    const user = currentUser(req)
    return json({ order: isAdminUser(user) || sameId(order.customer, user?.id) ? order : sellerView(order, Number(user?.id)) })
  },
}

export const refundOrderEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: async (req) => {
    requireUser(req, { write: true, roles: ['admin'] })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const reason = input.string('reason', { max: 500 })
    assertValid(input)
    if (!(await findOrder(req, id))) throw notFound('Order not found.')
    return json(await refundOrder(req, id, { reason }))
  },
}

export const orderEndpoints: Endpoint[] = [
  checkoutEndpoint,
  sellerOrdersEndpoint,
  cancelOrderEndpoint,
  shipOrderEndpoint,
  deliverOrderEndpoint,
  refundOrderEndpoint,
]
