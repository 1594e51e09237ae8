/**
 * Card payments through a local Stripe stand-in: PaymentIntents at checkout, signed webhooks processed once,
 * refunds on cancellation, expiry of unpaid orders (job logic with a passed `now`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireUnpaidOrders } from '../../../endpoints/commerce/operations/orders'
import { api, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, count, createPart, setPlatform, stockOf } from './fixtures'

const SECRET = 'whsec_test_autohub'
let stripe: StripeStandin
let seller: TestUser

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_autohub'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  await testPayload()
  seller = await createUser({ roles: ['seller'] })
  await setPlatform({ taxRatePercent: 0, flatShipping: 10, freeShippingThreshold: 200, unpaidOrderTtlMinutes: 30 })
})

afterAll(async () => {
  await stripe?.close()
})

function deliver(event: Record<string, unknown>, opts: { secret?: string; body?: string } = {}) {
  const payload = opts.body ?? JSON.stringify(event)
  const signature = stripeSignature(JSON.stringify(event), opts.secret ?? SECRET)
  return api('POST', '/stripe/webhooks', { raw: payload, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature } })
}

async function cardOrder(price = 50, quantity = 1, stock = 5) {
  const buyer = await createUser({ roles: ['buyer'] })
  const part = await createPart(seller.id, { price, stockQuantity: stock })
  await addToCart(buyer.token, part.id, quantity)
  const res = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'card' }, { token: buyer.token })
  expect(res.status).toBe(201)
  return { buyer, part, order: res.body.order, payment: res.body.payment }
}

const findOrder = async (id: number) => (await testPayload()).findByID({ collection: 'orders', id, depth: 0, overrideAccess: true }) as Promise<Record<string, any>>
const findPayment = async (id: number) => (await testPayload()).findByID({ collection: 'payments' as never, id, depth: 0, overrideAccess: true }) as Promise<Record<string, any>>

describe('card checkout and webhooks', () => {
  it('creates a PaymentIntent for the server-computed total and returns its client secret', async () => {
    const { order, payment } = await cardOrder(50, 2)
    expect(order).toMatchObject({ status: 'pending', paymentMethod: 'card', subtotal: 100, shipping: 10, total: 110 })
    expect(new Date(order.expiresAt).getTime() - new Date(order.createdAt).getTime()).toBeGreaterThanOrEqual(29 * 60_000)
    expect(payment).toMatchObject({ provider: 'stripe', status: 'requires_payment', amount: 110, currency: 'USD' })
    const intent = stripe.intents.get(payment.intentId)!
    expect(intent).toMatchObject({ amount: 11000, currency: 'usd', metadata: { paymentId: String(payment.id), targetType: 'orders', targetId: String(order.id) } })
    expect(payment.clientSecret).toBe(intent.client_secret)
    const create = stripe.requests.find((r) => r.path === '/v1/payment_intents' && r.body.metadata && (r.body.metadata as any).paymentId === String(payment.id))
    expect(create?.idempotencyKey).toBe(`autohub-payment-${payment.id}`)
  })

  it('a signed payment_intent.succeeded marks the order paid; the same event replayed changes nothing', async () => {
    const { buyer, order, payment } = await cardOrder(40)
    const event = stripe.succeed(payment.intentId)

    const first = await deliver(event)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ received: true, duplicate: false, result: 'succeeded' })
    const paid = await findOrder(order.id)
    expect(paid).toMatchObject({ status: 'paid', paymentStatus: 'paid', expiresAt: null })
    const ledger = await findPayment(payment.id)
    expect(ledger).toMatchObject({ status: 'succeeded', chargeId: (stripe.intents.get(payment.intentId) as any).latest_charge })
    const notes = await count('notifications', { user: { equals: buyer.id } })

    const replay = await deliver(event)
    expect(replay.status).toBe(200)
    expect(replay.body.duplicate).toBe(true)
    expect(await findOrder(order.id)).toEqual(paid)
    expect(await findPayment(payment.id)).toEqual(ledger)
    expect(await count('notifications', { user: { equals: buyer.id } })).toBe(notes)
  })

  it('concurrent deliveries of one event are applied exactly once', async () => {
    const { buyer, payment } = await cardOrder(25)
    const event = stripe.succeed(payment.intentId)
    const before = await count('notifications', { user: { equals: buyer.id } })
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(event)))
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200))
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1)
    // one "payment received" notification to the buyer
    expect(await count('notifications', { user: { equals: buyer.id } })).toBe(before + 1)
  })

  it('a badly signed webhook → 400 and nothing changes', async () => {
    const { order, payment } = await cardOrder(30)
    const event = stripe.succeed(payment.intentId)
    const wrongSecret = await deliver(event, { secret: 'whsec_wrong' })
    expect(wrongSecret.status).toBe(400)
    expect(wrongSecret.body.errors[0].message).toMatch(/signature/i)
    const tampered = await deliver(event, { body: JSON.stringify({ ...event, id: 'evt_forged' }) })
    expect(tampered.status).toBe(400)
    const unsigned = await api('POST', '/stripe/webhooks', { raw: JSON.stringify(event), headers: { 'Content-Type': 'application/json' } })
    expect(unsigned.status).toBe(400)
    expect((await findOrder(order.id)).status).toBe('pending')
    expect((await findPayment(payment.id)).status).toBe('requires_payment')
  })

  it('payment_intent.payment_failed marks the ledger failed and keeps the order open', async () => {
    const { order, payment } = await cardOrder(30)
    const res = await deliver(stripe.fail(payment.intentId, 'Your card was declined.'))
    expect(res.status).toBe(200)
    expect(await findPayment(payment.id)).toMatchObject({ status: 'failed', failureMessage: 'Your card was declined.' })
    expect((await findOrder(order.id)).status).toBe('pending')
    // the customer retries the same intent and pays
    await deliver(stripe.succeed(payment.intentId))
    expect((await findOrder(order.id)).status).toBe('paid')
  })
})

describe('cancellation and refunds', () => {
  it('cancelling a paid order refunds through Stripe and returns the stock', async () => {
    const { buyer, part, order, payment } = await cardOrder(60, 2, 5)
    expect(await stockOf(part.id)).toBe(3)
    await deliver(stripe.succeed(payment.intentId))
    const refundsBefore = stripe.refunds.length

    const res = await post(`/orders/${order.id}/cancel`, { reason: 'no longer needed' }, { token: buyer.token })

    expect(res.status).toBe(200)
    expect(res.body.refunded).toBe(130)
    expect(res.body.order).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', stockReturned: true })
    expect(stripe.refunds.length).toBe(refundsBefore + 1)
    expect(stripe.refunds.at(-1)).toMatchObject({ payment_intent: payment.intentId, amount: 13000 })
    expect(await findPayment(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 130 })
    expect(await stockOf(part.id)).toBe(5)

    // Stripe then reports the refund: already recorded, nothing changes.
    const ledger = await findPayment(payment.id)
    const echo = await deliver(stripe.refunded(payment.intentId))
    expect(echo.status).toBe(200)
    expect(echo.body.result).toBe('already recorded')
    expect(await findPayment(payment.id)).toEqual(ledger)
    expect(stripe.refunds.length).toBe(refundsBefore + 1)
  })

  it('a full refund made in the Stripe dashboard moves a paid order to refunded', async () => {
    const { order, payment, part } = await cardOrder(20, 1, 3)
    await deliver(stripe.succeed(payment.intentId))
    // simulate the dashboard refund directly at the stand-in
    await fetch(`${stripe.url}/v1/refunds`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `payment_intent=${payment.intentId}` })
    const res = await deliver(stripe.refunded(payment.intentId))
    expect(res.status).toBe(200)
    expect(await findPayment(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 30 })
    expect(await findOrder(order.id)).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' })
    expect(await stockOf(part.id)).toBe(3)
  })
})

describe('races', () => {
  it('a payment webhook racing a cancellation ends cancelled and refunded either way, never a 500', async () => {
    const { buyer, part, order, payment } = await cardOrder(35, 1, 2)
    const event = stripe.succeed(payment.intentId)
    const [hook, cancel] = await Promise.all([deliver(event), post(`/orders/${order.id}/cancel`, {}, { token: buyer.token })])
    expect(hook.status).toBe(200)
    expect(cancel.status).toBe(200)
    expect(await findOrder(order.id)).toMatchObject({ status: 'cancelled', stockReturned: true, paymentStatus: 'refunded' })
    expect(await findPayment(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 45 })
    expect(stripe.refunds.filter((r) => r.payment_intent === payment.intentId)).toHaveLength(1)
    expect(await stockOf(part.id)).toBe(2)
  })

  it('money that arrives after the order was cancelled is refunded', async () => {
    const { buyer, order, payment } = await cardOrder(35, 1, 2)
    const event = stripe.succeed(payment.intentId) // paid at Stripe, webhook not delivered yet
    const cancel = await post(`/orders/${order.id}/cancel`, {}, { token: buyer.token })
    expect(cancel.status).toBe(200)
    expect(await findPayment(payment.id)).toMatchObject({ status: 'cancelled' })
    const hook = await deliver(event)
    expect(hook.status).toBe(200)
    expect(await findPayment(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 45 })
    expect(stripe.refunds.filter((r) => r.payment_intent === payment.intentId)).toHaveLength(1)
    expect(await findOrder(order.id)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' })
  })
})

describe('unpaid order expiry', () => {
  it('an expired unpaid card order returns its stock and cancels its PaymentIntent; paid ones are untouched', async () => {
    const payload = await testPayload()
    const unpaid = await cardOrder(15, 2, 4)
    const paid = await cardOrder(15, 1, 4)
    await deliver(stripe.succeed(paid.payment.intentId))
    expect(await stockOf(unpaid.part.id)).toBe(2)

    const created = new Date(unpaid.order.createdAt).getTime()
    // (earlier tests' unpaid orders may expire in these runs too: assert on this order)
    await expireUnpaidOrders(payload, new Date(created + 29 * 60_000))
    expect((await findOrder(unpaid.order.id)).status).toBe('pending')
    expect(await stockOf(unpaid.part.id)).toBe(2)

    const expired = await expireUnpaidOrders(payload, new Date(created + 31 * 60_000))
    expect(expired).toBeGreaterThanOrEqual(1)
    expect(await findOrder(unpaid.order.id)).toMatchObject({ status: 'cancelled', stockReturned: true, paymentStatus: 'voided' })
    expect(await stockOf(unpaid.part.id)).toBe(4)
    expect(stripe.intents.get(unpaid.payment.intentId)?.status).toBe('canceled')
    expect(await findPayment(unpaid.payment.id)).toMatchObject({ status: 'cancelled' })
    expect((await findOrder(paid.order.id)).status).toBe('paid')
    expect(await stockOf(paid.part.id)).toBe(3)
    // running it again changes nothing
    expect(await expireUnpaidOrders(payload, new Date(created + 31 * 60_000))).toBe(0)
    expect((await findOrder(unpaid.order.id)).status).toBe('cancelled')
    expect(await stockOf(unpaid.part.id)).toBe(4)
  })

  it('the job runs through the jobs queue', async () => {
    const payload = await testPayload()
    await payload.jobs.queue({ task: 'commerce-expire-unpaid-orders', input: {} } as never)
    const res = await payload.jobs.run()
    expect(Object.values(res.jobStatus ?? {}).every((s: any) => s.status === 'success')).toBe(true)
  })
})

describe('payment intents for own targets', () => {
  it('POST /payments/intent returns the open intent of the caller’s pending card order; others get 404', async () => {
    const { buyer, order, payment } = await cardOrder(22)
    const again = await post('/payments/intent', { targetType: 'orders', targetId: order.id }, { token: buyer.token })
    expect(again.status).toBe(200)
    expect(again.body.payment).toMatchObject({ id: payment.id, intentId: payment.intentId, clientSecret: payment.clientSecret })
    const stranger = await createUser({ roles: ['buyer'] })
    expect((await post('/payments/intent', { targetType: 'orders', targetId: order.id }, { token: stranger.token })).status).toBe(404)
    expect((await post('/payments/intent', { targetType: 'cars', targetId: 1 }, { token: buyer.token })).status).toBe(400)
    await deliver(stripe.succeed(payment.intentId))
    expect((await post('/payments/intent', { targetType: 'orders', targetId: order.id }, { token: buyer.token })).status).toBe(409)
  })

  it('GraphQL exposes orders (row-filtered), payments and plan subscriptions', async () => {
    const { gql } = await import('../../helpers/api')
    const { buyer, order } = await cardOrder(11)
    const res = await gql('{ Orders { docs { id orderNumber status total } } Payments { totalDocs } PlanSubscriptions { totalDocs } }', {}, { token: buyer.token })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Orders.docs).toEqual([{ id: order.id, orderNumber: order.orderNumber, status: 'pending', total: order.total }])
    expect(res.body.data.Payments.totalDocs).toBe(1)
  })
})
