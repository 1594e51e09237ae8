/**
 * Recurring plans through Stripe Billing: plans as Stripe products (synced by @payloadcms/plugin-stripe) with a
 * recurring price (kept in step on every save of a plan, below), subscriptions with `autoRenew` created as Stripe subscriptions, and what the webhook does with their
 * invoices — `invoice.paid` (first payment, renewal, proration) activates or renews and writes the ledger,
 * `invoice.payment_failed` makes the subscription `past_due` with a grace deadline while Stripe retries,
 * `customer.subscription.deleted` ends it — plus the job that lapses subscriptions still unpaid after the grace
 * period (the plan's limits drop to the free plan's), cancel at period end and plan changes with proration.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Plan, Subscription } from '@payload-types'

import { userFields } from '@/db/identity'
import { lockRow, txOf, withTransaction } from '@/db/transaction'
import { graceDeadline, stripeInterval } from '@/domain/commerce'
import { idOf } from '@/domain/ids'
import { fromMinorUnits, minorUnits } from '@/domain/money'
import { conflict, HttpError, notFound } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { notify } from '@/notifications/notify'

import { markPaymentSucceeded, type PaymentDoc } from './ledger'
import { requireStripe, stripeClient, stripeCurrency, type StripeClient } from './stripe'

const providerError = (err: unknown) => new HttpError(502, `The payment provider failed: ${err instanceof Error ? err.message : String(err)}`)

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw providerError(err)
  }
}

// ---------------------------------------------------------------- plans ↔ Stripe products and prices

type PlanData = Partial<Plan>

/**
 * The recurring Stripe price a plan should carry after this save. The product itself is @payloadcms/plugin-stripe's
 * (`stripeID`: created in its beforeValidate hook, updated in its beforeChange hook — collections/commerce/plugin.ts),
 * so this runs as a beforeChange hook and finds the product id on `data` (just created) or on the stored plan. A
 * price is created when there is none or when the amount, currency or billing period changed (Stripe prices are
 * immutable), and the old one is deactivated. Free plans get no price (an old one is deactivated).
 */
export async function syncPlanPrice(stripe: StripeClient, data: PlanData, original?: PlanData): Promise<{ stripePriceId: string | null }> {
  const slug = String(data.slug ?? original?.slug ?? '')
  const price = Number(data.price ?? original?.price ?? 0)
  const currency = stripeCurrency(data.currency ?? original?.currency ?? 'USD')
  const period = data.billingPeriod ?? original?.billingPeriod ?? 'monthly'
  let priceId = data.stripePriceId ?? original?.stripePriceId ?? null
  const changed = !original || Number(original.price ?? 0) !== price || stripeCurrency(original.currency ?? 'USD') !== currency || (original.billingPeriod ?? 'monthly') !== period
  if (!(price > 0)) {
    if (priceId) await call(() => stripe.prices.update(priceId!, { active: false }))
    return { stripePriceId: null }
  }
  if (priceId && !changed) return { stripePriceId: priceId }
  const productId = data.stripeID || original?.stripeID
  if (!productId) throw new HttpError(502, 'The payment provider failed: the plan has no Stripe product to price.')
  const old = priceId
  const created = await call(() => stripe.prices.create({ product: productId, unit_amount: minorUnits(price), currency, recurring: { interval: stripeInterval(period) }, metadata: { plan: slug } }))
  priceId = created.id
  if (old) await call(() => stripe.prices.update(old, { active: false }))
  return { stripePriceId: priceId }
}

/** The plan's Stripe price, synced now if the plan was saved before Stripe was configured. */
async function priceOf(req: PayloadRequest, plan: Plan): Promise<string> {
  if (plan.stripePriceId) return plan.stripePriceId
  // saving the plan lets the Stripe plugin create its product (the fields it syncs), then syncPlanPriceToStripe prices it
  const updated = await req.payload.update({
    collection: 'plans',
    id: plan.id,
    req,
    depth: 0,
    overrideAccess: true,
    data: { name: plan.name, slug: plan.slug, active: plan.active, ...(plan.description ? { description: plan.description } : {}) },
  })
  if (!updated.stripePriceId) throw conflict('This plan has no Stripe price.')
  return updated.stripePriceId
}

// ---------------------------------------------------------------- subscribing with auto-renewal

const planOf = (s: Subscription) => (typeof s.plan === 'object' ? s.plan : null)

