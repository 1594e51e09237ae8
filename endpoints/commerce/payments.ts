/**
 * `POST /api/payments/intent {targetType, targetId}`: a card payment for the caller's own order (retry of a
 * pending card order), parking booking or service booking — the one path every domain pays through.
 */
import type { CollectionSlug, Endpoint } from 'payload'

import { assertValid, conflict, json, notFound, requireUser, readJson } from '@/lib/http'
import { Input } from '@/lib/validate'

import { clientSecretOf, createCardPayment, idOf, paymentsOfTarget, publicPayment } from './operations/ledger'
import { requireStripe } from './operations/stripe'

const PAYABLE = ['orders', 'parking-bookings', 'service-bookings'] as const
type Payable = (typeof PAYABLE)[number]

/** Who owns a target and what it costs (per the cross-domain field contract). */
function describeTarget(type: Payable, doc: Record<string, unknown>): { owner: number | null; amount: number; currency: string; label: string; payable: string | null } {
  switch (type) {
    case 'orders':
      return {
        owner: idOf(doc.customer),
        amount: Number(doc.total ?? 0),
        currency: String(doc.currency ?? 'USD'),
        label: `Order ${doc.orderNumber}`,
        payable: doc.paymentMethod !== 'card' ? 'This order is paid on delivery.' : doc.status !== 'pending' ? `The order is ${doc.status}.` : null,
      }
    case 'parking-bookings':
      return {
        owner: idOf(doc.user),
        amount: Number(doc.totalCost ?? 0),
        currency: String(doc.currency ?? 'USD'),
        label: `Parking booking ${doc.id}`,
        payable: ['cancelled', 'completed'].includes(String(doc.status)) ? `The booking is ${doc.status}.` : null,
      }
    case 'service-bookings':
      return {
        owner: idOf(doc.customer),
        amount: Number((doc.pricing as { total?: number } | undefined)?.total ?? 0),
        currency: String((doc.pricing as { currency?: string } | undefined)?.currency ?? doc.currency ?? 'USD'),
        label: `Service booking ${doc.bookingNumber ?? doc.id}`,
        payable: ['cancelled', 'rejected'].includes(String(doc.status)) ? `The booking is ${doc.status}.` : null,
      }
  }
}

export const paymentIntentEndpoint: Endpoint = {
  path: '/intent',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const input = new Input(await readJson(req))
    const targetType = input.oneOf('targetType', PAYABLE, { required: true })
    const targetId = input.id('targetId')
    assertValid(input)
    requireStripe()
    const doc = (await req.payload.findByID({ collection: targetType as CollectionSlug, id: targetId!, req, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
    if (!doc) throw notFound()
    const t = describeTarget(targetType!, doc)
    if (t.owner !== Number(user.id)) throw notFound()
    if (t.payable) throw conflict(t.payable)
    if (!(t.amount > 0)) throw conflict('Nothing to pay.')
    const target = { relationTo: targetType!, value: targetId! }
    const existing = await paymentsOfTarget(req, target)
    if (existing.some((p) => p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'refunded')) throw conflict('Already paid.')
    const open = existing.find((p) => p.provider === 'stripe' && p.status === 'requires_payment' && p.intentId && p.amount === t.amount)
    if (open) return json({ payment: publicPayment(open, await clientSecretOf(open)) })
    const card = await createCardPayment(req, { target, amount: t.amount, currency: t.currency, description: t.label, user: Number(user.id) })
    return json({ payment: publicPayment(card.payment, card.clientSecret) }, 201)
  },
}
