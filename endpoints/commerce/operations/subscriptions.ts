/**
 * Seller plans and subscriptions: subscribing (free plans at once, paid plans through a card payment and the
 * Stripe webhook), the plan that limits a seller's listings, billing history from the ledger, expiry.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Subscription } from '@payload-types'

import type { AccessUser } from '@/access/roles'
import { advisoryLock, lockRow, txOf, withTransaction } from '@/db/transaction'
import { countFeaturedListings, countQuotaListings, effectivePlan } from '@/db/commerce'
import { featuredRefusal, periodEnd } from '@/domain/commerce'
import { idOf, sameId } from '@/domain/ids'
import { badRequest, conflict, forbidden, notFound } from '@/lib/http'
import { notify } from '@/notifications/notify'

import { cancelAtPeriodEnd, startStripeSubscription } from './billing'
import { createCardPayment, onPaymentEvent, publicPayment } from './ledger'
import { cardPaymentsEnabled } from './stripe'

export type { PlanDoc, SubscriptionDoc } from '@/db/commerce'

const planOf = (s: Subscription) => (typeof s.plan === 'object' ? s.plan : null)

/**
 * Activates a subscription (idempotent): the user's previous active subscription is cancelled in the same
 * transaction (a partial unique index allows one active subscription per user).
 */
export async function activateSubscription(req: PayloadRequest, id: number, now: Date = new Date()): Promise<Subscription | null> {
  return withTransaction(req, async (tx) => {
    await lockRow(tx, 'subscriptions', id, 'id')
    const sub = await req.payload.findByID({ collection: 'subscriptions', id, req, depth: 1, overrideAccess: true, disableErrors: true })
    if (!sub || sub.status !== 'pending_payment') return sub
    const plan = planOf(sub)
    const userId = idOf(sub.user) as number
    const others = await req.payload.find({
      collection: 'subscriptions',
      req,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { and: [{ user: { equals: userId } }, { status: { in: ['active', 'past_due'] } }, { id: { not_equals: id } }] },
    })
    for (const o of others.docs) {
      await req.payload.update({ collection: 'subscriptions', id: o.id, req, depth: 0, overrideAccess: true, data: { status: 'cancelled', autoRenew: false, endDate: now.toISOString() } })
    }
    const updated = await req.payload.update({
      collection: 'subscriptions',
      id,
      req,
      depth: 1,
      overrideAccess: true,
      data: { status: 'active', startDate: now.toISOString(), endDate: periodEnd(now, plan?.billingPeriod ?? 'monthly').toISOString() },
    })
    await notify(req, {
      user: userId,
      type: 'payment',
      title: { en: `Your ${plan?.name ?? ''} plan is active`.replace('  ', ' '), ar: 'تم تفعيل اشتراكك' },
      message: { en: `Your subscription is active until ${updated.endDate?.slice(0, 10)}.` },
      data: { subscription: id, plan: plan?.id },
      actionUrl: '/account/subscription',
    })
    return updated
  })
}

// Paid plans become active when their card payment succeeds (Stripe webhook).
onPaymentEvent('subscriptions', 'succeeded', async (req, _payment, target) => {
  await activateSubscription(req, target.value)
})

/**
 * Active subscriptions past their end date become `expired` (job). Returns how many. Subscriptions Stripe renews
 * (auto-renewing, not cancelled at period end) are left to their invoices: paid → renewed, failed → past_due and
 * the grace period (operations/billing.ts `lapseSubscriptions`).
 */
export async function expireSubscriptions(payload: Payload, now: Date = new Date()): Promise<number> {
  const req = await createLocalReq({}, payload)
  const due = await payload.find({
    collection: 'subscriptions',
    req,
    depth: 1,
    limit: 500,
    overrideAccess: true,
    where: {
      and: [
        { status: { equals: 'active' } },
        { endDate: { less_than_equal: now.toISOString() } },
        { or: [{ stripeSubscriptionId: { exists: false } }, { autoRenew: { not_equals: true } }, { cancelAtPeriodEnd: { equals: true } }] },
      ],
    },
  })
  let n = 0
  for (const s of due.docs) {
    const r = await createLocalReq({}, payload)
    await withTransaction(r, async () => {
      await payload.update({ collection: 'subscriptions', id: s.id, req: r, depth: 0, overrideAccess: true, data: { status: 'expired' } })
      await notify(r, {
        user: idOf(s.user) as number,
        type: 'payment',
        title: { en: `Your ${planOf(s)?.name ?? ''} plan has expired`.replace('  ', ' ') },
        message: { en: 'Renew your plan to keep listing beyond the free limit.' },
        data: { subscription: s.id },
        actionUrl: '/account/subscription',
      })
    })
    n++
  }
  return n
}

// ---------------------------------------------------------------- operations for the endpoints (endpoints/commerce/subscriptions.ts)

/**
 * Subscribes the caller to a plan. Steps: validate (an active plan, not the current one, card payments on for
 * a paid plan) → write, in one transaction (the `pending_payment` subscription; a free plan is activated at
 * once) → effects (a paid plan's Stripe PaymentIntent, inside the same transaction: a provider failure rolls
 * the subscription back, so there is nothing to compensate; the webhook activates it later).
 */
