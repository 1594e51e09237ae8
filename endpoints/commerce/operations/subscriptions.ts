/**
 * Seller plans and subscriptions: subscribing (free plans at once, paid plans through a card payment and the
 * Stripe webhook), the plan that limits a seller's listings, billing history from the ledger, expiry.
 */
import { createLocalReq, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { lockRow, txOf, withTransaction } from '@/db/transaction'
import { periodEnd, QUOTA_STATUSES, type BillingPeriod, type SubscriptionStatus } from '@/domain/commerce'
import { assertValid, badRequest, conflict, json, notFound, readJson, requireUser, routeId, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'
import { notify } from '@/notifications/notify'

import { createCardPayment, idOf, onPaymentEvent, publicPayment } from './ledger'
import { cardPaymentsEnabled } from './stripe'


export interface PlanDoc {
  id: number
  name: string
  slug: string
  price: number
  currency?: string | null
  billingPeriod: BillingPeriod
  maxListings?: number | null
  featuredListings?: number | null
  active?: boolean | null
}

export interface SubscriptionDoc {
  id: number
  user: number | { id: number }
  plan: number | PlanDoc
  status: SubscriptionStatus
  startDate?: string | null
  endDate?: string | null
  autoRenew?: boolean | null
}

/** Listings a seller without a subscription (and without a `free` plan record) may have. */
export const freeListingLimit = (): number => {
  const n = Number(process.env.FREE_PLAN_MAX_LISTINGS)
  return Number.isInteger(n) && n >= 0 && process.env.FREE_PLAN_MAX_LISTINGS !== '' ? n : 3
}

/** The plan limiting `userId` now: the active subscription's, else the `free` plan, else the built-in default. */
export async function effectivePlan(req: PayloadRequest, userId: number): Promise<{ name: string; slug: string; maxListings: number | null; featuredListings: number; subscription: SubscriptionDoc | null }> {
  const subs = await req.payload.find({
    collection: 'subscriptions',
    req,
    depth: 1,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ user: { equals: userId } }, { status: { equals: 'active' } }] },
  })
  const sub = (subs.docs[0] as unknown as SubscriptionDoc) ?? null
  const plan = sub && typeof sub.plan === 'object' ? sub.plan : null
  if (plan) return { name: plan.name, slug: plan.slug, maxListings: plan.maxListings ?? null, featuredListings: plan.featuredListings ?? 0, subscription: sub }
  const free = await req.payload.find({ collection: 'plans', req, depth: 0, limit: 1, overrideAccess: true, where: { slug: { equals: 'free' } } })
  const f = free.docs[0] as unknown as PlanDoc | undefined
  if (f) return { name: f.name, slug: f.slug, maxListings: f.maxListings ?? null, featuredListings: f.featuredListings ?? 0, subscription: null }
  return { name: 'Free', slug: 'free', maxListings: freeListingLimit(), featuredListings: 0, subscription: null }
}

export async function countQuotaListings(req: PayloadRequest, sellerId: number, excludeId?: number | string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'cars',
    req,
    overrideAccess: true,
    where: {
      and: [
        { seller: { equals: sellerId } },
        { status: { in: [...QUOTA_STATUSES] } },
        ...(excludeId !== undefined && excludeId !== null ? [{ id: { not_equals: excludeId } }] : []),
      ],
    },
  })
  return totalDocs
}

const planOf = (s: SubscriptionDoc) => (typeof s.plan === 'object' ? s.plan : null)

/**
 * Activates a subscription (idempotent): the user's previous active subscription is cancelled in the same
 * transaction (a partial unique index allows one active subscription per user).
 */
