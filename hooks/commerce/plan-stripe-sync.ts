/**
 * Every save of a plan (admin panel, REST, Local API) keeps its Stripe product and recurring price in step
 * (operations/billing.ts `syncPlanWithStripe`); without Stripe configured it does nothing.
 */
import type { CollectionBeforeChangeHook } from 'payload'

import type { Plan } from '@payload-types'

import { syncPlanWithStripe } from '@endpoints/commerce/operations/billing'
import { stripeClient } from '@endpoints/commerce/operations/stripe'

export const syncPlanToStripe: CollectionBeforeChangeHook<Plan> = async ({ data, originalDoc, context }) => {
  const stripe = stripeClient()
  if (!stripe || context?.seed) return data
  const ids = await syncPlanWithStripe(stripe, data, originalDoc)
  return { ...data, ...ids }
}
