/** Subscription endpoints (collection `subscriptions`): subscribe, mine, billing history, cancel. Steps in operations/subscriptions.ts. */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { bool, id, numOr } from '@/http/fields'

import { zPageQuery } from './input'
import { changePlan } from './operations/billing'
import { billingHistory, cancelSubscription, featureListing, mySubscription, subscribe } from './operations/subscriptions'

export const subscribeEndpoint = defineEndpoint({
  method: 'post',
  path: '/',
  summary: 'Subscribe to a plan (free at once; paid through a card payment and the Stripe webhook; autoRenew: a Stripe subscription that renews).',
  auth: 'write',
  body: z.object({ plan: id('plan'), autoRenew: bool('autoRenew', false) }),
  status: 201,
  run: ({ req, user, body }) => subscribe(req, user, body.plan, { autoRenew: body.autoRenew }),
})

export const mySubscriptionEndpoint = defineEndpoint({
  method: 'get',
  path: '/mine',
  summary: "The caller's plan, subscription and listing usage.",
  auth: 'user',
  run: ({ req, user }) => mySubscription(req, Number(user.id)),
})

export const billingHistoryEndpoint = defineEndpoint({
  method: 'get',
  path: '/billing-history',
  summary: "The caller's subscription payments, newest first.",
  auth: 'user',
  query: zPageQuery,
  run: ({ req, user, query }) => billingHistory(req, Number(user.id), query),
})

export const cancelSubscriptionEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/cancel',
  summary: "Cancel the caller's subscription (a Stripe-billed one at the end of its period).",
  auth: 'write',
  run: ({ req, user, id }) => cancelSubscription(req, Number(user.id), id),
})

export const changePlanEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/change-plan',
  summary: 'Upgrade or downgrade an auto-renewing subscription now, with proration invoiced by Stripe.',
  auth: 'write',
  body: z.object({ plan: id('plan') }),
  run: ({ req, user, id, body }) => changePlan(req, Number(user.id), id, body.plan),
})

export const subscriptionEndpoints = [subscribeEndpoint, mySubscriptionEndpoint, billingHistoryEndpoint, cancelSubscriptionEndpoint, changePlanEndpoint]

/** Mounted on `cars` by the commerce plugin: the plan decides how many listings a seller may feature. */
export const featureListingEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/feature',
  summary: "Feature the seller's own active listing for `days` (1–30), within the plan's featuredListings.",
  auth: { roles: ['seller'] },
  body: z.object({ days: numOr('days', 7, { integer: true, min: 1, max: 30 }) }),
  run: ({ req, user, id, body }) => featureListing(req, Number(user.id), id, body.days),
})
