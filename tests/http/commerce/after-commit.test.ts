/**
 * Emails raised inside a request go out only when the request's work stands (src/lib/after-commit.ts), over
 * real HTTP, a real SMTP server on loopback and the Stripe stand-in. They start once the request's work has
 * committed, but the response does not wait for them: a slow SMTP server holds neither locks nor the answer. A
 * refused one is left for the retry job (src/notifications/email-retry.ts).
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

/** A seller's part (price 10, stock 5) and a buyer with `quantity` of it in the cart. */
async function cartOfOnePart(quantity: number) {
  const seller = await createUser({ roles: ['seller'] })
  const buyer = await createUser()
  const part = await createPart(seller.id, { price: 10, stockQuantity: 5 })
  expect((await http(server.url, 'POST', '/api/carts/mine/items', { token: buyer.token, body: { part: part.id, quantity } })).status).toBe(200)
  return { seller, buyer, part }
}

describe('emails after commit', () => {
  it('a committed checkout mails the customer and the seller, and records both emails as sent', async () => {
    const { seller, buyer } = await cartOfOnePart(1)
    const res = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' } })
    expect(res.status).toBe(201)
    const { orderNumber, id } = res.body.order
    await smtp.waitFor((m) => m.subject.includes(orderNumber) && m.to.includes(buyer.email))
    await smtp.waitFor((m) => m.subject.includes(orderNumber) && m.to.includes(seller.email))
    expect(
      mailsAbout(orderNumber)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([buyer.email, seller.email].sort())
    // written under a provisional number and numbered in the commit's write: the mails carry the final one only
    expect(smtp.messages.filter((m) => m.raw.includes('PROVISIONAL'))).toEqual([])
    await expect.poll(() => emailStatuses(id)).toEqual(['sent', 'sent'])
  })

  it('answers while the SMTP server still holds its emails; they go out when it answers', async () => {
    const { seller, buyer } = await cartOfOnePart(1)
    const release = smtp.hold()
    try {
      // the SMTP server answers no message until released: a response that waited for its emails would never come
      const res = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' } })
      expect(res.status).toBe(201)
      const { orderNumber, id } = res.body.order
      expect(mailsAbout(orderNumber)).toEqual([])
      expect(await emailStatuses(id)).toEqual(['sending', 'sending'])
      await expect.poll(() => smtp.held).toBeGreaterThanOrEqual(1)
      release()
      await smtp.waitFor((m) => m.subject.includes(orderNumber) && m.to.includes(buyer.email))
      await smtp.waitFor((m) => m.subject.includes(orderNumber) && m.to.includes(seller.email))
      await expect.poll(() => emailStatuses(id)).toEqual(['sent', 'sent'])
    } finally {
      release()
    }
  })

  it("Payload's own emails too: a password reset answers while the SMTP server holds its email", async () => {
    const user = await createUser()
    const release = smtp.hold()
    try {
      const res = await http(server.url, 'POST', '/api/users/forgot-password', { body: { email: user.email } })
      expect(res.status).toBe(200)
      expect(smtp.messages.filter((m) => m.to.includes(user.email))).toEqual([])
      await expect.poll(() => smtp.held).toBeGreaterThanOrEqual(1)
      release()
      const mail = await smtp.waitFor((m) => m.to.includes(user.email))
      expect(mail.subject).toMatch(/reset/i)
    } finally {
      release()
    }
  })

  it('a mailbox that refuses: the other email goes out, the refused one stays sending until a retry after its backoff sends it', async () => {
    const { seller, buyer } = await cartOfOnePart(1)
    const stop = smtp.refuse((a) => a === buyer.email)
    let orderId: number
    try {
      const res = await http(server.url, 'POST', '/api/orders/checkout', { token: buyer.token, body: { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' } })
      expect(res.status).toBe(201)
      orderId = res.body.order.id
      await smtp.waitFor((m) => m.subject.includes(res.body.order.orderNumber) && m.to.includes(seller.email))
      // the buyer's is tried once, refused, and left for the retry job
      await expect.poll(() => emailStatuses(orderId).then((s) => s.sort())).toEqual(['sending', 'sent'])
    } finally {
      stop()
    }
    const payload = await testPayload()
    const { retryDueEmails } = await import('../../../src/notifications/email-retry')
    const [buyerMail] = (await payload.find({ collection: 'notifications', where: { user: { equals: buyer.id }, emailStatus: { equals: 'sending' } }, overrideAccess: true, depth: 0 }))
      .docs as unknown as { emailAttempts: number; emailNextAttemptAt: string }[]
    expect(buyerMail.emailAttempts).toBe(1)
    await retryDueEmails(payload, new Date(new Date(buyerMail.emailNextAttemptAt).getTime() + 1000))
    expect(await emailStatuses(orderId)).toEqual(['sent', 'sent'])
    expect(smtp.messages.filter((m) => m.to.includes(buyer.email))).toHaveLength(1)
  })

  it('a checkout undone because the payment could not start (502) mails nobody and records the emails as not sent', async () => {
    const { buyer, part } = await cartOfOnePart(2)
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
