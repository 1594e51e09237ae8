/** The Stripe webhook and checkout over real HTTP (express in front of Payload): the raw body reaches signature verification byte for byte. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser } from '../../helpers/users'
import { ADDRESS, createPart } from '../../int/commerce/fixtures'

const SECRET = 'whsec_http'
let stripe: StripeStandin
let server: RunningServer

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_http'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  await testPayload()
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
  await stripe?.close()
})

describe('stripe webhook over HTTP', () => {
  it('card checkout, then a signed webhook (pretty-printed JSON) marks the order paid; a bad signature → 400', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 19.99, stockQuantity: 3 })
    expect((await http(server.url, 'POST', '/api/carts/mine/items', { token: buyer.token, body: { part: part.id, quantity: 1 } })).status).toBe(200)
    const checkout = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'card' } })
    expect(checkout.status).toBe(201)
    const { order, payment } = checkout.body

    // Whitespace matters for the signature: send exactly the bytes that were signed.
    const body = JSON.stringify(stripe.succeed(payment.intentId), null, 2)
    const headers = { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(body, SECRET) }
    const bad = await http(server.url, 'POST', '/api/stripe/webhooks', { raw: body, headers: { ...headers, 'Stripe-Signature': stripeSignature(body, 'whsec_other') } })
    expect(bad.status).toBe(400)
    const ok = await http(server.url, 'POST', '/api/stripe/webhooks', { raw: body, headers })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ received: true, duplicate: false })
    const again = await http(server.url, 'POST', '/api/stripe/webhooks', { raw: body, headers })
    expect(again.body.duplicate).toBe(true)

    const read = await http(server.url, 'GET', `/api/orders/${order.id}?depth=0`, { token: buyer.token })
    expect(read.body).toMatchObject({ status: 'paid', paymentStatus: 'paid' })
  })
})
