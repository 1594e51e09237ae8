/**
 * Orders: checkout (stock taken atomically with conditional updates, gap-free order numbers, server-side
 * prices), cancellation (stock back, refund through Stripe), seller fulfilment, delivery, refunds, and the
 * expiry of unpaid card orders. Every state change goes through the order machine (src/domain/commerce/order-machine.ts).
 * The endpoints are endpoints/commerce/orders.ts; the SQL (stock, order numbers) is src/db/commerce.ts.
 */
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { currentOrderNumberSql, loadParts, numberOrderStatement, putBackStock, shortLineOf, takeStockStatement, userCart } from '@/db/commerce'
import { renameLedgerRefStatement } from '@/db/loyalty'
import { renameInNotificationsStatement } from '@/db/notifications'
import { advisoryLockWithNext, commitWith, lockRow, txOf, type Tx, withTransaction } from '@/db/transaction'
import { computeTotals, provisionalOrderNumber, shortLines, stockOrder, unitPriceOf, unpaidExpiry, type ShortLine } from '@/domain/commerce'
import { orderMachine, type OrderStatus } from '@/domain/commerce/order-machine'
import { type FullOrder, type OrderItem, type PaymentMethod, sellerView } from '@/domain/commerce/orders'
import { idOf, sameId } from '@/domain/ids'
import { renameInEffects, withOwnEffects } from '@/lib/after-commit'
import { badRequest, conflict, notFound } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'
import { getPlatformSettings } from '@/lib/settings'
import { notify, type NotifyWritten, type PreparedRecipient, readRecipients } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { applyLoyaltyAtCheckout } from '@endpoints/services/operations/loyalty'

import type { Address } from '../input'
import { createCardPayment, createOfflinePayment, markPaymentSucceeded, paymentsOfTarget, publicPayment, refundTarget } from './ledger'
import { cardPaymentsEnabled } from './stripe'

declare module 'payload' {
  interface RequestContext {
    /** Set on the Local API create of an order by checkout (the order's hooks know it is the checkout's). */
    checkout?: boolean
  }
}

const ORDERS = 'orders' as const

// ---------------------------------------------------------------- stock (SQL in src/db/commerce.ts)

/** Puts back the stock an order took (once: the caller records `stockReturned`). */
export async function returnStock(tx: Tx, order: FullOrder): Promise<void> {
  if (order.stockReturned) return
  await putBackStock(
    tx,
    (order.items ?? []).filter((i) => i.stockTaken).map((i) => ({ part: idOf(i.part) as number, quantity: i.quantity })),
  )
}

// ---------------------------------------------------------------- reading orders

export async function findOrder(req: PayloadRequest, id: number): Promise<FullOrder | null> {
  return (await req.payload.findByID({ collection: ORDERS, id, req, depth: 0, overrideAccess: true, disableErrors: true })) as FullOrder | null
}

/** Customer, a seller with lines in it, or an admin; everybody else gets 404 (the order is invisible to them). */
export async function visibleOrder(req: PayloadRequest, user: AccessUser, id: number): Promise<FullOrder> {
  const order = await findOrder(req, id)
  if (!order) throw notFound('Order not found.')
  const mine = sameId(order.customer, user.id) || (order.sellers ?? []).some((s) => sameId(s, user.id)) || isAdminUser(user)
  if (!mine) throw notFound('Order not found.')
  return order
}

// ---------------------------------------------------------------- notifications

const money = (amount: number, currency: string | null | undefined) => `${amount.toFixed(2)} ${currency ?? 'USD'}`

type Recipients = Map<number, PreparedRecipient | null>

