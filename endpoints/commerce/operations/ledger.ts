/**
 * The payments ledger: creating card payments (Stripe PaymentIntents) and cash entries, refunds, and the
 * transitions the Stripe webhook applies. Other domains pay through `createCardPayment` and learn about
 * payment outcomes by registering a handler with `onPaymentEvent`.
 */
import type { PayloadRequest } from 'payload'

import type { Payment } from '@payload-types'

import { lockRow, txOf } from '@/db/transaction'
import { minorUnits, toCents } from '@/domain/money'
import { type PaymentTarget, refundableAmount, statusAfterRefund } from '@/domain/commerce'
import { idOf } from '@/domain/ids'
import { HttpError, badRequest } from '@/lib/http'

import { requireStripe, stripeClient, stripeCurrency } from './stripe'

export interface TargetRef {
  relationTo: PaymentTarget
  value: number
}

/** A ledger entry (the generated `payments` document). */
export type PaymentDoc = Payment

export const targetOf = (p: PaymentDoc): TargetRef => ({ relationTo: p.target.relationTo, value: idOf(p.target.value) as number })

/** A provider failure is a 502 for our caller, never a 500 with a stack. */
function providerError(err: unknown): HttpError {
  const message = err instanceof Error ? err.message : String(err)
  return new HttpError(502, `The payment provider failed: ${message}`)
}

// ---------------------------------------------------------------- outcome handlers for other domains

export type PaymentEvent = 'succeeded' | 'failed' | 'refunded'
export type PaymentEventHandler = (req: PayloadRequest, payment: PaymentDoc, target: TargetRef) => Promise<void> | void

const g = globalThis as unknown as { __autohubPaymentHandlers?: Map<string, PaymentEventHandler> }
const handlers = (g.__autohubPaymentHandlers ??= new Map())

/**
 * Registers what happens to a target when its payment succeeds, fails or is refunded (runs inside the
 * webhook's transaction: pass `req` to every Local API call). Parking and services register theirs;
 * orders and subscriptions are handled here.
 */
export function onPaymentEvent(targetType: PaymentTarget, event: PaymentEvent, handler: PaymentEventHandler): void {
  handlers.set(`${targetType}:${event}`, handler)
}

export const paymentHandler = (targetType: string, event: PaymentEvent): PaymentEventHandler | undefined => handlers.get(`${targetType}:${event}`)

// ---------------------------------------------------------------- creating payments

export interface CardPaymentInput {
  target: TargetRef
  amount: number
  currency?: string
  description: string
  /** Who pays (defaults to the signed-in user). */
  user?: number | null
}

export interface CardPaymentResult {
  payment: PaymentDoc
  clientSecret: string | null
  intentId: string
}

/**
 * Creates a ledger entry and a Stripe PaymentIntent for it; returns the intent's client secret (confirm it
 * with Stripe.js). The webhook `payment_intent.succeeded` then marks the entry and its target paid.
 * Without Stripe configured → 400. Passing `req` joins the caller's transaction for the ledger row.
 */
export async function createCardPayment(req: PayloadRequest, input: CardPaymentInput): Promise<CardPaymentResult> {
  const stripe = await requireStripe()
  const amount = toCents(input.amount)
  if (!(amount > 0)) throw badRequest('The amount to pay must be greater than 0.', { amount })
  const currency = (input.currency || 'USD').toUpperCase()
  const user = input.user ?? idOf(req.user && (req.user as { collection?: string }).collection === 'users' ? req.user.id : null)
  const created = await req.payload.create({
    collection: 'payments',
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      provider: 'stripe',
      amount,
      currency,
      status: 'requires_payment',
      target: input.target,
      user,
      description: input.description.slice(0, 300),
      refundedAmount: 0,
    },
  })
  let intent: { id: string; client_secret: string | null }
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: minorUnits(amount),
        currency: stripeCurrency(currency),
        description: input.description.slice(0, 300),
        automatic_payment_methods: { enabled: true },
        metadata: { paymentId: String(created.id), targetType: input.target.relationTo, targetId: String(input.target.value) },
      },
      { idempotencyKey: `autohub-payment-${created.id}` },
    )
  } catch (err) {
    throw providerError(err)
  }
  const payment = await req.payload.update({
    collection: 'payments',
    id: created.id,
    req,
    overrideAccess: true,
    depth: 0,
    data: { intentId: intent.id },
  })
  return { payment, clientSecret: intent.client_secret, intentId: intent.id }
}