async function customerFor(req: PayloadRequest, stripe: StripeClient, userId: number): Promise<string> {
  const earlier = await req.payload.find({
    collection: 'subscriptions',
    req,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ user: { equals: userId } }, { stripeCustomerId: { exists: true } }] },
  })
  if (earlier.docs[0]?.stripeCustomerId) return earlier.docs[0].stripeCustomerId
  const user = await userFields(req, userId, ['email'])
  const customer = await call(() => stripe.customers.create({ email: user?.email, metadata: { userId: String(userId) } }, { idempotencyKey: `autohub-customer-${userId}` }))
  return customer.id
}

/**
 * Creates the Stripe subscription of a `pending_payment` subscription (inside the caller's transaction) and the
 * ledger entry of its first invoice; returns the ledger entry and the first invoice's client secret.
 */
export async function startStripeSubscription(req: PayloadRequest, sub: Subscription, plan: Plan): Promise<{ payment: PaymentDoc; clientSecret: string | null }> {
  const stripe = await requireStripe()
  const userId = idOf(sub.user) as number
  const price = await priceOf(req, plan)
  const customer = await customerFor(req, stripe, userId)
  const created = await call(() =>
    stripe.subscriptions.create(
      {
        customer,
        items: [{ price }],
        payment_behavior: 'default_incomplete',
        expand: ['latest_invoice.payment_intent'],
        metadata: { subscriptionId: String(sub.id), userId: String(userId) },
      },
      { idempotencyKey: `autohub-subscription-${sub.id}` },
    ),
  )
  const invoice = created.latest_invoice as unknown as { payment_intent?: { id: string; client_secret: string | null } | null } | null
  const intent = invoice?.payment_intent ?? null
  await req.payload.update({ collection: 'subscriptions', id: sub.id, req, depth: 0, overrideAccess: true, data: { stripeSubscriptionId: created.id, stripeCustomerId: customer } })
  const payment = await req.payload.create({
    collection: 'payments',
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      provider: 'stripe',
      amount: plan.price,
      currency: (plan.currency ?? 'USD').toUpperCase(),
      status: 'requires_payment',
      target: { relationTo: 'subscriptions', value: sub.id },
      user: userId,
      description: `${plan.name} plan (${plan.billingPeriod}, renews automatically)`,
      intentId: intent?.id ?? null,
      refundedAmount: 0,
    },
  })
  return { payment, clientSecret: intent?.client_secret ?? null }
}

// ---------------------------------------------------------------- invoice webhooks

export interface InvoiceLike {
  id: string
  subscription?: string | { id: string } | null
  billing_reason?: string | null
  amount_paid?: number
  currency?: string
  payment_intent?: string | { id: string } | null
  attempt_count?: number
  lines?: { data?: { period?: { start: number; end: number } }[] }
  period_end?: number
  subscription_details?: { metadata?: Record<string, string> | null } | null
}

const ref = (v: string | { id: string } | null | undefined) => (v && typeof v === 'object' ? v.id : (v ?? null))

/** The subscription an invoice or Stripe subscription belongs to, row-locked (subscription first, then payments). */
async function lockedSubscription(req: PayloadRequest, stripeSubscriptionId: string | null, metadataId?: string): Promise<Subscription | null> {
  let id = Number(metadataId)
  if (!(Number.isInteger(id) && id > 0) && stripeSubscriptionId) {
    const res = await req.payload.find({ collection: 'subscriptions', req, depth: 0, limit: 1, overrideAccess: true, where: { stripeSubscriptionId: { equals: stripeSubscriptionId } } })
    id = res.docs[0]?.id ?? 0
  }
  if (!id) return null
  await lockRow(await txOf(req), 'subscriptions', id, 'id')
  return req.payload.findByID({ collection: 'subscriptions', id, req, depth: 1, overrideAccess: true, disableErrors: true })
}

const periodEndOf = (invoice: InvoiceLike): Date | null => {
  const end = invoice.lines?.data?.[0]?.period?.end ?? invoice.period_end
  return end ? new Date(end * 1000) : null
}

/**
 * `invoice.paid`: the first invoice activates (`activate`: the subscriptions operation, which also ends the
 * user's previous plan), a renewal extends the period, a proration is recorded.
 */
