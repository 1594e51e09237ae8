/**
 * A tiny local stand-in for the Stripe API (node `http` on loopback) implementing only what AutoHub calls:
 * create/retrieve/cancel PaymentIntent, create Refund, customers, products (create, retrieve, update, delete) and
 * prices, and Billing subscriptions
 * (create with a first invoice and its PaymentIntent, update: cancel at period end or a new price, cancel), with
 * Stripe-shaped JSON and Idempotency-Key replay. Renewal invoices are produced by `invoicePaid` /
 * `invoiceFailed`, which advance or keep the subscription's period as Stripe would. Point the app at it with STRIPE_API_BASE; build webhook events with `event()` and sign them with
 * the stripe library's own `webhooks.generateTestHeaderString`. `failNext` and `holdNext` make the next matching
 * request fail, or wait until released (a slow Stripe).
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'

import Stripe from 'stripe'

export interface StandinIntent {
  id: string
  object: 'payment_intent'
  amount: number
  currency: string
  status: 'requires_payment_method' | 'succeeded' | 'canceled'
  client_secret: string
  description: string | null
  metadata: Record<string, string>
  latest_charge: string | null
  created: number
  livemode: false
}

export interface StandinRefund {
  id: string
  object: 'refund'
  amount: number
  payment_intent: string
  charge: string | null
  status: 'succeeded'
  metadata: Record<string, string>
  created: number
}

export interface StandinPrice {
  id: string
  object: 'price'
  product: string
  unit_amount: number
  currency: string
  recurring: { interval: 'month' | 'year' } | null
  active: boolean
  metadata: Record<string, string>
}

export interface StandinProduct {
  id: string
  object: 'product'
  name: string
  description: string | null
  active: boolean
  metadata: Record<string, string>
}

export interface StandinSubscription {
  id: string
  object: 'subscription'
  customer: string
  status: 'incomplete' | 'active' | 'past_due' | 'canceled'
  cancel_at_period_end: boolean
  current_period_start: number
  current_period_end: number
  items: { object: 'list'; data: { id: string; object: 'subscription_item'; price: StandinPrice }[] }
  metadata: Record<string, string>
  latest_invoice: Record<string, unknown> | null
}

export interface StandinRequest {
  method: string
  path: string
  body: Record<string, unknown>
  idempotencyKey: string | null
}

export interface StripeStandin {
  url: string
  intents: Map<string, StandinIntent>
  refunds: StandinRefund[]
  requests: StandinRequest[]
  /** Marks an intent paid (as if the customer confirmed it) and returns the `payment_intent.succeeded` event. */
  succeed(intentId: string): Record<string, unknown>
  /** Returns a `payment_intent.payment_failed` event for the intent. */
  fail(intentId: string, message?: string): Record<string, unknown>
  /** Returns a `charge.refunded` event with the intent's charge and its refunded total. */
  refunded(intentId: string): Record<string, unknown>
  /** A Stripe-shaped event object around `object`. */
  event(type: string, object: unknown): Record<string, unknown>
  customers: Map<string, Record<string, unknown>>
  products: Map<string, StandinProduct>
  prices: Map<string, StandinPrice>
  subscriptions: Map<string, StandinSubscription>
  /**
   * `invoice.paid` for a subscription: the first invoice (`subscription_create`, its PaymentIntent paid) or a
   * renewal (`subscription_cycle`: the period moves one interval on).
   */
  invoicePaid(subscriptionId: string, reason?: 'subscription_create' | 'subscription_cycle'): Record<string, unknown>
  /** `invoice.payment_failed` for the renewal of the current period (attempt `attempt`; the subscription is past_due). */
  invoiceFailed(subscriptionId: string, attempt: number): Record<string, unknown>
  /** `customer.subscription.deleted` (Stripe gave up, or the period ended after cancel at period end). */
  subscriptionDeleted(subscriptionId: string): Record<string, unknown>
  /**
   * The next request matching `method` and `path` answers `status` with a Stripe error, once: nothing is changed and no
   * idempotent result is saved (a retry with the same Idempotency-Key runs).
   */
  failNext(method: 'GET' | 'POST' | 'DELETE', path: RegExp, status?: number, message?: string): void
  /**
   * The next request matching `method` and `path` is not answered until `release()`: `arrived` resolves when it has
   * come in (a slow Stripe, seen from the app).
   */
  holdNext(method: 'GET' | 'POST' | 'DELETE', path: RegExp): { arrived: Promise<void>; release(): void }
  close(): Promise<void>
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