/** A cash (pay on delivery) or manual ledger entry, settled later. */
export async function createOfflinePayment(
  req: PayloadRequest,
  input: { target: TargetRef; amount: number; currency?: string; description: string; user: number; provider?: 'cash' | 'manual' },
): Promise<PaymentDoc> {
  return req.payload.create({
    collection: 'payments',
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      provider: input.provider ?? 'cash',
      amount: toCents(input.amount),
      currency: (input.currency || 'USD').toUpperCase(),
      status: 'requires_payment',
      target: input.target,
      user: input.user,
      description: input.description.slice(0, 300),
      refundedAmount: 0,
    },
  })
}

/** The client secret of an open card payment (for `POST /api/payments/intent` retries). */
export async function clientSecretOf(payment: PaymentDoc): Promise<string | null> {
  if (payment.provider !== 'stripe' || !payment.intentId) return null
  const stripe = await requireStripe()
  try {
    const intent = await stripe.paymentIntents.retrieve(payment.intentId)
    return intent.client_secret
  } catch (err) {
    throw providerError(err)
  }
}

// ---------------------------------------------------------------- ledger transitions

export async function findPayment(req: PayloadRequest, id: number): Promise<PaymentDoc | null> {
  return req.payload.findByID({ collection: 'payments', id, req, depth: 0, overrideAccess: true, disableErrors: true })
}

export async function paymentsOfTarget(req: PayloadRequest, target: TargetRef): Promise<PaymentDoc[]> {
  const res = await req.payload.find({
    collection: 'payments',
    req,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ 'target.relationTo': { equals: target.relationTo } }, { 'target.value': { equals: target.value } }] },
    sort: 'createdAt',
  })
  return res.docs
}

async function updatePayment(req: PayloadRequest, id: number, data: Partial<Payment>): Promise<PaymentDoc> {
  return req.payload.update({ collection: 'payments', id, req, overrideAccess: true, depth: 0, data })
}

/**
 * Marks a payment succeeded (idempotent: a payment already settled is returned unchanged, `changed: false`).
 * Locks the ledger row when a transaction is open.
 */
export async function markPaymentSucceeded(req: PayloadRequest, paymentId: number, info: { chargeId?: string | null; at?: Date } = {}): Promise<{ payment: PaymentDoc; changed: boolean }> {
  if (req.transactionID) await lockRow(await txOf(req), 'payments', paymentId, 'id')
  const payment = await findPayment(req, paymentId)
  if (!payment) throw new HttpError(404, `Payment ${paymentId} not found.`)
  // `cancelled` too: the money can arrive after we gave up on an intent (the target then refunds it).
  if (payment.status !== 'requires_payment' && payment.status !== 'failed' && payment.status !== 'cancelled') return { payment, changed: false }
  const updated = await updatePayment(req, paymentId, {
    status: 'succeeded',
    chargeId: info.chargeId ?? payment.chargeId ?? null,
    paidAt: (info.at ?? new Date()).toISOString(),
    failureMessage: null,
  })
  return { payment: updated, changed: true }
}

export async function markPaymentFailed(req: PayloadRequest, paymentId: number, message: string): Promise<{ payment: PaymentDoc; changed: boolean }> {
  if (req.transactionID) await lockRow(await txOf(req), 'payments', paymentId, 'id')
  const payment = await findPayment(req, paymentId)
  if (!payment) throw new HttpError(404, `Payment ${paymentId} not found.`)
  if (payment.status !== 'requires_payment') return { payment, changed: false }
  return { payment: await updatePayment(req, paymentId, { status: 'failed', failureMessage: message.slice(0, 500) }), changed: true }
}

/**
 * Records the provider's refunded total (from `charge.refunded`): idempotent — an amount already recorded
 * changes nothing.
 */
export async function recordRefundedTotal(req: PayloadRequest, paymentId: number, refundedTotal: number): Promise<{ payment: PaymentDoc; changed: boolean }> {
  if (req.transactionID) await lockRow(await txOf(req), 'payments', paymentId, 'id')
  const payment = await findPayment(req, paymentId)
  if (!payment) throw new HttpError(404, `Payment ${paymentId} not found.`)
  const total = Math.min(toCents(refundedTotal), payment.amount)
  if (minorUnits(total) <= minorUnits(payment.refundedAmount ?? 0)) return { payment, changed: false }
  const updated = await updatePayment(req, paymentId, {
    refundedAmount: total,
    status: statusAfterRefund(payment.amount, total),
    refundedAt: new Date().toISOString(),
  })
  return { payment: updated, changed: true }
}

/**
 * Refunds what is still refundable on a payment (or `amount` of it). Stripe payments are refunded through
 * Stripe (idempotency key per payment and already-refunded total, so a retried call never refunds twice);
 * cash/manual ones are recorded. Open (unpaid) payments are cancelled instead (their PaymentIntent too).
 * Returns the amount refunded now.
 */
