/**
 * The commerce domain's registration: its collections, endpoints, jobs, demo data and machines, and
 * @payloadcms/plugin-stripe (patched: patches/@payloadcms+plugin-stripe+3.89.0.patch) for the plans' Stripe products
 * and the one Stripe webhook endpoint.
 */
import { stripePlugin } from '@payloadcms/plugin-stripe'
import type { Config, Plugin } from 'payload'

import { env } from '@/lib/env'
import { orderMachine } from '@/domain/commerce/order-machine'
import { adoptEndpoint, definePlugin } from '@/plugins/domain'
import { commerceTasks } from '@endpoints/commerce/jobs'
import { cartEndpoints } from '@endpoints/commerce/carts'
import { orderEndpoints } from '@endpoints/commerce/orders'
import { adminRefundEndpoint, paymentIntentEndpoint, payoutsEndpoint } from '@endpoints/commerce/payments'
import { featureListingEndpoint, subscriptionEndpoints } from '@endpoints/commerce/subscriptions'
import { apiBaseOptions } from '@endpoints/commerce/operations/stripe'
import { processStripeEvent } from '@endpoints/commerce/operations/webhooks'
import { guardPlanDelete } from '@hooks/commerce/plan-delete-guard'
import { mergeGuestCartOnLogin } from '@hooks/commerce/cart-merge'
import { enforceListingQuota, enforcePhotoLimit } from '@hooks/commerce/listing-quota'
import { omitEmptyPlanDescription, syncPlanPriceToStripe } from '@hooks/commerce/plan-stripe-sync'
import { seedCommerce } from '@seed/commerce'

import { Carts } from './Carts'
import { Orders } from './Orders'
import { Payments } from './Payments'
import { Plans } from './Plans'
import { Subscriptions } from './Subscriptions'

const commerceDomain = definePlugin({
  name: 'commerce',
  collections: [Carts, Orders, Payments, Plans, Subscriptions],
  collectionEndpoints: {
    carts: cartEndpoints,
    orders: orderEndpoints,
    payments: [paymentIntentEndpoint, payoutsEndpoint, adminRefundEndpoint],
    subscriptions: subscriptionEndpoints,
    // A seller features their own listing within the plan's featuredListings.
    cars: [featureListingEndpoint],
  },
  hooks: {
    // A seller's plan limits the listings they may publish.
    cars: { beforeChange: [enforceListingQuota, enforcePhotoLimit] },
    // A guest's cart joins the account's cart at login.
    users: { afterLogin: [mergeGuestCartOnLogin] },
    // Plans are Stripe products (the Stripe plugin, below) with a recurring price, kept in step on every save; a plan
    // with subscriptions is never deleted (admin panel, REST, or a product deleted in Stripe).
    plans: { beforeValidate: [omitEmptyPlanDescription], beforeChange: [syncPlanPriceToStripe], beforeDelete: [guardPlanDelete] },
  },
  tasks: commerceTasks,
  seed: seedCommerce,
  machines: [orderMachine],
})

/**
 * @payloadcms/plugin-stripe, always registered so `POST /api/stripe/webhooks` always exists (without
 * STRIPE_SECRET_KEY and STRIPE_WEBHOOKS_SECRET it answers 400 "not configured", as before):
 * - sync (only with STRIPE_SECRET_KEY): each plan is a Stripe product — created in the plugin's beforeValidate hook
 *   (`stripeID`), updated in its beforeChange hook (name, description, active, metadata.plan = slug), deleted with
 *   the plan; a product changed in Stripe (`product.updated`) updates the plan, one deleted in Stripe deletes it
 *   unless it has subscriptions (guardPlanDelete). The recurring price stays ours (syncPlanPriceToStripe, which runs
 *   in beforeChange, after the plugin's beforeValidate hook has created the product).
 * - its clients use this project's API base (STRIPE_API_BASE → host/port/protocol) and sync in tests too;
 * - its webhook route verifies the signature over the raw body (400 otherwise) and awaits `processStripeEvent`: each
 *   event applied once in one transaction; an error answers its 4xx/5xx so Stripe retries, with nothing written.
 */
function stripeIntegration(): Plugin {
  const stripe = env.stripe
  const webhookSecret = stripe?.webhookSecret || undefined
  return stripePlugin({
    stripeSecretKey: stripe?.secretKey ?? '',
    stripeWebhooksEndpointSecret: stripe ? webhookSecret : undefined,
    stripeClientOptions: apiBaseOptions(stripe?.apiBase),
    skipSyncInTestEnv: false,
    isTestKey: stripe?.secretKey.startsWith('sk_test_') ?? true,
    sync: stripe
      ? [
          {
            collection: 'plans',
            stripeResourceType: 'products',
            stripeResourceTypeSingular: 'product',
            fields: [
              { fieldPath: 'name', stripeProperty: 'name' },
              { fieldPath: 'description', stripeProperty: 'description' },
              { fieldPath: 'active', stripeProperty: 'active' },
              // the product's metadata.plan names the plan (a product.updated leaves the slug alone: its
              // `metadata.plan` key is read back as a missing value)
              { fieldPath: 'slug', stripeProperty: 'metadata.plan' },
            ],
          },
        ]
      : [],
    webhooks: async ({ event, req }) => ({ id: event.id, type: event.type, ...(await processStripeEvent(req, event)) }),
  })
}

export const commercePlugin: Plugin = async (config: Config): Promise<Config> =>
  adoptEndpoint('commerce', {
    method: 'post',
    path: '/stripe/webhooks',
    summary: 'Stripe webhook (@payloadcms/plugin-stripe, patched): verified by signature over the raw body, each event applied once.',
    auth: 'public',
  })(await stripeIntegration()(await commerceDomain(config)))