/** Stripe's form encoding (`metadata[key]=v`, `a[b]=c`) back into an object. */
function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[')
    let node = out as Record<string, unknown>
    for (let i = 0; i < path.length - 1; i++) node = (node[path[i]] ??= {}) as Record<string, unknown>
    node[path[path.length - 1]] = value
  }
  return out
}

export async function startStripeStandin(): Promise<StripeStandin> {
  const intents = new Map<string, StandinIntent>()
  const charges = new Map<string, { id: string; object: 'charge'; payment_intent: string; amount: number; amount_refunded: number; refunded: boolean; metadata: Record<string, string> }>()
  const refunds: StandinRefund[] = []
  const requests: StandinRequest[] = []
  const customers = new Map<string, Record<string, unknown>>()
  const products = new Map<string, StandinProduct>()
  const prices = new Map<string, StandinPrice>()
  const subscriptions = new Map<string, StandinSubscription>()
  const periodSeconds = (price: StandinPrice) => (price.recurring?.interval === 'year' ? 365 : 30) * 86_400

  function newIntent(amount: number, currency: string, metadata: Record<string, string>, description: string | null): StandinIntent {
    const now = Math.floor(Date.now() / 1000)
    const pi: StandinIntent = {
      id: id('pi'),
      object: 'payment_intent',
      amount,
      currency,
      status: 'requires_payment_method',
      client_secret: '',
      description,
      metadata,
      latest_charge: null,
      created: now,
      livemode: false,
    }
    pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString('hex')}`
    intents.set(pi.id, pi)
    return pi
  }

  function invoiceOf(sub: StandinSubscription, reason: string, amount: number, intent: StandinIntent | null, extra: Record<string, unknown> = {}) {
    return {
      id: id('in'),
      object: 'invoice',
      subscription: sub.id,
      customer: sub.customer,
      billing_reason: reason,
      amount_due: amount,
      amount_paid: 0,
      currency: sub.items.data[0].price.currency,
      payment_intent: intent ? { id: intent.id, client_secret: intent.client_secret } : null,
      period_start: sub.current_period_start,
      period_end: sub.current_period_end,
      lines: { object: 'list', data: [{ period: { start: sub.current_period_start, end: sub.current_period_end }, price: sub.items.data[0].price, amount }] },
      subscription_details: { metadata: sub.metadata },
      ...extra,
    }
  }
  const idempotent = new Map<string, { status: number; body: unknown }>()
  const failures: { method: string; path: RegExp; answer: { status: number; body: unknown } }[] = []

  const error = (status: number, message: string) => ({ status, body: { error: { type: 'invalid_request_error', message } } })

  function route(method: string, path: string, body: Record<string, unknown>): { status: number; body: unknown } {
    const now = Math.floor(Date.now() / 1000)
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(body.amount)
      if (!Number.isInteger(amount) || amount < 1) return error(400, 'Invalid positive integer: amount')
      const pi: StandinIntent = {
        id: id('pi'),
        object: 'payment_intent',
        amount,
        currency: String(body.currency ?? 'usd'),
        status: 'requires_payment_method',
        client_secret: '',
        description: (body.description as string) ?? null,
        metadata: (body.metadata as Record<string, string>) ?? {},
        latest_charge: null,
        created: now,
        livemode: false,
      }
      pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString('hex')}`
      intents.set(pi.id, pi)
      return { status: 200, body: pi }
    }
    let m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)
    if (m && method === 'GET') {
      const pi = intents.get(m[1])
      return pi ? { status: 200, body: pi } : error(404, `No such payment_intent: '${m[1]}'`)
    }
    m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)
    if (m && method === 'POST') {
      const pi = intents.get(m[1])
      if (!pi) return error(404, `No such payment_intent: '${m[1]}'`)
      if (pi.status === 'succeeded') return error(400, 'You cannot cancel this PaymentIntent because it has a status of succeeded.')
      pi.status = 'canceled'
      return { status: 200, body: pi }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const pi = intents.get(String(body.payment_intent))
      if (!pi || pi.status !== 'succeeded' || !pi.latest_charge) return error(400, 'This PaymentIntent does not have a successful charge to refund.')
      const charge = charges.get(pi.latest_charge)!
      const remaining = charge.amount - charge.amount_refunded
      const amount = body.amount !== undefined ? Number(body.amount) : remaining
      if (!(amount > 0) || amount > remaining) return error(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`)
      charge.amount_refunded += amount
      charge.refunded = charge.amount_refunded >= charge.amount
      const refund: StandinRefund = {
        id: id('re'),
        object: 'refund',
        amount,
        payment_intent: pi.id,
        charge: charge.id,
        status: 'succeeded',
        metadata: (body.metadata as Record<string, string>) ?? {},
        created: now,
      }
      refunds.push(refund)
      return { status: 200, body: refund }
    }
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: id('cus'), object: 'customer', email: body.email ?? null, metadata: body.metadata ?? {} }
      customers.set(customer.id, customer)
      return { status: 200, body: customer }
    }
    if (method === 'POST' && path === '/v1/products') {
      if (!body.name) return error(400, 'Missing required param: name.')
      // as Stripe: an empty string is an attempt to unset, which a new product's description cannot be
      if (body.description === '') return error(400, "You passed an empty string for 'description'. We assume empty values are an attempt to unset a parameter; however 'description' cannot be unset.")
      const product: StandinProduct = {
        id: id('prod'),
        object: 'product',
        name: String(body.name),
        description: (body.description as string) ?? null,
        active: body.active !== 'false',
        metadata: (body.metadata as Record<string, string>) ?? {},
      }
      products.set(product.id, product)
      return { status: 200, body: product }
    }
    m = /^\/v1\/products\/([^/]+)$/.exec(path)
    if (m) {
      const product = products.get(m[1])
      if (!product) return error(404, `No such product: '${m[1]}'`)
      if (method === 'DELETE') {
        // as Stripe: a product with prices cannot be deleted (archive it instead)
        if ([...prices.values()].some((p) => p.product === product.id)) return error(400, 'This product cannot be deleted because it has one or more user-created prices.')
        products.delete(product.id)
        return { status: 200, body: { id: product.id, object: 'product', deleted: true } }
      }
      if (method === 'POST') {
        if (body.name !== undefined) product.name = String(body.name)
        if (body.description !== undefined) product.description = String(body.description)
        if (body.active !== undefined) product.active = body.active !== 'false'
        if (body.metadata) product.metadata = { ...product.metadata, ...(body.metadata as Record<string, string>) }
      }
      return { status: 200, body: product }
    }
    if (method === 'POST' && path === '/v1/prices') {
      const amount = Number(body.unit_amount)
      if (!products.has(String(body.product))) return error(400, `No such product: '${body.product}'`)
      if (!Number.isInteger(amount) || amount < 0) return error(400, 'Invalid integer: unit_amount')
      const recurring = body.recurring as { interval?: string } | undefined
      const price: StandinPrice = {
        id: id('price'),
        object: 'price',
        product: String(body.product),
        unit_amount: amount,
        currency: String(body.currency ?? 'usd'),
        recurring: recurring?.interval ? { interval: recurring.interval === 'year' ? 'year' : 'month' } : null,
        active: true,
        metadata: (body.metadata as Record<string, string>) ?? {},
      }
      prices.set(price.id, price)
      return { status: 200, body: price }
    }
    m = /^\/v1\/prices\/([^/]+)$/.exec(path)
    if (m && method === 'POST') {
      const price = prices.get(m[1])
      if (!price) return error(404, `No such price: '${m[1]}'`)
      if (body.active !== undefined) price.active = body.active !== 'false'
      return { status: 200, body: price }
    }
    if (method === 'POST' && path === '/v1/subscriptions') {
      if (!customers.has(String(body.customer))) return error(400, `No such customer: '${body.customer}'`)
      const items = Object.values((body.items as Record<string, { price?: string }>) ?? {})
      const price = prices.get(String(items[0]?.price))
      if (!price || !price.recurring) return error(400, `No such recurring price: '${items[0]?.price}'`)
      const sub: StandinSubscription = {
        id: id('sub'),
        object: 'subscription',
        customer: String(body.customer),
        status: 'incomplete',
        cancel_at_period_end: false,
        current_period_start: now,
        current_period_end: now + periodSeconds(price),
        items: { object: 'list', data: [{ id: id('si'), object: 'subscription_item', price }] },
        metadata: (body.metadata as Record<string, string>) ?? {},
        latest_invoice: null,
      }
      const intent = newIntent(price.unit_amount, price.currency, { subscription: sub.id, ...sub.metadata }, 'Subscription creation')
      sub.latest_invoice = invoiceOf(sub, 'subscription_create', price.unit_amount, intent)
      subscriptions.set(sub.id, sub)
      return { status: 200, body: sub }
    }
    m = /^\/v1\/subscriptions\/([^/]+)$/.exec(path)
    if (m) {
      const sub = subscriptions.get(m[1])
      if (!sub) return error(404, `No such subscription: '${m[1]}'`)
      if (method === 'DELETE') {
        sub.status = 'canceled'
        return { status: 200, body: sub }
      }
      if (method === 'POST') {
        if (sub.status === 'canceled') return error(400, 'A canceled subscription can only update its cancellation_details and metadata.')
        if (body.cancel_at_period_end !== undefined) sub.cancel_at_period_end = body.cancel_at_period_end === 'true'
        const items = Object.values((body.items as Record<string, { id?: string; price?: string }>) ?? {})
        if (items[0]?.price) {
          const price = prices.get(String(items[0].price))
          if (!price || !price.recurring) return error(400, `No such recurring price: '${items[0].price}'`)
          const old = sub.items.data[0].price
          // proration for the rest of the period, invoiced at once (proration_behavior=always_invoice)
          const left = Math.max(0, sub.current_period_end - now) / (sub.current_period_end - sub.current_period_start)
          const proration = Math.round((price.unit_amount - old.unit_amount) * left)
          sub.items.data[0] = { ...sub.items.data[0], price }
          sub.latest_invoice = invoiceOf(sub, 'subscription_update', proration, null, { amount_paid: Math.max(0, proration), proration_amount: proration })
        }
      }
      return { status: 200, body: sub }
    }
    return error(404, `Unrecognized request URL (${method}: ${path}).`)
  }

  const holds: { method: string; path: RegExp; arrive: () => void; released: Promise<void> }[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://standin')
      const held = holds.findIndex((h) => h.method === req.method && h.path.test(url.pathname))
      if (held >= 0) {
        const hold = holds.splice(held, 1)[0]
        hold.arrive()
        await hold.released
      }
      const text = Buffer.concat(chunks).toString('utf8')
      const body = req.method === 'GET' ? Object.fromEntries(url.searchParams) : parseForm(text)
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: key })
      const replay = key && req.method === 'POST' ? idempotent.get(`${url.pathname}|${key}`) : undefined
      const injected = failures.findIndex((f) => f.method === req.method && f.path.test(url.pathname))
      const out = injected >= 0 ? failures.splice(injected, 1)[0].answer : (replay ?? route(req.method ?? 'GET', url.pathname, body))
      // an injected failure happened before execution (as Stripe's validation errors): no idempotent result is saved
      if (key && req.method === 'POST' && !replay && injected < 0) idempotent.set(`${url.pathname}|${key}`, out)
      res.writeHead(out.status, { 'content-type': 'application/json', 'request-id': id('req'), ...(replay ? { 'idempotent-replayed': 'true' } : {}) })
      res.end(JSON.stringify(out.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port

  const event = (type: string, object: unknown) => ({
    id: id('evt'),
    object: 'event',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  })

  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    requests,
    event,
    succeed(intentId) {
      const pi = intents.get(intentId)
      if (!pi) throw new Error(`standin: no intent ${intentId}`)
      const charge = { id: id('ch'), object: 'charge' as const, payment_intent: pi.id, amount: pi.amount, amount_refunded: 0, refunded: false, metadata: pi.metadata }
      charges.set(charge.id, charge)
      pi.status = 'succeeded'
      pi.latest_charge = charge.id
      return event('payment_intent.succeeded', { ...pi })
    },
    fail(intentId, message = 'Your card was declined.') {
      const pi = intents.get(intentId)
      if (!pi) throw new Error(`standin: no intent ${intentId}`)
      return event('payment_intent.payment_failed', { ...pi, last_payment_error: { message, code: 'card_declined' } })
    },
    refunded(intentId) {
      const pi = intents.get(intentId)
      const charge = pi?.latest_charge ? charges.get(pi.latest_charge) : undefined
      if (!pi || !charge) throw new Error(`standin: no charge for ${intentId}`)
      return event('charge.refunded', { ...charge })
    },
    customers,
    products,
    prices,
    subscriptions,
    invoicePaid(subscriptionId, reason = 'subscription_cycle') {
      const sub = subscriptions.get(subscriptionId)
      if (!sub) throw new Error(`standin: no subscription ${subscriptionId}`)
      const price = sub.items.data[0].price
      if (reason === 'subscription_cycle' && sub.status !== 'past_due') {
        sub.current_period_start = sub.current_period_end
        sub.current_period_end = sub.current_period_start + periodSeconds(price)
      }
      let intent: StandinIntent
      const first = sub.latest_invoice?.payment_intent as { id: string } | null | undefined
      if (reason === 'subscription_create' && first) intent = intents.get(first.id)!
      else intent = newIntent(price.unit_amount, price.currency, { subscription: sub.id, ...sub.metadata }, 'Subscription update')
      const charge = { id: id('ch'), object: 'charge' as const, payment_intent: intent.id, amount: intent.amount, amount_refunded: 0, refunded: false, metadata: intent.metadata }
      charges.set(charge.id, charge)
      intent.status = 'succeeded'
      intent.latest_charge = charge.id
      sub.status = 'active'
      const invoice = invoiceOf(sub, reason, price.unit_amount, intent, { amount_paid: price.unit_amount, status: 'paid' })
      sub.latest_invoice = invoice
      return event('invoice.paid', { ...invoice, payment_intent: intent.id })
    },
    invoiceFailed(subscriptionId, attempt) {
      const sub = subscriptions.get(subscriptionId)
      if (!sub) throw new Error(`standin: no subscription ${subscriptionId}`)
      const price = sub.items.data[0].price
      if (sub.status !== 'past_due') {
        sub.current_period_start = sub.current_period_end
        sub.current_period_end = sub.current_period_start + periodSeconds(price)
      }
      sub.status = 'past_due'
      const invoice = invoiceOf(sub, 'subscription_cycle', price.unit_amount, null, {
        status: 'open',
        attempt_count: attempt,
        next_payment_attempt: Math.floor(Date.now() / 1000) + 3 * 86_400,
      })
      return event('invoice.payment_failed', invoice)
    },
    subscriptionDeleted(subscriptionId) {
      const sub = subscriptions.get(subscriptionId)
      if (!sub) throw new Error(`standin: no subscription ${subscriptionId}`)
      sub.status = 'canceled'
      return event('customer.subscription.deleted', { ...sub })
    },
    failNext(method, path, status = 400, message = 'Injected failure.') {
      failures.push({ method, path, answer: error(status, message) })
    },
    holdNext(method, path) {
      let arrive!: () => void
      let release!: () => void
      const arrived = new Promise<void>((resolve) => (arrive = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))
      holds.push({ method, path, arrive, released })
      return { arrived, release }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Signs a webhook payload the way Stripe does (the library's own test helper). */
export function stripeSignature(payload: string, secret: string): string {
  const stripe = new Stripe('sk_test_standin')
  return stripe.webhooks.generateTestHeaderString({ payload, secret })
}
