/** Plans and subscriptions: the listing quota on cars, subscribing (free at once, paid through Stripe), billing history, expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireSubscriptions } from '../../../endpoints/commerce/operations/subscriptions'
import { api, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser } from '../../helpers/users'
import { makeWithModels } from '../catalog/fixtures'
import { count, setPlatform } from './fixtures'

const SECRET = 'whsec_plans'
let stripe: StripeStandin
let make: number
let model: number
const plans: Record<string, number> = {}

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_plans'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  const payload = await testPayload()
  await setPlatform({ listingModeration: true })
  const m = await makeWithModels('Quota', ['Q1'])
  make = m.make
  model = m.models.Q1
  for (const p of [
    { slug: 'free', name: 'Free', price: 0, maxListings: 2 },
    { slug: 'pro', name: 'Pro', price: 29.99, maxListings: 4 },
    { slug: 'starter', name: 'Starter', price: 0, maxListings: 3 },
  ]) {
    const doc = await payload.create({ collection: 'plans', overrideAccess: true, data: { ...p, billingPeriod: 'monthly', active: true } as never })
    plans[p.slug] = Number(doc.id)
  }
})

afterAll(async () => {
  await stripe?.close()
})

const car = (token: string, n: number, status = 'active') => post('/cars', { title: `Quota car ${n}`, make, model, year: 2020, price: 10_000 + n, status }, { token })

describe('listing quota', () => {
  it('a seller without a subscription is limited by the free plan → 403 naming the limit', async () => {
    const seller = await createUser({ roles: ['seller'] })
    expect((await car(seller.token, 1)).status).toBe(201)
    expect((await car(seller.token, 2)).status).toBe(201)
    const draft = await car(seller.token, 3, 'draft')
    expect(draft.status).toBe(201)
    const third = await car(seller.token, 4)
    expect(third.status).toBe(403)
    expect(third.body.errors[0].message).toMatch(/Free plan allows 2 active or pending listings/)
    expect(await count('cars', { seller: { equals: seller.id } })).toBe(3)
    // activating the draft is refused too
    const activate = await patch(`/cars/${draft.body.doc.id}`, { status: 'active' }, { token: seller.token })
    expect(activate.status).toBe(403)
  })

  it('concurrent submissions cannot slip past the limit', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => car(seller.token, 10 + i)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(2)
    expect(results.filter((r) => r.status === 403)).toHaveLength(3)
  })

  it('a free plan subscription applies at once and raises the limit', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const sub = await post('/subscriptions', { plan: plans.starter }, { token: seller.token })
    expect(sub.status).toBe(201)
    expect(sub.body.subscription).toMatchObject({ status: 'active' })
    expect(sub.body.payment).toBeNull()
    const mine = await get('/subscriptions/mine', { token: seller.token })
    expect(mine.body.plan).toMatchObject({ slug: 'starter', maxListings: 3 })
    for (let i = 0; i < 3; i++) expect((await car(seller.token, 20 + i)).status).toBe(201)
    const over = await car(seller.token, 30)
    expect(over.status).toBe(403)
    expect(over.body.errors[0].message).toMatch(/Starter plan allows 3/)
    expect((await post('/subscriptions', { plan: plans.starter }, { token: seller.token })).status).toBe(409)
  })
})

describe('paid plans', () => {
  it('a paid plan activates when its payment succeeds; billing history lists it; expiry by job', async () => {
    const payload = await testPayload()
    const seller = await createUser({ roles: ['seller'] })
    const res = await post('/subscriptions', { plan: plans.pro }, { token: seller.token })
    expect(res.status).toBe(201)
    expect(res.body.subscription.status).toBe('pending_payment')
    expect(res.body.payment).toMatchObject({ provider: 'stripe', amount: 29.99, status: 'requires_payment' })
    expect(res.body.payment.clientSecret).toBeTruthy()
    expect(stripe.intents.get(res.body.payment.intentId)?.amount).toBe(2999)

    const event = stripe.succeed(res.body.payment.intentId)
    const payloadText = JSON.stringify(event)
    const hook = await api('POST', '/stripe/webhooks', { raw: payloadText, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(payloadText, SECRET) } })
    expect(hook.status).toBe(200)
    const sub = (await payload.findByID({ collection: 'subscriptions', id: res.body.subscription.id, overrideAccess: true, depth: 0 })) as any
    expect(sub.status).toBe('active')
    expect(new Date(sub.endDate).getTime()).toBeGreaterThan(new Date(sub.startDate).getTime())
    for (let i = 0; i < 4; i++) expect((await car(seller.token, 40 + i)).status).toBe(201)
    expect((await car(seller.token, 50)).status).toBe(403)

    const history = await get('/subscriptions/billing-history', { token: seller.token })
    expect(history.status).toBe(200)
    expect(history.body.docs).toHaveLength(1)
    expect(history.body.docs[0]).toMatchObject({ amount: 29.99, status: 'succeeded', subscription: sub.id })
    const stranger = await createUser({ roles: ['seller'] })
    expect((await get('/subscriptions/billing-history', { token: stranger.token })).body.docs).toEqual([])

    const statusNow = async () => ((await payload.findByID({ collection: 'subscriptions', id: sub.id, overrideAccess: true })) as any).status
    await expireSubscriptions(payload, new Date(new Date(sub.endDate).getTime() - 1000))
    expect(await statusNow()).toBe('active')
    expect(await expireSubscriptions(payload, new Date(new Date(sub.endDate).getTime() + 1000))).toBeGreaterThanOrEqual(1)
    expect(((await payload.findByID({ collection: 'subscriptions', id: sub.id, overrideAccess: true })) as any).status).toBe('expired')
    expect((await get('/subscriptions/mine', { token: seller.token })).body.plan.slug).toBe('free')
  })

  it('an unknown or inactive plan → 404; anonymous → 401', async () => {
    const seller = await createUser({ roles: ['seller'] })
    expect((await post('/subscriptions', { plan: 999_999 }, { token: seller.token })).status).toBe(404)
    expect((await post('/subscriptions', { plan: 'x' }, { token: seller.token })).status).toBe(400)
    expect((await post('/subscriptions', { plan: plans.pro })).status).toBe(401)
  })
})
