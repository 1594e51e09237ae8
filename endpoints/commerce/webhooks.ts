/**
 * `POST /api/stripe/webhooks`. Public (Stripe calls it) and without a body schema on purpose: the signature is
 * computed over the exact raw bytes, so the body is read as raw text and verified before anything is parsed.
 */
import { defineEndpoint } from '@/http/define-endpoint'

import { processStripeEvent, verifyStripeEvent } from './operations/webhooks'

export const stripeWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/stripe/webhooks',
  summary: 'Stripe webhook: verified by signature over the raw body, each event applied once.',
  auth: 'public',
  run: async ({ req }) => {
    const signature = req.headers.get('stripe-signature')
    const raw = typeof req.text === 'function' ? await req.text() : ''
    const event = verifyStripeEvent(raw, signature)
    return { received: true, id: event.id, type: event.type, ...(await processStripeEvent(req, event)) }
  },
})
