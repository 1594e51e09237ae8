/**
 * Every save of a plan (admin panel, REST, Local API) keeps its recurring Stripe price in step
 * (operations/billing.ts `syncPlanPrice`). The Stripe product is @payloadcms/plugin-stripe's: its beforeValidate hook
 * creates it (`stripeID`) before this beforeChange hook runs. Without Stripe configured, and in seeds, it does nothing.
 */
import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import type { Plan } from '@payload-types'

import { syncPlanPrice } from '@endpoints/commerce/operations/billing'
import { stripeClient } from '@endpoints/commerce/operations/stripe'

export const syncPlanPriceToStripe: CollectionBeforeChangeHook<Plan> = async ({ data, originalDoc, context }) => {
  const stripe = await stripeClient()
  if (!stripe || context?.seed) return data
  return { ...data, ...(await syncPlanPrice(stripe, data, originalDoc)) }
}

/**
 * Before the Stripe plugin's beforeValidate hook creates the product (a new plan, or one saved before without a
 * product): an empty description is left out of the save (Stripe refuses an empty string on create — it reads it as
 * "unset", which a new product's description cannot be; the stored value, if any, stays).
 */
export const omitEmptyPlanDescription: CollectionBeforeValidateHook<Plan> = ({ data, originalDoc }) => {
  if (!data || data.description || data.stripeID || originalDoc?.stripeID) return data
  const { description: _empty, ...rest } = data
  return rest
}