export async function subscribe(req: PayloadRequest, user: AccessUser, planId: number, opts: { autoRenew?: boolean } = {}) {
  const userId = Number(user.id)
  const plan = await req.payload.findByID({ collection: 'plans', id: planId, req, depth: 0, overrideAccess: true, disableErrors: true })
  if (!plan || !plan.active) throw notFound('Plan not found.')
  const current = await effectivePlan(req, userId)
  if (current.subscription && sameId(planOf(current.subscription)?.id ?? current.subscription.plan, plan.id)) {
    throw conflict(`You already have the ${plan.name} plan.`)
  }
  const paid = Number(plan.price) > 0
  if (paid && !cardPaymentsEnabled()) throw badRequest('Card payments are disabled: Stripe is not configured, so paid plans cannot be bought.', { plan: plan.id })
  return withTransaction(req, async () => {
    const sub = await req.payload.create({
      collection: 'subscriptions',
      req,
      depth: 0,
      overrideAccess: true,
      data: { user: userId, plan: plan.id, status: 'pending_payment', autoRenew: Boolean(opts.autoRenew && paid) },
    })
    if (!paid) return { subscription: await activateSubscription(req, sub.id), payment: null }
    if (opts.autoRenew) {
      // A Stripe Billing subscription: its invoices renew it (webhook `invoice.paid`).
      const first = await startStripeSubscription(req, sub, plan)
      const fresh = await req.payload.findByID({ collection: 'subscriptions', id: sub.id, req, depth: 0, overrideAccess: true })
      return { subscription: fresh, payment: publicPayment(first.payment, first.clientSecret) }
    }
    const card = await createCardPayment(req, {
      target: { relationTo: 'subscriptions', value: sub.id },
      amount: plan.price,
      currency: plan.currency ?? 'USD',
      description: `${plan.name} plan (${plan.billingPeriod})`,
      user: userId,
    })
    return { subscription: sub, payment: publicPayment(card.payment, card.clientSecret) }
  })
}

/** The caller's plan, subscription and listing usage. */
export async function mySubscription(req: PayloadRequest, userId: number) {
  const plan = await effectivePlan(req, userId)
  const used = await countQuotaListings(req, userId)
  return {
    subscription: plan.subscription,
    plan: { name: plan.name, slug: plan.slug, maxListings: plan.maxListings, featuredListings: plan.featuredListings, maxPhotosPerListing: plan.maxPhotosPerListing },
    usage: {
      listings: used,
      remaining: plan.maxListings === null ? null : Math.max(0, plan.maxListings - used),
      featured: await countFeaturedListings(req, userId),
    },
  }
}

/** The caller's subscription payments from the ledger, newest first. */
export async function billingHistory(req: PayloadRequest, userId: number, opts: { page: number; limit: number }) {
  const res = await req.payload.find({
    collection: 'payments',
    req,
    depth: 0,
    overrideAccess: true,
    page: opts.page,
    limit: opts.limit,
    sort: '-createdAt',
    where: { and: [{ user: { equals: userId } }, { targetType: { equals: 'subscriptions' } }] },
  })
  return {
    ...res,
    docs: res.docs.map((p) => ({
      id: p.id,
      description: p.description,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      refundedAmount: p.refundedAmount ?? 0,
      provider: p.provider,
      subscription: idOf(p.target.value),
      paidAt: p.paidAt ?? null,
      createdAt: p.createdAt,
    })),
  }
}

/** Cancels the caller's active or pending subscription: lock → validate (the caller's, cancellable) → write. */
export async function cancelSubscription(req: PayloadRequest, userId: number, id: number) {
  const subscription = await withTransaction(req, async () => {
    await lockRow(await txOf(req), 'subscriptions', id, 'id')
    const s = await req.payload.findByID({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, disableErrors: true })
    if (!s || !sameId(s.user, userId)) throw notFound('Subscription not found.')
    // Stripe-billed and paid up: it stays until the end of the period, then ends instead of renewing.
    if (s.status === 'active' && s.stripeSubscriptionId) {
      if (s.cancelAtPeriodEnd) throw conflict('The subscription already ends at the end of the period.')
      return cancelAtPeriodEnd(req, s)
    }
    if (s.status !== 'active' && s.status !== 'pending_payment' && s.status !== 'past_due') throw conflict(`The subscription is ${s.status}.`)
    return req.payload.update({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, data: { status: 'cancelled', autoRenew: false } })
  })
  return { subscription }
}

/**
 * `POST /api/cars/:id/feature {days}`: a seller features their own active listing for `days` (≤ 30) within the
 * plan's `featuredListings` (featured placements end with the `catalog-expire-featured` job). Steps: lock (per
 * seller, the listing-quota lock) → validate (the caller's, active, not featured yet, the plan allows one more) →
 * write. → 403 beyond the plan, 409 not active or already featured.
 */
export async function featureListing(req: PayloadRequest, userId: number, carId: number, days: number) {
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'listing-quota', userId)
    const car = await req.payload.findByID({
      collection: 'cars',
      id: carId,
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { seller: true, status: true, featured: true, featuredUntil: true },
    })
    if (!car || !sameId(car.seller, userId)) throw notFound('Listing not found.')
    if (car.status !== 'active') throw conflict(`Only an active listing can be featured; this one is ${car.status}.`)
    if (car.featured && (!car.featuredUntil || new Date(car.featuredUntil) > new Date())) throw conflict('This listing is already featured.')
    const plan = await effectivePlan(req, userId)
    const refusal = featuredRefusal(plan.name, plan.featuredListings, await countFeaturedListings(req, userId, carId))
    if (refusal) throw forbidden(refusal)
    const until = new Date(Date.now() + days * 86_400_000)
    const updated = await req.payload.update({ collection: 'cars', id: carId, req, depth: 0, overrideAccess: true, data: { featured: true, featuredUntil: until.toISOString() } })
    return { car: { id: updated.id, featured: updated.featured, featuredUntil: updated.featuredUntil } }
  })
}
