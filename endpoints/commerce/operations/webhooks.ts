/**
 * Stripe webhook processing. The endpoint, `POST /api/stripe/webhooks`, is @payloadcms/plugin-stripe's (patched, registered
 * in collections/commerce/plugin.ts): it verifies the signature over the raw body and awaits `processStripeEvent`. Each
 * verified event id is recorded in `commerce_stripe_events` with `insert … on conflict do nothing` inside the
 * same transaction that applies it, so a replayed or concurrently re-delivered event changes nothing.
 */
import type { PayloadRequest } from 'payload'

import { recordStripeEvent } from '@/db/commerce'
import { lockRow, txOf, withTransaction } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { fromMinorUnits } from '@/domain/money'

import { findPayment, markPaymentFailed, markPaymentSucceeded, paymentHandler, recordRefundedTotal, targetOf, type PaymentDoc } from './ledger'
import { type InvoiceLike, onInvoiceFailed, onInvoicePaid, onStripeSubscriptionDeleted } from './billing'
import { orderPaid, refundOrder, findOrder } from './orders'
import { activateSubscription } from './subscriptions'

interface IntentLike {
  id: string
  metadata?: Record<string, string> | null
  latest_charge?: string | { id: string } | null
  last_payment_error?: { message?: string } | null
}

interface ChargeLike {
  id: string
  payment_intent?: string | { id: string } | null
  amount_refunded?: number
  metadata?: Record<string, string> | null
}

export interface EventLike {
  id: string
  type: string
  data: { object: unknown }
}

async function paymentFor(req: PayloadRequest, metadata: Record<string, string> | null | undefined, intentId: string | null): Promise<PaymentDoc | null> {
  const byMeta = Number(metadata?.paymentId)
  if (Number.isInteger(byMeta) && byMeta > 0) {
    const p = await findPayment(req, byMeta)
    if (p) return p
  }
  if (!intentId) return null
  const res = await req.payload.find({ collection: 'payments', req, depth: 0, limit: 1, overrideAccess: true, where: { intentId: { equals: intentId } } })
  return res.docs[0] ?? null
}

/**
 * Lock order: the target row (order, parking or service booking, subscription) before its ledger row — the same
 * order as cancellation, expiry and the release of unpaid holds (target, then payments) — so a webhook racing a
 * cancel waits instead of deadlocking, and decides on the state the cancel left.
 */
export async function lockTargetFirst(req: PayloadRequest, payment: PaymentDoc): Promise<void> {
  const target = targetOf(payment)
  await lockRow(await txOf(req), target.relationTo, target.value, 'id')
}

const idOfRef = (v: string | { id: string } | null | undefined) => (v && typeof v === 'object' ? v.id : (v ?? null))

async function onIntentSucceeded(req: PayloadRequest, intent: IntentLike): Promise<string> {
  const payment = await paymentFor(req, intent.metadata, intent.id)
  if (!payment) return 'unknown payment'
  await lockTargetFirst(req, payment)
  const { payment: updated, changed } = await markPaymentSucceeded(req, payment.id, { chargeId: idOfRef(intent.latest_charge) })
  if (!changed) return 'already settled'
  const target = targetOf(updated)
  if (target.relationTo === 'orders') await orderPaid(req, target.value)
  else await paymentHandler(target.relationTo, 'succeeded')?.(req, updated, target)
  return 'succeeded'
}

async function onIntentFailed(req: PayloadRequest, intent: IntentLike): Promise<string> {
  const payment = await paymentFor(req, intent.metadata, intent.id)
  if (!payment) return 'unknown payment'
  await lockTargetFirst(req, payment)
  const { payment: updated, changed } = await markPaymentFailed(req, payment.id, intent.last_payment_error?.message ?? 'The payment failed.')
  if (!changed) return 'unchanged'
  const target = targetOf(updated)
  await paymentHandler(target.relationTo, 'failed')?.(req, updated, target)
  const user = idOf(updated.user)
  if (user) {
    const { notify } = await import('@/notifications/notify')
    await notify(req, {
      user,
      type: 'payment',
      title: { en: 'Payment failed', ar: 'فشل الدفع' },
      message: { en: `Your payment of ${updated.amount.toFixed(2)} ${updated.currency} failed: ${updated.failureMessage ?? ''} You can try again.` },
      data: { payment: updated.id, target },
    })
  }
  return 'failed'
}

async function onChargeRefunded(req: PayloadRequest, charge: ChargeLike): Promise<string> {
  const payment = await paymentFor(req, charge.metadata, idOfRef(charge.payment_intent))
  if (!payment) return 'unknown payment'
  await lockTargetFirst(req, payment)
  const { payment: updated, changed } = await recordRefundedTotal(req, payment.id, fromMinorUnits(charge.amount_refunded ?? 0))
  if (!changed) return 'already recorded'
  const target = targetOf(updated)
  if (target.relationTo === 'orders') {
    const order = updated.status === 'refunded' ? await findOrder(req, target.value) : null
    // A full refund made outside AutoHub (Stripe dashboard): the order follows.
    if (order && ['paid', 'processing', 'shipped', 'delivered'].includes(order.status)) await refundOrder(req, target.value, { system: true, reason: 'Refunded in Stripe.' })
  } else {
    // Bookings follow every refunded total (partial ones too).
    await paymentHandler(target.relationTo, 'refunded')?.(req, updated, target)
  }
  return updated.status
}

/** Applies one verified event exactly once. Returns what happened (for the response and logs). */
export async function processStripeEvent(req: PayloadRequest, event: EventLike): Promise<{ duplicate: boolean; result: string }> {
  return withTransaction(req, async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return { duplicate: true, result: 'already processed' }
    let result = 'ignored'
    switch (event.type) {
      case 'payment_intent.succeeded':
        result = await onIntentSucceeded(req, event.data.object as IntentLike)
        break
      case 'payment_intent.payment_failed':
        result = await onIntentFailed(req, event.data.object as IntentLike)
        break
      case 'charge.refunded':
        result = await onChargeRefunded(req, event.data.object as ChargeLike)
        break
      case 'invoice.paid':
        result = await onInvoicePaid(req, event.data.object as InvoiceLike, activateSubscription)
        break
      case 'invoice.payment_failed':
        result = await onInvoiceFailed(req, event.data.object as InvoiceLike)
        break
      case 'customer.subscription.deleted':
        result = await onStripeSubscriptionDeleted(req, event.data.object as { id: string; metadata?: Record<string, string> | null })
        break
      default:
        break
    }
    return { duplicate: false, result }
  })
}
