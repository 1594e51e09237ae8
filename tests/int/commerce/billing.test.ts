/**
 * Recurring plans through Stripe Billing (the stand-in): plans saved by an admin become Stripe products and
 * prices; an auto-renewing subscription activates on its first invoice, renews on the next, survives failed
 * renewals during the grace period and lapses after it (the listing quota drops to the free plan's); cancel at
 * period end; upgrade with proration.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lapseSubscriptions } from '../../../endpoints/commerce/operations/billing'
import { expireSubscriptions } from '../../../endpoints/commerce/operations/subscriptions'
import { api, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { makeWithModels } from '../catalog/fixtures'
import { pngBuffer } from '../../helpers/images'
import { setPlatform } from './fixtures'

const SECRET = 'whsec_billing'
const DAY = 86_400_000
let stripe: StripeStandin
let payload: Payload
let admin: TestUser
let make: number
let model: number
const plans: Record<string, { id: number; stripePriceId: string }> = {}

function deliver(event: Record<string, unknown>) {
  const raw = JSON.stringify(event)
  return api('POST', '/stripe/webhooks', { raw, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(raw, SECRET) } })
}

const sub = async (id: number) => (await payload.findByID({ collection: 'subscriptions', id, depth: 0, overrideAccess: true })) as Record<string, any>
const planRow = async (id: number) => (await payload.findByID({ collection: 'plans', id, depth: 0, overrideAccess: true })) as Record<string, any>
const car = (token: string, n: number) => post('/cars', { title: `Billing car ${n}`, make, model, year: 2021, price: 12_000 + n, status: 'active' }, { token })

async function subscribed(plan = 'pro'): Promise<{ seller: TestUser; id: number; stripeId: string }> {
  const seller = await createUser({ roles: ['seller'] })
  const res = await post('/subscriptions', { plan: plans[plan].id, autoRenew: true }, { token: seller.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const row = await sub(res.body.subscription.id)
  const paid = await deliver(stripe.invoicePaid(row.stripeSubscriptionId, 'subscription_create'))
  expect(paid.body.result).toBe('active')
  return { seller, id: row.id, stripeId: row.stripeSubscriptionId }
}

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_billing'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
  await setPlatform({ listingModeration: false, subscriptionGraceDays: 7 })
  const m = await makeWithModels('Billing', ['B1'])
  make = m.make
  model = m.models.B1
  const existingFree = await payload.find({ collection: 'plans', where: { slug: { equals: 'free' } }, overrideAccess: true, limit: 1 })
  if (existingFree.docs[0]) await payload.update({ collection: 'plans', id: existingFree.docs[0].id, data: { maxListings: 2 }, overrideAccess: true })
  else await payload.create({ collection: 'plans', data: { slug: 'free', name: 'Free', price: 0, maxListings: 2, billingPeriod: 'monthly', active: true }, overrideAccess: true })
  for (const p of [
    { slug: 'billing-pro', key: 'pro', name: 'Pro', price: 29.99, maxListings: 4 },
    { slug: 'billing-max', key: 'max', name: 'Max', price: 59.99, maxListings: 10 },
  ]) {
    const res = await post('/plans', { slug: p.slug, name: p.name, price: p.price, maxListings: p.maxListings, billingPeriod: 'monthly', active: true }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const row = await planRow(res.body.doc.id)
    plans[p.key] = { id: row.id, stripePriceId: row.stripePriceId }
  }
})

afterAll(async () => {
  await stripe?.close()
})

describe('plans as Stripe products and prices', () => {
  it('a plan saved by an admin reaches Stripe: product created and renamed, a new price when the price changes', async () => {
    const res = await post('/plans', { slug: 'billing-sync', name: 'Sync', price: 9.5, billingPeriod: 'yearly', active: true }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const row = await planRow(res.body.doc.id)
    const product = stripe.products.get(row.stripeID)!
    expect(product).toMatchObject({ name: 'Sync', active: true, metadata: { plan: 'billing-sync' } })
    expect(stripe.prices.get(row.stripePriceId)).toMatchObject({ product: product.id, unit_amount: 950, currency: 'usd', recurring: { interval: 'year' }, active: true })
    // the Stripe ids are not public
    expect((await get(`/plans/${row.id}`)).body.stripePriceId).toBeUndefined()

    expect((await patch(`/plans/${row.id}`, { name: 'Sync Plus' }, { token: admin.token })).status).toBe(200)
    expect(stripe.products.get(row.stripeID)!.name).toBe('Sync Plus')
    expect((await planRow(row.id)).stripePriceId).toBe(row.stripePriceId)

    expect((await patch(`/plans/${row.id}`, { price: 12.25 }, { token: admin.token })).status).toBe(200)
    const after = await planRow(row.id)
    expect(after.stripePriceId).not.toBe(row.stripePriceId)
    expect(stripe.prices.get(after.stripePriceId)).toMatchObject({ unit_amount: 1225, active: true })
    expect(stripe.prices.get(row.stripePriceId)!.active).toBe(false)
  })
})

describe('auto-renewing subscriptions', () => {
  it('subscribe → first invoice paid → active; the next invoice renews it; the ledger has both payments', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const res = await post('/subscriptions', { plan: plans.pro.id, autoRenew: true }, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.subscription).toMatchObject({ status: 'pending_payment', autoRenew: true })
    const row = await sub(res.body.subscription.id)
    const remote = stripe.subscriptions.get(row.stripeSubscriptionId)!
    expect(remote.items.data[0].price.id).toBe(plans.pro.stripePriceId)
    expect(remote.metadata).toMatchObject({ subscriptionId: String(row.id) })
    expect(res.body.payment).toMatchObject({ amount: 29.99, status: 'requires_payment' })
    expect(res.body.payment.clientSecret).toBe((remote.latest_invoice as any).payment_intent.client_secret)

    const first = stripe.invoicePaid(row.stripeSubscriptionId, 'subscription_create')
    expect((await deliver(first)).body.result).toBe('active')
    const active = await sub(row.id)
    expect(active.status).toBe('active')
    expect(new Date(active.endDate).getTime()).toBe(remote.current_period_end * 1000)
    expect((await get('/subscriptions/mine', { token: seller.token })).body.plan.maxListings).toBe(4)

    // the period ends: the expiry job leaves a subscription Stripe renews alone
    expect(await expireSubscriptions(payload, new Date(new Date(active.endDate).getTime() + 60_000))).toBe(0)
    const renewal = stripe.invoicePaid(row.stripeSubscriptionId, 'subscription_cycle')
    expect((await deliver(renewal)).body.result).toBe('renewed')
    expect((await deliver(renewal)).body.duplicate).toBe(true)
    const renewed = await sub(row.id)
    expect(renewed.status).toBe('active')
    expect(new Date(renewed.endDate).getTime() - new Date(active.endDate).getTime()).toBe(30 * DAY)
    const history = await get('/subscriptions/billing-history', { token: seller.token })
    expect(history.body.docs.map((p: any) => [p.amount, p.status])).toEqual([
      [29.99, 'succeeded'],
      [29.99, 'succeeded'],
    ])
  })

  it('a failed renewal: past_due with a grace period while Stripe retries, then it lapses and the listing quota drops', async () => {
    const { seller, id, stripeId } = await subscribed('pro')
    for (let i = 1; i <= 4; i++) expect((await car(seller.token, i)).status).toBe(201)
    expect((await car(seller.token, 5)).status).toBe(403)

    const before = Date.now()
    expect((await deliver(stripe.invoiceFailed(stripeId, 1))).body.result).toBe('past_due')
    const pastDue = await sub(id)
    expect(pastDue).toMatchObject({ status: 'past_due', failedAttempts: 1 })
    const grace = new Date(pastDue.graceUntil).getTime()
    expect(grace).toBeGreaterThanOrEqual(before + 7 * DAY)
    expect(grace).toBeLessThanOrEqual(Date.now() + 7 * DAY)
    // a retry fails again: the deadline does not move; the plan still holds during the grace period
    expect((await deliver(stripe.invoiceFailed(stripeId, 2))).body.result).toBe('past_due')
    expect(await sub(id)).toMatchObject({ status: 'past_due', failedAttempts: 2, graceUntil: pastDue.graceUntil })
    expect((await get('/subscriptions/mine', { token: seller.token })).body.plan.maxListings).toBe(4)

    expect(await lapseSubscriptions(payload, new Date(grace - 60_000))).toBe(0)
    expect((await sub(id)).status).toBe('past_due')
    expect(await lapseSubscriptions(payload, new Date(grace + 60_000))).toBe(1)
    expect(await sub(id)).toMatchObject({ status: 'expired', autoRenew: false })
    expect(stripe.subscriptions.get(stripeId)!.status).toBe('canceled')
    const mine = await get('/subscriptions/mine', { token: seller.token })
    expect(mine.body.plan).toMatchObject({ slug: 'free', maxListings: 2 })
    expect(mine.body.usage).toMatchObject({ listings: 4, remaining: 0 })
    const refused = await car(seller.token, 6)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/Free plan allows 2/)
  })

  it('a retry that succeeds within the grace period keeps the plan', async () => {
    const { id, stripeId } = await subscribed('pro')
    await deliver(stripe.invoiceFailed(stripeId, 1))
    expect((await sub(id)).status).toBe('past_due')
    expect((await deliver(stripe.invoicePaid(stripeId, 'subscription_cycle'))).body.result).toBe('renewed')
    expect(await sub(id)).toMatchObject({ status: 'active', graceUntil: null, failedAttempts: 0 })
    expect(await lapseSubscriptions(payload, new Date(Date.now() + 30 * DAY))).toBe(0)
  })

  it('cancel at period end: active until the end, Stripe told, then expired by the job', async () => {
    const { seller, id, stripeId } = await subscribed('pro')
    const res = await post(`/subscriptions/${id}/cancel`, {}, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.subscription).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, autoRenew: false })
    expect(stripe.subscriptions.get(stripeId)!.cancel_at_period_end).toBe(true)
    expect((await post(`/subscriptions/${id}/cancel`, {}, { token: seller.token })).status).toBe(409)
    const end = new Date((await sub(id)).endDate).getTime()
    expect(await expireSubscriptions(payload, new Date(end - 60_000))).toBe(0)
    expect(await expireSubscriptions(payload, new Date(end + 60_000))).toBeGreaterThanOrEqual(1)
    expect((await sub(id)).status).toBe('expired')
  })

  it('upgrade now with proration: the Stripe item moves to the new price and the new limits apply', async () => {
    const { seller, id, stripeId } = await subscribed('pro')
    const res = await post(`/subscriptions/${id}/change-plan`, { plan: plans.max.id }, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(stripe.subscriptions.get(stripeId)!.items.data[0].price.id).toBe(plans.max.stripePriceId)
    // nearly the whole period is left: close to the full difference (59.99 − 29.99), never more
    expect(res.body.proration).toBeGreaterThan(29.9)
    expect(res.body.proration).toBeLessThanOrEqual(30)
    expect((await get('/subscriptions/mine', { token: seller.token })).body.plan.maxListings).toBe(10)
    const other = await createUser({ roles: ['seller'] })
    expect((await post(`/subscriptions/${id}/change-plan`, { plan: plans.pro.id }, { token: other.token })).status).toBe(404)
  })
})

describe('every plan limit', () => {
  it('featured listings and photos per listing follow the plan; the free plan features none', async () => {
    const res = await post(
      '/plans',
      { slug: 'billing-feature', name: 'Feature', price: 15, maxListings: 5, featuredListings: 1, maxPhotosPerListing: 2, billingPeriod: 'monthly', active: true },
      { token: admin.token },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    plans.feature = { id: res.body.doc.id, stripePriceId: (await planRow(res.body.doc.id)).stripePriceId }
    const png = await pngBuffer(40, 30)
    const photos: number[] = []
    for (let i = 0; i < 3; i++) {
      const m = await payload.create({ collection: 'media', overrideAccess: true, data: { alt: `Limit ${i}` }, file: { data: png, mimetype: 'image/png', name: `limit-${i}.png`, size: png.length } })
      photos.push(m.id)
    }

    // on the free plan: no featured listing
    const free = await createUser({ roles: ['seller'] })
    const freeCar = await car(free.token, 100)
    expect(freeCar.status).toBe(201)
    const refusedFree = await post(`/cars/${freeCar.body.doc.id}/feature`, { days: 7 }, { token: free.token })
    expect(refusedFree.status).toBe(403)
    expect(refusedFree.body.errors[0].message).toMatch(/Free plan includes no featured listings/)

    const { seller } = await subscribed('feature')
    const a = (await car(seller.token, 101)).body.doc.id
    const b = (await car(seller.token, 102)).body.doc.id
    const ok = await post(`/cars/${a}/feature`, { days: 10 }, { token: seller.token })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.car.featured).toBe(true)
    expect((await post(`/cars/${a}/feature`, {}, { token: seller.token })).status).toBe(409)
    const second = await post(`/cars/${b}/feature`, {}, { token: seller.token })
    expect(second.status).toBe(403)
    expect(second.body.errors[0].message).toMatch(/allows 1 featured listing at once; you have 1/)
    expect((await payload.findByID({ collection: 'cars', id: b, overrideAccess: true })).featured).toBe(false)
    expect((await post(`/cars/${a}/feature`, {}, { token: free.token })).status).toBe(404)
    expect((await post(`/cars/${a}/feature`, { days: 31 }, { token: seller.token })).status).toBe(400)

    // photos: two fit, a third is refused and nothing is written
    expect((await patch(`/cars/${b}`, { images: photos.slice(0, 2) }, { token: seller.token })).status).toBe(200)
    const tooMany = await patch(`/cars/${b}`, { images: photos }, { token: seller.token })
    expect(tooMany.status).toBe(403)
    expect(tooMany.body.errors[0].message).toMatch(/allows 2 photos per listing/)
    const stored = await payload.findByID({ collection: 'cars', id: b, depth: 0, overrideAccess: true })
    expect(stored.images).toEqual(photos.slice(0, 2))
    const mine = await get('/subscriptions/mine', { token: seller.token })
    expect(mine.body.plan).toMatchObject({ featuredListings: 1, maxPhotosPerListing: 2 })
    expect(mine.body.usage.featured).toBe(1)
  })
})
