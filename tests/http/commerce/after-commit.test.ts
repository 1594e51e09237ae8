/**
 * Emails raised inside a request go out only when the request's work stands (src/lib/after-commit.ts), over
 * real HTTP, a real SMTP server on loopback and the Stripe stand-in. Flushing happens before the response is
 * written, so the mailbox can be read as soon as the response arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { startAppSmtp, type TestSmtp } from '../../helpers/smtp'
import { startStripeStandin, type StripeStandin } from '../../helpers/stripe-standin'
import { createUser } from '../../helpers/users'
import { ADDRESS, createPart } from '../../int/commerce/fixtures'

let smtp: TestSmtp
let stripe: StripeStandin
let server: RunningServer

beforeAll(async () => {
  smtp = await startAppSmtp()
  stripe = await startStripeStandin()
  process.env.STRIPE_SECRET_KEY = 'sk_test_after_commit'
  process.env.STRIPE_WEBHOOKS_SECRET = 'whsec_after_commit'
  process.env.STRIPE_API_BASE = stripe.url
  await testPayload()
  server = await startTestServer({ realtime: false })
})

afterAll(async () => {
  await server?.close()
  await smtp?.close()
})

const mailsAbout = (orderNumber: string) => smtp.messages.filter((m) => m.subject.includes(orderNumber))

async function emailStatuses(orderId: number): Promise<string[]> {
  const payload = await testPayload()
  const pool = (payload.db as unknown as { pool: { query: (q: string, v: unknown[]) => Promise<{ rows: { email_status: string }[] }> } }).pool
  const res = await pool.query(`select email_status from notifications where data->>'order' = $1 order by id`, [String(orderId)])
  return res.rows.map((r) => r.email_status)
}

describe('emails after commit', () => {
  it('a committed checkout has mailed the customer and the seller by the time the response arrives', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const buyer = await createUser()
    const part = await createPart(seller.id, { price: 10, stockQuantity: 5 })
    expect((await http(server.url, 'POST', '/api/carts/mine/items', { token: buyer.token, body: { part: part.id, quantity: 1 } })).status).toBe(200)
    const res = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' } })
    expect(res.status).toBe(201)
    const { orderNumber, id } = res.body.order
    const mails = mailsAbout(orderNumber)
    expect(mails.flatMap((m) => m.to).sort()).toEqual([buyer.email, seller.email].sort())
    expect(await emailStatuses(id)).toEqual(['sent', 'sent'])
  })

  it('a checkout undone because the payment could not start (502) mails nobody and records the emails as not sent', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const buyer = await createUser()
    const part = await createPart(seller.id, { price: 10, stockQuantity: 5 })
    expect((await http(server.url, 'POST', '/api/carts/mine/items', { token: buyer.token, body: { part: part.id, quantity: 2 } })).status).toBe(200)
    await stripe.close() // the payment provider is down
    const before = smtp.messages.length
    const res = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'card' } })
    expect(res.status).toBe(502)
    expect(smtp.messages.length).toBe(before)

    const payload = await testPayload()
    const orders = await payload.find({ collection: 'orders' as never, where: { customer: { equals: buyer.id } } as never, overrideAccess: true, depth: 0 })
    expect(orders.docs).toHaveLength(1)
    const order = orders.docs[0] as unknown as { id: number; status: string; orderNumber: string }
    expect(order.status).toBe('cancelled')
    expect(mailsAbout(order.orderNumber)).toEqual([])
    expect(await emailStatuses(order.id)).toEqual(['none', 'none'])
    const stock = (await payload.findByID({ collection: 'parts', id: part.id, overrideAccess: true, depth: 0 })) as unknown as { stockQuantity: number }
    expect(stock.stockQuantity).toBe(5)
  })
})
