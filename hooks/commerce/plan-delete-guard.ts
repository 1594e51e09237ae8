/**
 * A plan is not deleted while deleting it would lose something (409, deactivate it instead: `active: false`):
 * - subscriptions reference it (any status: they carry its history and billing) — whoever deletes it: the admin
 *   panel, REST, or the Stripe plugin when the product is deleted in Stripe (`product.deleted`: the refusal is logged,
 *   the webhook answers 200 and the plan stays);
 * - it has a Stripe price: Stripe never deletes a product with prices, so the Stripe plugin's afterDelete hook
 *   (which deletes the product) would fail after the fact.
 */
import type { CollectionBeforeDeleteHook } from 'payload'

import { conflict } from '@/lib/http'

export const guardPlanDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'subscriptions', req, overrideAccess: true, where: { plan: { equals: id } } })
  if (totalDocs > 0) throw conflict(`This plan has ${totalDocs} subscription(s); deactivate it instead of deleting it.`, { subscriptions: totalDocs })
  const plan = await req.payload.findByID({ collection: 'plans', id, req, depth: 0, overrideAccess: true, disableErrors: true, select: { stripeID: true, stripePriceId: true } })
  if (plan?.stripeID && plan.stripePriceId) throw conflict('This plan has a Stripe price, and Stripe keeps the products of its prices; deactivate the plan instead of deleting it.')
}
