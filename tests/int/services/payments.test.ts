/**
 * Service bookings paid online through the Stripe stand-in: approved (with a discount) → PaymentIntent of the
 * server's final total → paid by the webhook → completed; cancel → refund through Stripe; a payment arriving
 * after a cancellation refunded in full; an admin refund; a webhook racing a cancellation.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startStripeStandin, stripeSignature, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician } from './fixtures'

const SECRET = 'whsec_test_services'
let stripe: StripeStandin
let payload: Payload
let customer: TestUser
let admin: TestUser
let serviceId: number
let slot = 0

function deliver(event: Record<string, unknown>) {
  const raw = JSON.stringify(event)
  return api('POST', '/stripe/webhooks', { raw, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(raw, SECRET) } })
}

const booking = async (id: number) => (await payload.findByID({ collection: 'service-bookings', id, depth: 0, overrideAccess: true })) as Record<string, any>
const ledger = async (id: number) => (await payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true })) as Record<string, any>
const refundedCents = (intentId: string) => stripe.refunds.filter((r) => r.payment_intent === intentId).reduce((s, r) => s + r.amount, 0)

async function approved(discount?: number): Promise<number> {
  slot++
  const res = await post('/service-bookings', bookingBody(serviceId, cairoTime(4 + Math.floor(slot / 10), 8 + (slot % 10))), { token: customer.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const ok = await post(`/service-bookings/${res.body.doc.id}/approve`, discount !== undefined ? { discount, discountReason: 'Loyal customer' } : {}, { token: admin.token })
  expect(ok.status, JSON.stringify(ok.body)).toBe(200)
  return res.body.doc.id
}

async function intentFor(id: number) {
  const res = await post('/payments/intent', { targetType: 'service-bookings', targetId: id }, { token: customer.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.payment as Record<string, any>
}

async function paid(id: number) {
  const payment = await intentFor(id)
  expect((await deliver(stripe.succeed(payment.intentId))).body.result).toBe('succeeded')
  return payment
}

beforeAll(async () => {
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_services'
  process.env.STRIPE_WEBHOOKS_SECRET = SECRET
  process.env.STRIPE_API_BASE = stripe.url
  payload = await testPayload()
  ;[customer, admin] = await Promise.all([createUser({ roles: ['buyer'] }), createUser({ roles: ['admin'] })])
  serviceId = (await makeService({ basePrice: 450.5 })).id
})

afterAll(async () => {
  await stripe?.close()
})

describe('a service booking paid online', () => {
  it('approved with a discount → intent of the final amount → paid → completed', async () => {
    const res = await post('/service-bookings', bookingBody(serviceId, cairoTime(3, 10)), { token: customer.token })
    const id = res.body.doc.id
    // not payable before approval
    const early = await post('/payments/intent', { targetType: 'service-bookings', targetId: id }, { token: customer.token })
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/approval/)
    expect((await post(`/service-bookings/${id}/approve`, { discount: 50.25, discountReason: 'Promo' }, { token: admin.token })).status).toBe(200)

    const payment = await intentFor(id)
    expect(payment).toMatchObject({ amount: 400.25, status: 'requires_payment' })
    expect(stripe.intents.get(payment.intentId)).toMatchObject({ amount: 40025, metadata: { targetType: 'service-bookings', targetId: String(id) } })
    const event = stripe.succeed(payment.intentId)
    expect((await deliver(event)).body.result).toBe('succeeded')
    expect(await booking(id)).toMatchObject({ status: 'approved', paymentStatus: 'paid' })
    expect((await deliver(event)).body.duplicate).toBe(true)

    const tech = await makeTechnician()
    expect((await post(`/service-bookings/${id}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
    for (const status of ['on_way', 'in_progress', 'completed']) {
      const step = await post(`/service-bookings/${id}/status`, { status }, { token: tech.user.token })
      expect(step.status, JSON.stringify(step.body)).toBe(200)
    }
    expect(await booking(id)).toMatchObject({ status: 'completed', paymentStatus: 'paid' })
    expect(await ledger(payment.id)).toMatchObject({ status: 'succeeded', refundedAmount: 0 })
  })

  it('cancelled after paying → everything paid goes back through Stripe; a status PATCH to cancelled is refused', async () => {
    const id = await approved()
    const payment = await paid(id)
    const refused = await api('PATCH', `/service-bookings/${id}`, { token: admin.token, body: { status: 'cancelled' } })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain('use POST /api/service-bookings/:id/cancel')
    expect(refundedCents(payment.intentId)).toBe(0)

    const res = await post(`/service-bookings/${id}/cancel`, { reason: 'Car sold' }, { token: customer.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.booking).toMatchObject({ status: 'cancelled' })
    expect(refundedCents(payment.intentId)).toBe(45050)
    expect(await ledger(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 450.5 })
    expect((await booking(id)).paymentStatus).toBe('refunded')
  })

  it('a payment arriving after the cancellation is refunded in full automatically', async () => {
    const id = await approved()
    const payment = await intentFor(id)
    const event = stripe.succeed(payment.intentId)
    expect((await post(`/service-bookings/${id}/cancel`, {}, { token: customer.token })).status).toBe(200)
    expect((await ledger(payment.id)).status).toBe('cancelled')
    expect((await deliver(event)).body.result).toBe('succeeded')
    expect(refundedCents(payment.intentId)).toBe(45050)
    expect(await ledger(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 450.5 })
    expect(await booking(id)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' })
  })

  it('an admin refund of part of a service payment', async () => {
    const id = await approved(0.5)
    const payment = await paid(id)
    expect(payment.amount).toBe(450)
    const res = await post(`/payments/${payment.id}/refund`, { amount: 100.1, reason: 'Late arrival' }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ refunded: 100.1, payment: { status: 'partially_refunded', refundedAmount: 100.1 } })
    expect(refundedCents(payment.intentId)).toBe(10010)
    expect(await booking(id)).toMatchObject({ status: 'approved', paymentStatus: 'partially_refunded' })
    // the cancellation refunds what is left, not more
    expect((await post(`/service-bookings/${id}/cancel`, {}, { token: admin.token })).status).toBe(200)
    expect(refundedCents(payment.intentId)).toBe(45000)
    expect(await booking(id)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' })
  })

  it('a payment webhook racing a cancellation: cancelled, and every captured cent refunded once', async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, () => approved()))
    const rounds = await Promise.all(
      ids.map(async (id) => {
        const payment = await intentFor(id)
        const event = stripe.succeed(payment.intentId)
        const [hook, cancel] = await Promise.all([deliver(event), post(`/service-bookings/${id}/cancel`, {}, { token: customer.token })])
        return { id, payment, hook, cancel }
      }),
    )
    for (const { id, payment, hook, cancel } of rounds) {
      expect(hook.status, JSON.stringify(hook.body)).toBe(200)
      expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
      expect(refundedCents(payment.intentId)).toBe(45050)
      expect(await ledger(payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 450.5 })
      expect(await booking(id)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' })
    }
  })
})