async function notifyCustomer(req: PayloadRequest, order: FullOrder, kind: 'confirmed' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'expired' | 'refunded', extra = '', recipients?: Recipients) {
  const texts: Record<typeof kind, { title: string; message: string; titleAr: string }> = {
    confirmed: {
      title: `Order ${order.orderNumber} received`,
      message: `Thank you! Your order ${order.orderNumber} (${money(order.total, order.currency)}) has been placed.`,
      titleAr: `تم استلام الطلب ${order.orderNumber}`,
    },
    paid: { title: `Payment received for ${order.orderNumber}`, message: `We received your payment of ${money(order.total, order.currency)}.`, titleAr: `تم استلام الدفع للطلب ${order.orderNumber}` },
    shipped: { title: `Order ${order.orderNumber} shipped`, message: `Your order ${order.orderNumber} is on its way.${extra}`, titleAr: `تم شحن الطلب ${order.orderNumber}` },
    delivered: { title: `Order ${order.orderNumber} delivered`, message: `Your order ${order.orderNumber} has been delivered.`, titleAr: `تم توصيل الطلب ${order.orderNumber}` },
    cancelled: { title: `Order ${order.orderNumber} cancelled`, message: `Your order ${order.orderNumber} was cancelled.${extra}`, titleAr: `تم إلغاء الطلب ${order.orderNumber}` },
    expired: {
      title: `Order ${order.orderNumber} expired`,
      message: `Your order ${order.orderNumber} was not paid in time and has been cancelled.`,
      titleAr: `انتهت صلاحية الطلب ${order.orderNumber}`,
    },
    refunded: { title: `Refund for ${order.orderNumber}`, message: `Your payment for ${order.orderNumber} has been refunded.${extra}`, titleAr: `استرداد للطلب ${order.orderNumber}` },
  }
  const t = texts[kind]
  const customer = idOf(order.customer) as number
  return notify(
    req,
    {
      user: customer,
      type: kind === 'paid' || kind === 'refunded' ? 'payment' : 'order_status',
      title: { en: t.title, ar: t.titleAr },
      message: { en: t.message },
      data: { order: order.id, orderNumber: order.orderNumber, status: order.status, event: kind },
      actionUrl: `/orders/${order.id}`,
    },
    recipients?.get(customer),
  )
}

async function notifySellers(req: PayloadRequest, order: FullOrder, kind: 'new' | 'paid' | 'cancelled', recipients?: Recipients): Promise<(NotifyWritten | null)[]> {
  const sellers = [...new Set((order.items ?? []).map((i) => idOf(i.seller)).filter((s): s is number => s !== null))]
  const written: (NotifyWritten | null)[] = []
  for (const seller of sellers) {
    const lines = order.items.filter((i) => idOf(i.seller) === seller).length
    const title = kind === 'new' ? `New order ${order.orderNumber}` : kind === 'paid' ? `Order ${order.orderNumber} paid` : `Order ${order.orderNumber} cancelled`
    written.push(
      await notify(
        req,
        {
          user: seller,
          type: 'order_status',
          title: { en: title },
          message: { en: `${title}: ${lines} line${lines === 1 ? '' : 's'} of yours.` },
          data: { order: order.id, orderNumber: order.orderNumber, event: `seller_${kind}` },
          actionUrl: `/orders/seller`,
        },
        recipients?.get(seller),
      ),
    )
  }
  return written
}

// ---------------------------------------------------------------- checkout

export interface CheckoutInput {
  paymentMethod: PaymentMethod
  shippingAddress: Address
  billingAddress?: Address
  notes?: string
  /** Loyalty points to spend on this order (services domain: applyLoyaltyAtCheckout). */
  redeemPoints?: number
}

/** A refusal naming every short or unavailable line. */
function refuseShort(short: ShortLine[]): void {
  if (!short.length) return
  const lines = [...short].sort((a, b) => a.part - b.part)
  throw conflict(`Not enough stock for ${lines.length} line${lines.length === 1 ? '' : 's'}: ${lines.map((s) => `part ${s.part} (requested ${s.requested}, available ${s.available})`).join('; ')}.`, {
    lines,
  })
}

/**
 * Checkout of the caller's cart. Steps: lock the cart (same advisory lock as the cart endpoints) → validate
 * (not empty, not own parts, one currency, enough stock as read) → write (the emptied cart; the order at server
 * prices, its cash ledger entry, the loyalty points spent, the notifications) → take the stock with conditional
 * updates and the gap-free order number, all in one transaction. A card order then gets its PaymentIntent after the
 * commit; if Stripe fails, the order is cancelled again (compensation: stock back) and the call fails.
 *
 * The parts' stock rows and the year's order counter are hot (every buyer of a part, every checkout of the year):
 * each stays locked from its update to the commit. So everything is written before them under a provisional number
 * that only this transaction sees, and they go last, in the write that carries the COMMIT (`commitWith`): each line's
 * stock (a short line refused in SQL, which rolls everything back: answered 409 naming it), the year's counter and the
 * number it gives to the order and its ledger entry, then that number in the notifications' texts and the loyalty
 * ledger. The emails and live events raised meanwhile run after the commit and carry the number too
 * (`renameInEffects`).
 */
