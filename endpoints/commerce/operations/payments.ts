/**
 * A card payment for the caller's own order (retry of a pending card order), parking booking or service booking —
 * the one path every domain pays through (`POST /api/payments/intent`).
 */
import type { PayloadRequest } from 'payload'

import type { Order, ParkingBooking, ServiceBooking } from '@payload-types'

import type { AccessUser } from '@/access/roles'
import { withTransaction } from '@/db/transaction'
import { refundableAmount } from '@/domain/commerce'
import { idOf, sameId } from '@/domain/ids'
import { toCents } from '@/domain/money'
import { conflict, invalidFields, notFound } from '@/lib/http'

import { clientSecretOf, createCardPayment, findPayment, paymentHandler, paymentsOfTarget, publicPayment, refundPayment, targetOf } from './ledger'
import { requireStripe } from './stripe'
import { lockTargetFirst } from './webhooks'

export const PAYABLE = ['orders', 'parking-bookings', 'service-bookings'] as const
export type Payable = (typeof PAYABLE)[number]

interface PayableTarget {
  owner: number | null
  amount: number
  currency: string
  label: string
  /** Why it cannot be paid now, or null. */
  refusal: string | null
}

/** Who owns a target and what it costs (per the cross-domain field contract); null when it does not exist. */
async function describeTarget(req: PayloadRequest, type: Payable, id: number): Promise<PayableTarget | null> {
  const find = { id, req, depth: 0, overrideAccess: true, disableErrors: true } as const
  switch (type) {
    case 'orders': {
      const doc: Order | null = await req.payload.findByID({ collection: 'orders', ...find })
      if (!doc) return null
      return {
        owner: idOf(doc.customer),
        amount: Number(doc.total ?? 0),
        currency: String(doc.currency ?? 'USD'),
        label: `Order ${doc.orderNumber}`,
        refusal: doc.paymentMethod !== 'card' ? 'This order is paid on delivery.' : doc.status !== 'pending' ? `The order is ${doc.status}.` : null,
      }
    }
    case 'parking-bookings': {
      const doc: ParkingBooking | null = await req.payload.findByID({ collection: 'parking-bookings', ...find })
      if (!doc) return null
      return {
        owner: idOf(doc.user),
        amount: Number(doc.totalCost ?? 0),
        currency: String(doc.currency ?? 'USD'),
        label: `Parking booking ${doc.id}`,
        refusal: doc.status === 'cancelled' || doc.status === 'completed' ? `The booking is ${doc.status}.` : null,
      }
    }
    case 'service-bookings': {
      const doc: ServiceBooking | null = await req.payload.findByID({ collection: 'service-bookings', ...find })
      if (!doc) return null
      return {
        owner: idOf(doc.customer),
        amount: Number(doc.pricing?.total ?? 0),
        currency: String(doc.pricing?.currency ?? 'USD'),
        label: `Service booking ${doc.bookingNumber ?? doc.id}`,
        // Paid after approval: the final amount (discounts applied) is the server's `pricing.total`.
        refusal:
          doc.status === 'pending_approval'
            ? 'The booking is awaiting approval: it is paid once approved.'
            : doc.status === 'cancelled' || doc.status === 'rejected'
              ? `The booking is ${doc.status}.`
              : null,
      }
    }
  }
}

/**
 * Starts (or resumes) the card payment of a target the caller owns. Steps: validate (Stripe on, the caller's,
 * payable, not paid yet) → an open PaymentIntent of the same amount is reused, else a new ledger entry and
 * PaymentIntent are created. Returns `{ payment, created }`.
 */
export async function startCardPayment(req: PayloadRequest, user: AccessUser, targetType: Payable, targetId: number) {
  await requireStripe()
  const t = await describeTarget(req, targetType, targetId)
  if (!t || !sameId(t.owner, user.id)) throw notFound()
  if (t.refusal) throw conflict(t.refusal)
  if (!(t.amount > 0)) throw conflict('Nothing to pay.')
  const target = { relationTo: targetType, value: targetId }
  const existing = await paymentsOfTarget(req, target)
  if (existing.some((p) => p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'refunded')) throw conflict('Already paid.')
  const open = existing.find((p) => p.provider === 'stripe' && p.status === 'requires_payment' && p.intentId && p.amount === t.amount)
  if (open) return { payment: publicPayment(open, await clientSecretOf(open)), created: false }
  const card = await createCardPayment(req, { target, amount: t.amount, currency: t.currency, description: t.label, user: Number(user.id) })
  return { payment: publicPayment(card.payment, card.clientSecret), created: true }
}

/** Targets an admin refunds from the ledger; an order is refunded by cancelling it (stock goes back with it). */
const ADMIN_REFUNDABLE = ['parking-bookings', 'service-bookings'] as const

/**
 * `POST /api/payments/:id/refund {amount?, reason}` (admin): refunds `amount` (default: all that is left) of a
 * booking's settled payment through Stripe. Steps: lock the target, then the ledger row → validate (a booking
 * payment, settled, amount ≤ refundable) → refund (Stripe, ledger `refunds[]`) → the booking follows (its
 * `refunded` handler: payment status, refundAmount).
 */
export async function adminRefund(req: PayloadRequest, paymentId: number, input: { amount?: number; reason: string }) {
  return withTransaction(req, async () => {
    const pre = await findPayment(req, paymentId)
    if (!pre) throw notFound('Payment not found.')
    const target = targetOf(pre)
    if (!(ADMIN_REFUNDABLE as readonly string[]).includes(target.relationTo)) throw conflict('Orders are refunded by cancelling them: use POST /api/orders/:id/cancel.')
    await lockTargetFirst(req, pre)
    const payment = (await findPayment(req, paymentId))!
    if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') throw conflict(`Nothing to refund: the payment is ${payment.status}.`)
    const refundable = refundableAmount(payment.amount, payment.refundedAmount ?? 0)
    if (input.amount !== undefined && toCents(input.amount) > refundable) {
      throw invalidFields([{ path: 'amount', message: `amount must be at most what is left to refund (${refundable.toFixed(2)}).` }])
    }
    const { payment: updated, refunded } = await refundPayment(req, paymentId, { amount: input.amount, reason: input.reason })
    await paymentHandler(target.relationTo, 'refunded')?.(req, updated, target)
    return { payment: { ...publicPayment(updated), refunds: (updated.refunds ?? []).map((r) => ({ amount: r.amount, reason: r.reason, at: r.at })) }, refunded }
  })
}
