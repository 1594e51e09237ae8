/**
 * @payloadcms/plugin-stripe (patched) against the Stripe stand-in: a plan edited in the admin panel (REST as an admin)
 * reaches Stripe through the plugin (product) and our price hook (price); product changes in Stripe come back through
 * the plugin's webhook route; that route verifies signatures, awaits our handler and answers its status.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, del, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, createPart, rawRows, setPlatform } from './fixtures'

const SECRET = 'whsec_plugin'
let stripe: StripeStandin
let payload: Payload
let admin: TestUser

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_plugin'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
  await setPlatform({ taxRatePercent: 0, flatShipping: 0, freeShippingThreshold: 0, unpaidOrderTtlMinutes: 30 })
})

afterAll(async () => {
  await stripe?.close()
})

function deliver(event: Record<string, unknown>, secret = SECRET) {
  const raw = JSON.stringify(event)
  return api('POST', '/stripe/webhooks', { raw, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(raw, secret) } })
}

const planRow = async (id: number) => (await payload.findByID({ collection: 'plans', id, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, any> | null
const productCalls = () => stripe.requests.filter((r) => r.path.startsWith('/v1/products')).length
const eventRecorded = async (id: string) => (await rawRows(sql`select 1 from commerce_stripe_events where id = ${id}`)).length > 0

describe('plans through plugin-stripe', () => {
  it('a plan created and edited in the admin panel reaches the stand-in: the product renamed, a new price for the new amount', async () => {
    const productsBefore = stripe.products.size
    const created = await post('/plans', { slug: 'plugin-pro', name: 'Plugin Pro', description: 'For pros', price: 19, billingPeriod: 'monthly', active: true }, { token: admin.token })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const row = (await planRow(created.body.doc.id))!
    // the plugin created the product (its stripeID), our hook priced it on that product
    expect(row.stripeID).toMatch(/^prod_/)
    expect(stripe.products.size).toBe(productsBefore + 1)
    expect(stripe.products.get(row.stripeID)).toMatchObject({ name: 'Plugin Pro', description: 'For pros', active: true, metadata: { plan: 'plugin-pro' } })
    expect(stripe.prices.get(row.stripePriceId)).toMatchObject({ product: row.stripeID, unit_amount: 1900, currency: 'usd', recurring: { interval: 'month' }, active: true })
    // the Stripe ids stay private
    const publicRead = await get(`/plans/${row.id}`)
    expect(publicRead.status).toBe(200)
    expect(publicRead.body.stripeID).toBeUndefined()
    expect(publicRead.body.stripePriceId).toBeUndefined()

    // the admin panel saves the whole form (the read-only Stripe fields included)
    const form = (await get(`/plans/${row.id}?depth=0`, { token: admin.token })).body
    expect(form.stripeID).toBe(row.stripeID)
    const edited = await patch(`/plans/${row.id}`, { ...form, name: 'Plugin Pro Plus', price: 24.5 }, { token: admin.token })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    const after = (await planRow(row.id))!
    expect(after.stripeID).toBe(row.stripeID)
    expect(stripe.products.get(row.stripeID)!.name).toBe('Plugin Pro Plus')
    expect(after.stripePriceId).not.toBe(row.stripePriceId)
    expect(stripe.prices.get(after.stripePriceId)).toMatchObject({ product: row.stripeID, unit_amount: 2450, active: true })
    expect(stripe.prices.get(row.stripePriceId)!.active).toBe(false)

    // a partial REST PATCH syncs the same product (upstream created a second one)
    expect((await patch(`/plans/${row.id}`, { active: false }, { token: admin.token })).status).toBe(200)
    expect(stripe.products.size).toBe(productsBefore + 1)
    expect(stripe.products.get(row.stripeID)!.active).toBe(false)
    expect((await planRow(row.id))!.stripePriceId).toBe(after.stripePriceId)
  })

  it('a product that fails to sync leaves the plan unsaved (4xx/5xx, nothing written)', async () => {
    const created = await post('/plans', { slug: 'plugin-fail', name: 'Plugin Fail', price: 5, billingPeriod: 'monthly', active: true }, { token: admin.token })
    const row = (await planRow(created.body.doc.id))!
    stripe.failNext('POST', new RegExp(`^/v1/products/${row.stripeID}$`), 400, 'No such product')
    const res = await patch(`/plans/${row.id}`, { name: 'Renamed' }, { token: admin.token })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect((await planRow(row.id))!.name).toBe('Plugin Fail')
    expect(stripe.products.get(row.stripeID)!.name).toBe('Plugin Fail')
  })

  it('product.updated in Stripe renames the plan without echoing back to Stripe; a bad signature changes nothing', async () => {
    const created = await post('/plans', { slug: 'plugin-echo', name: 'Echo', price: 9, billingPeriod: 'monthly', active: true }, { token: admin.token })
    const row = (await planRow(created.body.doc.id))!
    const product = stripe.products.get(row.stripeID)!
    const event = stripe.event('product.updated', { ...product, name: 'Echo (renamed in Stripe)' })

    const forged = await deliver(event, 'whsec_wrong')
    expect(forged.status).toBe(400)
    expect(forged.body.errors[0].message).toMatch(/signature/i)
    expect((await planRow(row.id))!.name).toBe('Echo')
    expect(await eventRecorded(event.id as string)).toBe(false)

    const calls = productCalls()
    const ok = await deliver(event)
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ received: true, id: event.id, type: 'product.updated', duplicate: false, result: 'ignored' })
    const renamed = (await planRow(row.id))!
    expect(renamed).toMatchObject({ name: 'Echo (renamed in Stripe)', slug: 'plugin-echo', price: 9, active: true, stripeID: row.stripeID, stripePriceId: row.stripePriceId, skipSync: false })
    expect(productCalls()).toBe(calls)
  })

  it('product.deleted in Stripe never deletes a plan with subscribers; one without any is deleted', async () => {
    const withSubscriber = await post('/plans', { slug: 'plugin-free-used', name: 'Free Used', price: 0, billingPeriod: 'monthly', active: true }, { token: admin.token })
    const unused = await post('/plans', { slug: 'plugin-free-unused', name: 'Free Unused', price: 0, billingPeriod: 'monthly', active: true }, { token: admin.token })
    const used = (await planRow(withSubscriber.body.doc.id))!
    const spare = (await planRow(unused.body.doc.id))!
    const seller = await createUser({ roles: ['seller'] })
    const sub = await post('/subscriptions', { plan: used.id }, { token: seller.token })
    expect(sub.status, JSON.stringify(sub.body)).toBe(201)

    const kept = await deliver(stripe.event('product.deleted', { ...stripe.products.get(used.stripeID)!, deleted: true }))
    expect(kept.status).toBe(200)
    expect(await planRow(used.id)).toMatchObject({ id: used.id, stripeID: used.stripeID })

    const gone = await deliver(stripe.event('product.deleted', { ...stripe.products.get(spare.stripeID)!, deleted: true }))
    expect(gone.status).toBe(200)
    expect(await planRow(spare.id)).toBeNull()

    // the admin is refused too
    const refused = await del(`/plans/${used.id}`, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(await planRow(used.id)).not.toBeNull()
  })
})

describe('plans and Stripe products, edge cases', () => {
  it('an empty description is not sent to Stripe on create (Stripe refuses it)', async () => {
    const res = await post('/plans', { slug: 'plugin-blank', name: 'Blank', description: '', price: 3, billingPeriod: 'monthly', active: true }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const row = (await planRow(res.body.doc.id))!
    expect(stripe.products.get(row.stripeID)).toMatchObject({ name: 'Blank', description: null })
  })

  it('a plan that never reached Stripe is deleted without Stripe; one with a Stripe price is refused (409)', async () => {
    const local = await payload.create({
      collection: 'plans',
      overrideAccess: true,
      data: { slug: 'plugin-local', name: 'Local', price: 4, billingPeriod: 'monthly', active: true, skipSync: true },
      context: { seed: true },
    })
    expect(local.stripeID ?? null).toBeNull()
    const calls = productCalls()
    expect((await del(`/plans/${local.id}`, { token: admin.token })).status).toBe(200)
    expect(await planRow(local.id)).toBeNull()
    expect(productCalls()).toBe(calls)

    const priced = await post('/plans', { slug: 'plugin-priced', name: 'Priced', price: 7, billingPeriod: 'monthly', active: true }, { token: admin.token })
    const row = (await planRow(priced.body.doc.id))!
    const refused = await del(`/plans/${row.id}`, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(await planRow(row.id)).not.toBeNull()
    expect(stripe.products.has(row.stripeID)).toBe(true)
  })

  it('a plan saved without Stripe gets its product and price when first subscribed with auto-renewal', async () => {
    const local = await payload.create({
      collection: 'plans',
      overrideAccess: true,
      data: { slug: 'plugin-late', name: 'Late', price: 11, billingPeriod: 'yearly', active: true, skipSync: true },
      context: { seed: true },
    })
    const seller = await createUser({ roles: ['seller'] })
    const res = await post('/subscriptions', { plan: local.id, autoRenew: true }, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const row = (await planRow(local.id))!
    expect(stripe.products.get(row.stripeID)).toMatchObject({ name: 'Late', active: true, metadata: { plan: 'plugin-late' } })
    expect(stripe.prices.get(row.stripePriceId)).toMatchObject({ product: row.stripeID, unit_amount: 1100, recurring: { interval: 'year' } })
  })
})

describe('the plugin webhook route', () => {
  it('a failing handler answers non-2xx (Stripe retries) with nothing written; the retry applies it once', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 30, stockQuantity: 3 })
    await addToCart(buyer.token, part.id, 1)
    const checkout = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'card' }, { token: buyer.token })
    expect(checkout.status).toBe(201)
    const { order, payment } = checkout.body
    const event = stripe.succeed(payment.intentId) // paid at Stripe; the order is cancelled before the webhook arrives
    expect((await post(`/orders/${order.id}/cancel`, {}, { token: buyer.token })).status).toBe(200)
    const ledger = async () => (await payload.findByID({ collection: 'payments', id: payment.id, depth: 0, overrideAccess: true })) as Record<string, any>
    expect(await ledger()).toMatchObject({ status: 'cancelled' })

    // the handler marks the late payment succeeded, then refunds it: the refund fails at Stripe
    stripe.failNext('POST', /^\/v1\/refunds$/, 400, 'Injected refund failure')
    const failed = await deliver(event)
    expect(failed.status).toBe(502)
    expect(failed.body.errors[0].message).toMatch(/Injected refund failure/)
    expect(await ledger()).toMatchObject({ status: 'cancelled', refundedAmount: 0 })
    expect(await eventRecorded(event.id as string)).toBe(false)
    expect(stripe.refunds.filter((r) => r.payment_intent === payment.intentId)).toHaveLength(0)

    const retried = await deliver(event)
    expect(retried.status).toBe(200)
    expect(retried.body).toMatchObject({ received: true, duplicate: false, result: 'succeeded' })
    expect(await ledger()).toMatchObject({ status: 'refunded', refundedAmount: 30 })
    expect(stripe.refunds.filter((r) => r.payment_intent === payment.intentId)).toHaveLength(1)
    expect((await deliver(event)).body).toMatchObject({ duplicate: true })
  })

  it('unsigned → 400, nothing applied', async () => {
    const event = stripe.event('customer.subscription.deleted', { id: 'sub_unsigned', metadata: {} })
    const res = await api('POST', '/stripe/webhooks', { raw: JSON.stringify(event), headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Stripe-Signature/)
    expect(await eventRecorded(event.id as string)).toBe(false)
  })
})
