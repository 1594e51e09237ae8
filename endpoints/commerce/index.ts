import type { Endpoint } from 'payload'

import { stripeWebhookEndpoint } from '@/commerce/webhooks'

/** Root endpoints of the commerce domain: the Stripe webhook (`POST /api/stripe/webhooks`). */
export const commerceEndpoints: Endpoint[] = [stripeWebhookEndpoint]
