/**
 * The order state table: pending → paid → processing → shipped → delivered; cancelled, refunded.
 * Card orders become `paid` through the Stripe webhook; cash-on-delivery orders stay `pending` until a seller
 * starts fulfilling them and are settled on delivery.
 */
import type { AccessUser } from '@/access/roles'
import { sameId } from '@/domain/ids'

import { defineMachine } from '../../workflows/engine'

export const ORDER_STATES = ['pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATES)[number]

export interface OrderDoc {
  status: OrderStatus
  paymentMethod?: 'card' | 'cash_on_delivery' | null
  customer?: number | { id: number } | null
  sellers?: (number | { id: number })[] | null
  [key: string]: unknown
}

const isCod = (doc: OrderDoc) => doc.paymentMethod === 'cash_on_delivery'

export const orderMachine = defineMachine<OrderStatus, OrderDoc>({
  name: 'order',
  field: 'status',
  states: ORDER_STATES,
  initial: 'pending',
  terminal: ['delivered', 'cancelled', 'refunded'],
  // Every move carries effects (stock, refunds, payments, notifications) that only its action runs: an admin
  // `PATCH {status}` (the admin panel's save) is refused with 409 naming the action.
  actionsOnly: { via: 'POST /api/orders/:id/{action}' },
  relations: (doc, actor: AccessUser) => {
    const me = String(actor.id)
    const rel: string[] = []
    if (sameId(doc.customer, me)) rel.push('customer')
    if ((doc.sellers ?? []).some((s) => sameId(s, me))) rel.push('order_seller')
    return rel
  },
  transitions: [
    {
      action: 'pay',
      from: ['pending'],
      to: 'paid',
      by: ['system', 'admin'],
      description: 'Card payment succeeded (Stripe webhook).',
      via: 'the Stripe webhook (POST /api/stripe/webhooks, payment_intent.succeeded)',
      effects: 'Marking an order paid records the payment and notifies the customer and the sellers',
    },
    {
      action: 'process',
      from: ['pending', 'paid'],
      to: 'processing',
      by: ['order_seller', 'admin', 'system'],
      guard: ({ doc }) => (doc.status === 'pending' && !isCod(doc) ? 'The order is not paid yet.' : null),
      description: 'A seller ships its lines while others remain (cash-on-delivery orders start here unpaid).',
      via: 'POST /api/orders/:id/ship',
      effects: 'Processing an order records the shipped lines (tracking numbers)',
    },
    {
      action: 'ship',
      from: ['pending', 'paid', 'processing'],
      to: 'shipped',
      by: ['order_seller', 'admin', 'system'],
      guard: ({ doc }) => (doc.status === 'pending' && !isCod(doc) ? 'The order is not paid yet.' : null),
      description: 'Every line has been shipped by its seller.',
      effects: 'Shipping an order records each line as shipped and notifies the customer',
    },
    {
      action: 'deliver',
      from: ['shipped'],
      to: 'delivered',
      by: ['customer', 'order_seller', 'admin', 'system'],
      description: 'Received; a cash-on-delivery payment is recorded as collected.',
      effects: 'Delivering an order settles a cash-on-delivery payment and notifies the customer',
    },
    {
      action: 'cancel',
      from: ['pending', 'paid', 'processing'],
      to: 'cancelled',
      by: ['customer', 'admin', 'system'],
      description: 'Stock returns; what was paid is refunded through Stripe.',
      effects: 'Cancelling an order returns its stock and refunds the payment',
    },
    {
      action: 'expire',
      from: ['pending'],
      to: 'cancelled',
      by: ['system'],
      guard: ({ doc }) => (isCod(doc) ? 'Cash-on-delivery orders do not expire.' : null),
      description: 'Unpaid card order after `unpaidOrderTtlMinutes` (job); stock returns.',
      via: 'the commerce-expire-unpaid-orders job (or POST /api/orders/:id/cancel)',
      effects: 'Expiring an order returns its stock and cancels its payment',
    },
    {
      action: 'refund',
      from: ['paid', 'processing', 'shipped', 'delivered'],
      to: 'refunded',
      by: ['admin', 'system'],
      description: 'Fully refunded after payment (admin, or a `charge.refunded` webhook).',
      effects: 'Refunding an order refunds the payment through Stripe and returns unshipped stock',
    },
  ],
})
