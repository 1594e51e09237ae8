/**
 * Order endpoints (collection `orders`): checkout, the seller's orders, cancel, ship, deliver, refund. Thin: the
 * steps are in operations/orders.ts.
 */
import { z } from 'zod'

import { ORDER_STATES } from '@/domain/commerce/order-machine'
import { PAYMENT_METHODS } from '@/domain/commerce/orders'
import { defineEndpoint } from '@/http/define-endpoint'
import { notFound } from '@/lib/http'
import { numOr, oneOf, optNum, optStr } from '@/http/fields'

import { zAddress } from './input'
import { cancelOrder, checkout, deliverOrder, findOrder, orderFor, refundOrder, sellerOrders, shipLines, visibleOrder } from './operations/orders'

const reasonBody = z.object({ reason: optStr('reason', { max: 500 }) })

export const checkoutEndpoint = defineEndpoint({
  method: 'post',
  path: '/checkout',
  summary: "Place an order for the caller's cart (prices, stock and totals from the server).",
  auth: 'write',
  body: z.object({
    paymentMethod: oneOf('paymentMethod', PAYMENT_METHODS),
    shippingAddress: zAddress('shippingAddress'),
    billingAddress: z.preprocess((v) => (v === null ? undefined : v), zAddress('billingAddress').optional()),
    notes: optStr('notes', { max: 1000 }),
    redeemPoints: optNum('redeemPoints', { integer: true, min: 0, max: 10_000_000 }),
  }),
  status: 201,
  run: ({ req, user, body }) => checkout(req, user, body),
})

export const sellerOrdersEndpoint = defineEndpoint({
  method: 'get',
  path: '/seller',
  summary: "Orders with the caller's lines (as a seller), cut to those lines.",
  auth: 'user',
  query: z.object({
    page: numOr('page', 1, { integer: true, min: 1 }),
    limit: numOr('limit', 20, { integer: true, min: 1, max: 100 }),
    status: oneOf('status', ORDER_STATES).optional(),
  }),
  run: ({ req, user, query }) => sellerOrders(req, Number(user.id), query),
})

export const cancelOrderEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/cancel',
  summary: 'Cancel an order: stock back, payments refunded or voided.',
  auth: 'write',
  body: reasonBody,
  run: async ({ req, user, id, body }) => {
    await visibleOrder(req, user, id)
    return cancelOrder(req, id, { reason: body.reason })
  },
})

export const shipOrderEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/ship',
  summary: "Ship the caller's lines of an order (all lines shipped → the order is shipped).",
  auth: 'write',
  body: z.object({ trackingNumber: optStr('trackingNumber', { max: 100 }), carrier: optStr('carrier', { max: 100 }) }),
  run: async ({ req, user, id, body }) => ({ order: orderFor(await shipLines(req, user, id, body), user) }),
})

export const deliverOrderEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/deliver',
  summary: 'Mark a shipped order delivered (a cash order is settled).',
  auth: 'write',
  run: async ({ req, user, id }) => ({ order: orderFor(await deliverOrder(req, user, id), user) }),
})

export const refundOrderEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/refund',
  summary: 'Refund a paid order in full (admins).',
  auth: { roles: ['admin'] },
  body: reasonBody,
  run: async ({ req, id, body }) => {
    if (!(await findOrder(req, id))) throw notFound('Order not found.')
    return refundOrder(req, id, { reason: body.reason })
  },
})

export const orderEndpoints = [checkoutEndpoint, sellerOrdersEndpoint, cancelOrderEndpoint, shipOrderEndpoint, deliverOrderEndpoint, refundOrderEndpoint]