export async function onInvoicePaid(req: PayloadRequest, invoice: InvoiceLike, activate: (req: PayloadRequest, id: number) => Promise<unknown>): Promise<string> {
  const sub = await lockedSubscription(req, ref(invoice.subscription), invoice.subscription_details?.metadata?.subscriptionId)
  if (!sub) return 'unknown subscription'
  const plan = planOf(sub)
  const intentId = ref(invoice.payment_intent)
  const amount = fromMinorUnits(invoice.amount_paid ?? 0)
  // the ledger: the first invoice's entry exists (requires_payment), a renewal's or proration's is written now
  if (amount > 0) {
    const existing = intentId ? (await req.payload.find({ collection: 'payments', req, depth: 0, limit: 1, overrideAccess: true, where: { intentId: { equals: intentId } } })).docs[0] : undefined
    if (existing) await markPaymentSucceeded(req, existing.id)
    else {
      await req.payload.create({
        collection: 'payments',
        req,
        overrideAccess: true,
        depth: 0,
        data: {
          provider: 'stripe',
          amount,
          currency: (invoice.currency ?? plan?.currency ?? 'USD').toUpperCase(),
          status: 'succeeded',
          target: { relationTo: 'subscriptions', value: sub.id },
          user: idOf(sub.user),
          description: `${plan?.name ?? 'Plan'} ${invoice.billing_reason === 'subscription_update' ? 'plan change (prorated)' : 'renewal'}`,
          intentId,
          paidAt: new Date().toISOString(),
          refundedAmount: 0,
        },
      })
    }
  }
  if (sub.status === 'cancelled' || sub.status === 'expired') return 'subscription ended'
  const endDate = periodEndOf(invoice)
  if (sub.status === 'pending_payment') await activate(req, sub.id)
  await req.payload.update({
    collection: 'subscriptions',
    id: sub.id,
    req,
    depth: 0,
    overrideAccess: true,
    data: { status: 'active', graceUntil: null, failedAttempts: 0, ...(endDate ? { endDate: endDate.toISOString() } : {}) },
  })
  if (invoice.billing_reason === 'subscription_cycle') {
    await notify(req, {
      user: idOf(sub.user) as number,
      type: 'payment',
      title: { en: `Your ${plan?.name ?? ''} plan renewed`.replace('  ', ' '), ar: 'تم تجديد اشتراكك' },
      message: { en: `Paid ${amount.toFixed(2)} ${(invoice.currency ?? 'usd').toUpperCase()}; active until ${endDate?.toISOString().slice(0, 10) ?? ''}.` },
      data: { subscription: sub.id },
      actionUrl: '/account/subscription',
    })
    return 'renewed'
  }
  return 'active'
}

/** `invoice.payment_failed` on a renewal: `past_due` with a grace deadline (kept across Stripe's retries). */
export async function onInvoiceFailed(req: PayloadRequest, invoice: InvoiceLike, now: Date = new Date()): Promise<string> {
  if (invoice.billing_reason === 'subscription_create') return 'first payment failed'
  const sub = await lockedSubscription(req, ref(invoice.subscription), invoice.subscription_details?.metadata?.subscriptionId)
  if (!sub) return 'unknown subscription'
  if (sub.status !== 'active' && sub.status !== 'past_due') return `subscription ${sub.status}`
  const { subscriptionGraceDays } = await getPlatformSettings(req)
  const graceUntil = graceDeadline(sub.graceUntil, now, subscriptionGraceDays)
  await req.payload.update({
    collection: 'subscriptions',
    id: sub.id,
    req,
    depth: 0,
    overrideAccess: true,
    data: { status: 'past_due', graceUntil: graceUntil.toISOString(), failedAttempts: Math.max(sub.failedAttempts ?? 0, invoice.attempt_count ?? 1) },
  })
  await notify(req, {
    user: idOf(sub.user) as number,
    type: 'payment',
    title: { en: 'Your plan renewal failed', ar: 'فشل تجديد اشتراكك' },
    message: { en: `We could not charge your card. We will retry; update your card before ${graceUntil.toISOString().slice(0, 10)} to keep your plan.` },
    data: { subscription: sub.id, attempt: invoice.attempt_count ?? 1 },
    actionUrl: '/account/subscription',
  })
  return 'past_due'
}

/** `customer.subscription.deleted`: Stripe ended it (retries exhausted, or the period ended after cancel at period end). */
export async function onStripeSubscriptionDeleted(req: PayloadRequest, stripeSub: { id: string; metadata?: Record<string, string> | null }): Promise<string> {
  const sub = await lockedSubscription(req, stripeSub.id, stripeSub.metadata?.subscriptionId)
  if (!sub) return 'unknown subscription'
  if (sub.status !== 'active' && sub.status !== 'past_due') return `subscription ${sub.status}`
  await req.payload.update({ collection: 'subscriptions', id: sub.id, req, depth: 0, overrideAccess: true, data: { status: 'expired', autoRenew: false, graceUntil: null } })
  return 'expired'
}

// ---------------------------------------------------------------- the grace period runs out

/**
 * `past_due` subscriptions whose grace deadline passed → `expired`: the Stripe subscription is cancelled (no
 * further retries), the seller told; their plan limits fall back to the free plan's. Each in its own transaction
 * under the row lock, re-checked there (a renewal paid meanwhile keeps the plan).
 */