export async function refundPayment(req: PayloadRequest, paymentId: number, opts: { amount?: number; reason?: string } = {}): Promise<{ payment: PaymentDoc; refunded: number }> {
  if (req.transactionID) await lockRow(await txOf(req), 'payments', paymentId, 'id')
  const payment = await findPayment(req, paymentId)
  if (!payment) throw new HttpError(404, `Payment ${paymentId} not found.`)
  if (payment.status === 'requires_payment' || payment.status === 'failed') {
    if (payment.provider === 'stripe' && payment.intentId) {
      const stripe = await stripeClient()
      try {
        await stripe?.paymentIntents.cancel(payment.intentId)
      } catch (err) {
        // An intent that already succeeded cannot be cancelled: the webhook will settle and refund it.
        req.payload.logger.warn({ err, msg: `could not cancel PaymentIntent ${payment.intentId}` })
      }
    }
    return { payment: await updatePayment(req, paymentId, { status: 'cancelled' }), refunded: 0 }
  }
  if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') return { payment, refunded: 0 }
  const already = payment.refundedAmount ?? 0
  const refundable = refundableAmount(payment.amount, already)
  const amount = Math.min(toCents(opts.amount ?? refundable), refundable)
  if (!(amount > 0)) return { payment, refunded: 0 }
  let refundId: string | null = null
  if (payment.provider === 'stripe') {
    const stripe = await requireStripe()
    try {
      const refund = await stripe.refunds.create(
        {
          payment_intent: payment.intentId ?? undefined,
          amount: minorUnits(amount),
          metadata: { paymentId: String(payment.id), reason: (opts.reason ?? '').slice(0, 200) },
        },
        { idempotencyKey: `autohub-refund-${payment.id}-${minorUnits(already)}` },
      )
      refundId = refund.id
    } catch (err) {
      throw providerError(err)
    }
  }
  const total = toCents(already + amount)
  const updated = await updatePayment(req, paymentId, {
    refundedAmount: total,
    status: statusAfterRefund(payment.amount, total),
    refundedAt: new Date().toISOString(),
    refunds: [...(payment.refunds ?? []), { refundId, amount, reason: opts.reason ?? null, at: new Date().toISOString() }],
  })
  return { payment: updated, refunded: amount }
}

/** Refunds (or cancels) every payment of a target; returns the total refunded now. */
export async function refundTarget(req: PayloadRequest, target: TargetRef, reason: string): Promise<number> {
  let total = 0
  for (const p of await paymentsOfTarget(req, target)) {
    const { refunded } = await refundPayment(req, p.id, { reason })
    total = toCents(total + refunded)
  }
  return total
}

/**
 * What a cancelled target owes back: up to `amount` of what was paid is refunded (through Stripe for card
 * payments), and every open payment is cancelled (its PaymentIntent too), so no money can be taken for it later
 * — a payment that succeeds anyway is refunded by the target's `succeeded` handler. Run it with the target row
 * locked (target, then payments). Returns what was paid and what is refunded now.
 */
export async function settleCancelledTarget(req: PayloadRequest, target: TargetRef, amount: number, reason: string): Promise<{ paid: number; refunded: number }> {
  let left = toCents(amount)
  let paid = 0
  let refunded = 0
  for (const p of await paymentsOfTarget(req, target)) {
    if (p.status === 'requires_payment' || p.status === 'failed') {
      await refundPayment(req, p.id, { reason })
      continue
    }
    if (p.status !== 'succeeded' && p.status !== 'partially_refunded') continue
    paid = toCents(paid + p.amount)
    const take = Math.min(left, refundableAmount(p.amount, p.refundedAmount ?? 0))
    if (!(take > 0)) continue
    const res = await refundPayment(req, p.id, { amount: take, reason })
    left = toCents(left - res.refunded)
    refunded = toCents(refunded + res.refunded)
  }
  return { paid, refunded }
}

/** Totals over a target's settled payments: paid (succeeded at some point) and refunded so far. */
export async function paidTotalsOf(req: PayloadRequest, target: TargetRef): Promise<{ paid: number; refunded: number }> {
  let paid = 0
  let refunded = 0
  for (const p of await paymentsOfTarget(req, target)) {
    if (p.status !== 'succeeded' && p.status !== 'partially_refunded' && p.status !== 'refunded') continue
    paid = toCents(paid + p.amount)
    refunded = toCents(refunded + (p.refundedAmount ?? 0))
  }
  return { paid, refunded }
}

/** The public shape of a ledger entry (no internal fields). */
export const publicPayment = (p: PaymentDoc, clientSecret?: string | null) => ({
  id: p.id,
  provider: p.provider,
  status: p.status,
  amount: p.amount,
  currency: p.currency,
  refundedAmount: p.refundedAmount ?? 0,
  intentId: p.intentId ?? null,
  ...(clientSecret !== undefined ? { clientSecret } : {}),
})