export async function checkout(req: PayloadRequest, user: AccessUser, input: CheckoutInput) {
  // Its effects wait for the commit even outside a request: they learn the order's number there (renameInEffects).
  return withOwnEffects(
    () => placeOrder(req, user, input),
    (err: unknown) => req.payload.logger.warn({ err, msg: 'a side effect of a checkout failed' }),
  )
}

async function placeOrder(req: PayloadRequest, user: AccessUser, input: CheckoutInput) {
  const userId = Number(user.id)
  const { paymentMethod, shippingAddress, billingAddress, notes } = input
  if (paymentMethod === 'card' && !cardPaymentsEnabled()) {
    throw badRequest('Card payments are disabled: Stripe is not configured on this server. Choose cash_on_delivery.', { paymentMethod })
  }
  const settings = await getPlatformSettings(req)
  const now = new Date()

  const { order, payment } = await withTransaction(req, async (tx) => {
    // Same lock as the cart endpoints: a cart cannot change (or be checked out twice) meanwhile.
    await advisoryLockWithNext(tx, 'cart', `user:${userId}`)
    const cart = await userCart(req, userId)
    const lines = (cart?.items ?? []).map((i) => ({ part: idOf(i.part) as number, quantity: i.quantity }))
    if (!cart || !lines.length) throw badRequest('Your cart is empty.', { cart: 'empty' })
    const parts = await loadParts(
      req,
      lines.map((l) => l.part),
    )

    const unavailable: ShortLine[] = lines.filter((l) => parts.get(l.part)?.status !== 'active').map((l) => ({ part: l.part, requested: l.quantity, available: 0 }))
    const own = lines.filter((l) => sameId(parts.get(l.part)?.seller, userId))
    if (own.length) throw conflict('You cannot buy your own parts.', { lines: own.map((l) => ({ part: l.part })) })
    const sellable = lines.filter((l) => parts.get(l.part)?.status === 'active')
    const currencies = new Set(sellable.map((l) => (parts.get(l.part)?.currency || 'USD').toUpperCase()))
    if (currencies.size > 1) throw badRequest('All parts in one order must share a currency.', { currencies: [...currencies] })

    const managed = sellable.filter((l) => parts.get(l.part)?.manageStock !== false)
    // Short as read (no lock yet): refused before anything is written. The conditional updates below decide.
    refuseShort([...unavailable, ...shortLines(managed, new Map(managed.map((l) => [l.part, Number(parts.get(l.part)?.stockQuantity ?? 0)])))])

    // Prices come from the parts now, never from the client (nor from the cart's remembered prices).
    const priced = sellable.flatMap((l) => {
      const part = parts.get(l.part)
      return part ? [{ ...l, part, unitPrice: unitPriceOf(part) }] : []
    })
    const totals = computeTotals(priced, settings)
    const currency = [...currencies][0] ?? 'USD'
    const sellers = [...new Set(priced.map((l) => idOf(l.part.seller)).filter((s): s is number => s !== null))]
    // Three independent steps issued together, so their statements share round trips: the cart emptied, the
    // notifications' recipients read, and loyalty (services domain: the level discount and the points redeemed, under
    // the user's lock; spent below, once).
    const [, recipients, loyalty] = await allSettledOrThrow([
      req.payload.update({ collection: 'carts', id: cart.id, req, depth: 0, overrideAccess: true, data: { items: [] } }),
      readRecipients(req, [userId, ...sellers]),
      applyLoyaltyAtCheckout(req, userId, input.redeemPoints ?? 0, totals),
    ] as const)
    const items: OrderItem[] = priced.map((l, n) => ({
      part: l.part.id,
      title: String(l.part.title ?? `Part ${l.part.id}`).slice(0, 200),
      sku: l.part.sku ?? null,
      seller: idOf(l.part.seller),
      quantity: l.quantity,
      unitPrice: totals.lines[n].unitPrice,
      total: totals.lines[n].total,
      stockTaken: l.part.manageStock !== false,
      fulfilmentStatus: 'pending',
    }))
    // Everything is written under a provisional number that no other transaction sees (the rows are uncommitted until
    // they carry the real one): the order, its ledger entry, the loyalty points spent on it, the notifications.
    const provisional = provisionalOrderNumber()
    const written = (await req.payload.create({
      collection: ORDERS,
      req,
      depth: 0,
      overrideAccess: true,
      context: { checkout: true },
      data: {
        orderNumber: provisional,
        customer: userId,
        sellers,
        items,
        subtotal: totals.subtotal,
        discount: loyalty.totals.discount,
        taxRatePercent: settings.taxRatePercent,
        tax: totals.tax,
        shipping: totals.shipping,
        total: loyalty.totals.total,
        currency,
        status: 'pending',
        paymentMethod,
        paymentStatus: 'unpaid',
        shippingAddress,
        billingAddress: billingAddress ?? shippingAddress,
        notes,
        stockReturned: false,
        expiresAt: paymentMethod === 'card' ? unpaidExpiry(now, settings.unpaidOrderTtlMinutes).toISOString() : null,
      },
    })) as FullOrder
    const [ledger, , customerNotified, sellersNotified] = await allSettledOrThrow([
      paymentMethod === 'cash_on_delivery'
        ? createOfflinePayment(req, {
            target: { relationTo: 'orders', value: written.id },
            amount: written.total,
            currency,
            description: `Order ${provisional} (cash on delivery)`,
            user: userId,
          })
        : Promise.resolve(null),
      loyalty.spend(provisional),
      notifyCustomer(req, written, 'confirmed', '', recipients),
      notifySellers(req, written, 'new', recipients),
    ])
    const notified = [customerNotified, ...sellersNotified].filter((n) => n !== null)

    // The hot rows last, in the write that carries the commit: the stock of each line (refused in SQL when short), the
    // year's counter and the number it gives to the order and its ledger entry, then that number where the provisional
    // one was written. They stay locked for PostgreSQL's time alone (src/db/transaction.ts `commitWith`).
    const year = now.getUTCFullYear()
    const number = currentOrderNumberSql(year)
    const stock = stockOrder(managed).map(takeStockStatement)
    return commitWith(
      [
        ...stock,
        numberOrderStatement({ year, order: Number(written.id), payment: ledger ? Number(ledger.id) : null, provisional }),
        renameInNotificationsStatement({ notifications: notified.flatMap((n) => (n.id === null ? [] : [n.id])), deliveries: notified.flatMap((n) => n.deliveries) }, provisional, number),
        ...(loyalty.loyalty.pointsRedeemed > 0 ? [renameLedgerRefStatement('checkout_redeem', provisional, number)] : []),
      ],
      (results) => {
        const orderNumber = String(results[stock.length].rows[0].order_number)
        // The emails and live events raised above carry the provisional number until they run.
        renameInEffects(provisional, orderNumber)
        // The ledger entry is answered through publicPayment, which carries no description.
        return { order: { ...written, orderNumber } as FullOrder, payment: ledger }
      },
    )
  }).catch((err: unknown) => {
    const short = shortLineOf(err)
    if (short) refuseShort([short])
    throw err
  })

  if (paymentMethod === 'cash_on_delivery') return { order, payment: payment ? publicPayment(payment) : null }
  // Card: the PaymentIntent is created after the stock transaction commits, so no row lock is held
  // while Stripe answers. If Stripe fails, the order is cancelled again (stock returned) and the call fails.
  try {
    const card = await createCardPayment(req, {
      target: { relationTo: 'orders', value: order.id },
      amount: order.total,
      currency: order.currency ?? undefined,
      description: `Order ${order.orderNumber}`,
      user: userId,
    })
    return { order, payment: publicPayment(card.payment, card.clientSecret) }
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
 * Cancels an order. Steps (applyTransition): lock the order row → validate (the order machine, on the locked
 * state) → write (stock back, every payment refunded through Stripe when succeeded or voided when open, the
 * status) → effects (notifications), all in one transaction. Compensation: a failed refund rolls everything back,
 * so the order stays as it was; a refund Stripe already made before a later failure is not made twice on retry
 * (idempotency key per payment and already-refunded total, see refundPayment).
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
    machine: orderMachine,
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
    machine: orderMachine,
    action: 'refund',
    system: opts.system,
    data: async (previous) => {
      // Goods not yet shipped go back on the shelf.
      const unshipped = previous.status === 'paid' || previous.status === 'processing'
      if (unshipped) await returnStock(await txOf(req), previous)
      refunded = await refundTarget(req, { relationTo: 'orders', value: id }, opts.reason ?? 'refund')
      return { ...(unshipped ? { stockReturned: true } : {}), paymentStatus: await paymentStatusAfter(req, id, previous.paymentStatus) }
    },
    after: async (order) => void (await notifyCustomer(req, order, 'refunded')),
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
      machine: orderMachine,
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
      data: { paymentStatus: await paymentStatusAfter(req, orderId, order.paymentStatus) },
    })
    await notifyCustomer(req, order, 'refunded', ' The order had been cancelled before your payment arrived.')
  }
}

