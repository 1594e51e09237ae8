import type { Payload } from 'payload'

import type { Plan } from '@payload-types'

import { demoUserId } from './identity'

/** Seller plans (idempotent by slug). `free` is the plan of sellers without a subscription. */
export const SEED_PLANS = [
  {
    slug: 'free',
    name: 'Free',
    price: 0,
    billingPeriod: 'monthly',
    maxListings: 3,
    featuredListings: 0,
    sortOrder: 0,
    description: 'Start selling: up to 3 active listings.',
    features: ['3 active listings', 'Parts shop access', 'Buyer messaging'],
  },
  {
    slug: 'pro',
    name: 'Pro',
    price: 29.99,
    billingPeriod: 'monthly',
    maxListings: 25,
    featuredListings: 3,
    sortOrder: 1,
    description: 'For active private sellers.',
    features: ['25 active listings', '3 featured listings', 'Listing analytics', 'Priority support'],
  },
  {
    slug: 'dealer',
    name: 'Dealer',
    price: 99,
    billingPeriod: 'monthly',
    maxListings: null,
    featuredListings: 20,
    sortOrder: 2,
    description: 'Unlimited inventory for dealerships.',
    features: ['Unlimited listings', '20 featured listings', 'Dealer profile and store', 'Inventory analytics', 'Dedicated account manager'],
  },
] as const

/** The demo seller's Dealer subscription runs far into the future (deterministic, never expires in a demo). */
const DEMO_END = new Date(Date.UTC(2099, 11, 31))

/** Demo data for the commerce domain: plans, and the demo seller on the Dealer plan. */
export async function seedCommerce(payload: Payload): Promise<void> {
  const ids: Record<string, number> = {}
  for (const p of SEED_PLANS) {
    const existing = await payload.find({ collection: 'plans', where: { slug: { equals: p.slug } }, limit: 1, depth: 0, overrideAccess: true })
    // `skipSync`: seeding never calls Stripe (the Stripe plugin's hooks skip this save; syncPlanPriceToStripe skips on context.seed).
    // A seeded plan gets its product and price on its first save or subscription with Stripe configured.
    const data: Omit<Plan, 'id' | 'createdAt' | 'updatedAt'> = { ...p, currency: 'USD', active: true, skipSync: true, features: p.features.map((feature) => ({ feature })) }
    const doc = existing.docs[0]
      ? await payload.update({ collection: 'plans', id: existing.docs[0].id, data, overrideAccess: true, context: { seed: true } })
      : await payload.create({ collection: 'plans', data, overrideAccess: true, context: { seed: true } })
    ids[p.slug] = Number(doc.id)
  }
  const seller = await demoUserId(payload, 'seller@example.com').catch(() => null)
  if (!seller) return
  const active = await payload.count({
    collection: 'subscriptions',
    where: { and: [{ user: { equals: seller } }, { status: { equals: 'active' } }] },
    overrideAccess: true,
  })
  if (active.totalDocs) return
  const start = new Date(Date.UTC(2025, 5, 1))
  await payload.create({
    collection: 'subscriptions',
    overrideAccess: true,
    context: { seed: true },
    data: {
      user: seller,
      plan: ids.dealer,
      status: 'active',
      startDate: start.toISOString(),
      endDate: DEMO_END.toISOString(),
      autoRenew: true,
    },
  })
}