export async function activateSubscription(req: PayloadRequest, id: number, now: Date = new Date()): Promise<SubscriptionDoc | null> {
  return withTransaction(req, async (tx) => {
    await lockRow(tx, 'subscriptions', id, 'id')
    const sub = (await req.payload.findByID({ collection: 'subscriptions', id, req, depth: 1, overrideAccess: true, disableErrors: true })) as unknown as SubscriptionDoc | null
    if (!sub || sub.status !== 'pending_payment') return sub
    const plan = planOf(sub)
    const userId = idOf(sub.user) as number
    const others = await req.payload.find({
      collection: 'subscriptions',
      req,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { and: [{ user: { equals: userId } }, { status: { equals: 'active' } }, { id: { not_equals: id } }] },
    })
    for (const o of others.docs) {
      await req.payload.update({ collection: 'subscriptions', id: o.id, req, depth: 0, overrideAccess: true, data: { status: 'cancelled', autoRenew: false, endDate: now.toISOString() } as never })
    }
    const updated = (await req.payload.update({
      collection: 'subscriptions',
      id,
      req,
      depth: 1,
      overrideAccess: true,
      data: { status: 'active', startDate: now.toISOString(), endDate: periodEnd(now, plan?.billingPeriod ?? 'monthly').toISOString() } as never,
    })) as unknown as SubscriptionDoc
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

/** Active subscriptions past their end date become `expired` (job). Returns how many. */
export async function expireSubscriptions(payload: Payload, now: Date = new Date()): Promise<number> {
  const req = await createLocalReq({}, payload)
  const due = await payload.find({
    collection: 'subscriptions',
    req,
    depth: 1,
    limit: 500,
    overrideAccess: true,
    where: { and: [{ status: { equals: 'active' } }, { endDate: { less_than_equal: now.toISOString() } }] },
  })
  let n = 0
  for (const s of due.docs as unknown as SubscriptionDoc[]) {
    const r = await createLocalReq({}, payload)
    await withTransaction(r, async () => {
      await payload.update({ collection: 'subscriptions', id: s.id, req: r, depth: 0, overrideAccess: true, data: { status: 'expired' } as never })
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

// ---------------------------------------------------------------- endpoints (collection `subscriptions`)

export const subscribeEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const userId = Number(user.id)
    const input = new Input(await readJson(req))
    const planId = input.id('plan')
    assertValid(input)
    const plan = (await req.payload.findByID({ collection: 'plans', id: planId!, req, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as PlanDoc | null
    if (!plan || !plan.active) throw notFound('Plan not found.')
    const current = await effectivePlan(req, userId)
    if (current.subscription && idOf(planOf(current.subscription)?.id ?? current.subscription.plan) === plan.id) {
      throw conflict(`You already have the ${plan.name} plan.`)
    }
    const paid = Number(plan.price) > 0
    if (paid && !cardPaymentsEnabled()) throw badRequest('Card payments are disabled: Stripe is not configured, so paid plans cannot be bought.', { plan: plan.id })
    // One transaction: a provider failure leaves no half-made subscription behind.
    const result = await withTransaction(req, async () => {
      const sub = (await req.payload.create({
        collection: 'subscriptions',
        req,
        depth: 0,
        overrideAccess: true,
        data: { user: userId, plan: plan.id, status: 'pending_payment', autoRenew: false } as never,
      })) as unknown as SubscriptionDoc
      if (!paid) return { subscription: await activateSubscription(req, sub.id), payment: null }
      const card = await createCardPayment(req, {
        target: { relationTo: 'subscriptions', value: sub.id },
        amount: plan.price,
        currency: plan.currency ?? 'USD',
        description: `${plan.name} plan (${plan.billingPeriod})`,
        user: userId,
      })
      return { subscription: sub, payment: publicPayment(card.payment, card.clientSecret) }
    })
    return json(result, 201)
  },
}

export const mySubscriptionEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req)
    const plan = await effectivePlan(req, Number(user.id))
    const used = await countQuotaListings(req, Number(user.id))
    return json({
      subscription: plan.subscription,
      plan: { name: plan.name, slug: plan.slug, maxListings: plan.maxListings, featuredListings: plan.featuredListings },
      usage: { listings: used, remaining: plan.maxListings === null ? null : Math.max(0, plan.maxListings - used) },
    })
  },
}

export const billingHistoryEndpoint: Endpoint = {
  path: '/billing-history',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req)
    const input = new Input(Object.fromEntries(searchParams(req).entries()))
    const page = input.number('page', { integer: true, min: 1, default: 1 })
    const limit = input.number('limit', { integer: true, min: 1, max: 100, default: 20 })
    assertValid(input)
    const res = await req.payload.find({
      collection: 'payments',
      req,
      depth: 0,
      overrideAccess: true,
      page,
      limit,
      sort: '-createdAt',
      where: { and: [{ user: { equals: user.id } }, { targetType: { equals: 'subscriptions' } }] },
    })
    return json({
      ...res,
      docs: res.docs.map((p) => ({
        id: p.id,
        description: p.description,
        amount: p.amount,
        currency: p.currency,
        status: p.status,
        refundedAmount: p.refundedAmount ?? 0,
        provider: p.provider,
        subscription: idOf((p.target as { value: unknown }).value),
        paidAt: p.paidAt ?? null,
        createdAt: p.createdAt,
      })),
    })
  },
}

export const cancelSubscriptionEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const id = routeId(req)
    const sub = await withTransaction(req, async () => {
      await lockRow(await txOf(req), 'subscriptions', id, 'id')
      const s = (await req.payload.findByID({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as SubscriptionDoc | null
      if (!s || idOf(s.user) !== Number(user.id)) throw notFound('Subscription not found.')
      if (s.status !== 'active' && s.status !== 'pending_payment') throw conflict(`The subscription is ${s.status}.`)
      return req.payload.update({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, data: { status: 'cancelled', autoRenew: false } as never })
    })
    return json({ subscription: sub })
  },
}

export const subscriptionEndpoints: Endpoint[] = [subscribeEndpoint, mySubscriptionEndpoint, billingHistoryEndpoint, cancelSubscriptionEndpoint]
