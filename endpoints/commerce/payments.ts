/** `POST /api/payments/intent {targetType, targetId}`: a card payment for the caller's own order or booking. */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { json } from '@/lib/http'
import { id, oneOf, oneOfOr, optDate, optId, optNum, str } from '@/http/fields'

import { adminRefund, PAYABLE, startCardPayment } from './operations/payments'
import { payouts } from './operations/payouts'

export const paymentIntentEndpoint = defineEndpoint({
  method: 'post',
  path: '/intent',
  summary: "Start (or resume) the card payment of the caller's order, parking booking or service booking.",
  auth: 'write',
  body: z.object({ targetType: oneOf('targetType', PAYABLE), targetId: id('targetId') }),
  run: async ({ req, user, body }) => {
    const { payment, created } = await startCardPayment(req, user, body.targetType, body.targetId)
    // 201 when a new payment was created, 200 when an open one is resumed.
    return json({ payment }, created ? 201 : 200)
  },
})

export const adminRefundEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/refund',
  summary: "Refund a parking or service booking's payment, in full or `amount` of it, through Stripe (admin).",
  auth: { roles: ['admin'] },
  body: z.object({ amount: optNum('amount', { min: 0.01, decimals: 2 }), reason: str('reason', { min: 1, max: 200 }) }),
  run: ({ req, id, body }) => adminRefund(req, id, body),
})

export const payoutsEndpoint = defineEndpoint({
  method: 'get',
  path: '/payouts',
  summary: "Earnings per period from the ledger: a seller's order lines, a parking owner's bookings; admins: the platform or ?payee=.",
  auth: 'user',
  query: z.object({
    from: optDate('from'),
    to: optDate('to'),
    granularity: oneOfOr('granularity', ['day', 'week', 'month'] as const, 'month'),
    payee: optId('payee'),
  }),
  run: ({ req, user, query }) => payouts(req, user, query),
})