// ---------------------------------------------------------------- fulfilment

/**
 * Ships the caller's lines (a seller's own, or every line for an admin): lock the order → validate (visible,
 * lines left to ship) → write (the lines; the `process` or `ship` transition) → effects (the customer is told
 * when everything shipped).
 */
export async function shipLines(req: PayloadRequest, user: AccessUser, id: number, opts: { trackingNumber?: string; carrier?: string }): Promise<FullOrder> {
  const me = Number(user.id)
  const { trackingNumber, carrier } = opts
  await visibleOrder(req, user, id)
  return withTransaction(req, async (tx) => {
    await lockRow(tx, ORDERS, id, 'id')
    const order = (await findOrder(req, id)) as FullOrder
    const admin = isAdminUser(user)
    const mine = (order.items ?? []).filter((i) => admin || sameId(i.seller, me))
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
      return (await req.payload.update({ collection: ORDERS, id, req, depth: 0, overrideAccess: true, data: { items } })) as FullOrder
    }
    const { doc } = await applyTransition<OrderStatus, FullOrder>({
      req,
      collection: ORDERS,
      id,
      machine: orderMachine,
      action,
      data: () => ({ items, ...(allShipped ? { shippedAt: at } : {}) }),
      after: async (updated) => {
        if (allShipped) await notifyCustomer(req, updated, 'shipped', trackingNumber ? ` Tracking number: ${trackingNumber}.` : '')
      },
    })
    return doc
  })
}