export async function lapseSubscriptions(payload: Payload, now: Date = new Date()): Promise<number> {
  const due = await payload.find({
    collection: 'subscriptions',
    depth: 0,
    limit: 500,
    overrideAccess: true,
    where: { and: [{ status: { equals: 'past_due' } }, { graceUntil: { less_than_equal: now.toISOString() } }] },
    select: { status: true },
  })
  let n = 0
  for (const { id } of due.docs) {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const done = await withTransaction(req, async (tx) => {
      await lockRow(tx, 'subscriptions', id, 'id')
      const s = await payload.findByID({ collection: 'subscriptions', id, req, depth: 1, overrideAccess: true, disableErrors: true })
      if (!s || s.status !== 'past_due' || !s.graceUntil || new Date(s.graceUntil) > now) return false
      await payload.update({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, data: { status: 'expired', autoRenew: false, endDate: now.toISOString() } })
      const stripe = await stripeClient()
      if (stripe && s.stripeSubscriptionId) {
        try {
          await stripe.subscriptions.cancel(s.stripeSubscriptionId)
        } catch (err) {
          payload.logger.warn({ err, msg: `could not cancel Stripe subscription ${s.stripeSubscriptionId}` })
        }
      }
      await notify(req, {
        user: idOf(s.user) as number,
        type: 'payment',
        title: { en: `Your ${planOf(s)?.name ?? ''} plan has lapsed`.replace('  ', ' ') },
        message: { en: 'The renewal could not be charged within the grace period. Subscribe again to lift the free plan limits.' },
        data: { subscription: id },
        actionUrl: '/account/subscription',
      })
      return true
    })
    if (done) n++
  }
  return n
}

// ---------------------------------------------------------------- cancel at period end, change plan

/** Stripe-billed: the subscription ends at `endDate` instead of renewing (`cancel_at_period_end`). */
export async function cancelAtPeriodEnd(req: PayloadRequest, sub: Subscription): Promise<Subscription> {
  const stripe = await requireStripe()
  await call(() => stripe.subscriptions.update(sub.stripeSubscriptionId!, { cancel_at_period_end: true }))
  return req.payload.update({ collection: 'subscriptions', id: sub.id, req, depth: 0, overrideAccess: true, data: { autoRenew: false, cancelAtPeriodEnd: true } })
}

/**
 * Upgrade or downgrade an active Stripe-billed subscription: the Stripe subscription's item moves to the new
 * plan's price with proration invoiced at once (`always_invoice`; Stripe charges the difference or credits it);
 * the plan, and its limits, change now. The prorated charge reaches the ledger through `invoice.paid`.
 */
export async function changePlan(req: PayloadRequest, userId: number, id: number, planId: number) {
  return withTransaction(req, async (tx) => {
    await lockRow(tx, 'subscriptions', id, 'id')
    const sub = await req.payload.findByID({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, disableErrors: true })
    if (!sub || idOf(sub.user) !== userId) throw notFound('Subscription not found.')
    if (sub.status !== 'active' || !sub.stripeSubscriptionId) throw conflict('Only an active, automatically renewing subscription changes plan; subscribe to the new plan instead.')
    if (idOf(sub.plan) === planId) throw conflict('This is already your plan.')
    const plan = await req.payload.findByID({ collection: 'plans', id: planId, req, depth: 0, overrideAccess: true, disableErrors: true })
    if (!plan || !plan.active) throw notFound('Plan not found.')
    if (!(Number(plan.price) > 0)) throw conflict('To move to a free plan, cancel at period end.')
    const stripe = await requireStripe()
    const price = await priceOf(req, plan)
    const current = await call(() => stripe.subscriptions.retrieve(sub.stripeSubscriptionId!))
    const item = current.items.data[0]
    const updated = await call(() =>
      stripe.subscriptions.update(
        sub.stripeSubscriptionId!,
        { items: [{ id: item.id, price }], proration_behavior: 'always_invoice' },
        { idempotencyKey: `autohub-plan-change-${id}-${planId}-${sub.updatedAt}` },
      ),
    )
    const invoice = updated.latest_invoice as unknown as { proration_amount?: number; amount_due?: number } | string | null
    const proration = invoice && typeof invoice === 'object' ? fromMinorUnits(invoice.proration_amount ?? invoice.amount_due ?? 0) : null
    const subscription = await req.payload.update({ collection: 'subscriptions', id, req, depth: 0, overrideAccess: true, data: { plan: plan.id } })
    return { subscription, proration }
  })
}
