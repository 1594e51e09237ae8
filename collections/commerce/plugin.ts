/** The commerce domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { orderMachine } from '@/domain/commerce/order-machine'
import { definePlugin } from '@/plugins/domain'
import { commerceTasks } from '@endpoints/commerce/jobs'
import { cartEndpoints } from '@endpoints/commerce/carts'
import { orderEndpoints } from '@endpoints/commerce/orders'
import { adminRefundEndpoint, paymentIntentEndpoint, payoutsEndpoint } from '@endpoints/commerce/payments'
import { featureListingEndpoint, subscriptionEndpoints } from '@endpoints/commerce/subscriptions'
import { stripeWebhookEndpoint } from '@endpoints/commerce/webhooks'
import { mergeGuestCartOnLogin } from '@hooks/commerce/cart-merge'
import { enforceListingQuota, enforcePhotoLimit } from '@hooks/commerce/listing-quota'
import { syncPlanToStripe } from '@hooks/commerce/plan-stripe-sync'
import { seedCommerce } from '@seed/commerce'

import { Carts } from './Carts'
import { Orders } from './Orders'
import { Payments } from './Payments'
import { Plans } from './Plans'
import { Subscriptions } from './Subscriptions'

export const commercePlugin = definePlugin({
  name: 'commerce',
  collections: [Carts, Orders, Payments, Plans, Subscriptions],
  endpoints: [stripeWebhookEndpoint],
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
    // Plans are Stripe products with a recurring price, kept in step on every save.
    plans: { beforeChange: [syncPlanToStripe] },
  },
  tasks: commerceTasks,
  seed: seedCommerce,
  machines: [orderMachine],
})