/** Marks an order delivered (a cash order's ledger entry is settled in the same transaction). */
export async function deliverOrder(req: PayloadRequest, user: AccessUser, id: number): Promise<FullOrder> {
  await visibleOrder(req, user, id)
  const { doc } = await applyTransition<OrderStatus, FullOrder>({
    req,
    collection: ORDERS,
    id,
    machine: orderMachine,
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
    after: async (updated) => void (await notifyCustomer(req, updated, 'delivered')),
  })
  return doc
}

// ---------------------------------------------------------------- reads for the endpoints (endpoints/commerce/orders.ts)

/** The order as the caller sees it: in full for its customer or an admin, else the seller's lines only. */
export const orderFor = (order: FullOrder, user: AccessUser) => (isAdminUser(user) || sameId(order.customer, user.id) ? order : sellerView(order, Number(user.id)))

/** Orders with lines of `sellerId`, newest first, each cut to the seller's lines. */
export async function sellerOrders(req: PayloadRequest, sellerId: number, opts: { page: number; limit: number; status?: OrderStatus }) {
  const where: Where = { and: [{ sellers: { equals: sellerId } }, ...(opts.status ? [{ status: { equals: opts.status } }] : [])] }
  const res = await req.payload.find({ collection: ORDERS, req, depth: 0, overrideAccess: true, where, page: opts.page, limit: opts.limit, sort: '-createdAt' })
  return { ...res, docs: res.docs.map((o) => sellerView(o as FullOrder, sellerId)) }
}
