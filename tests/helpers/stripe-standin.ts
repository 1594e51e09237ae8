/**
 * A tiny local stand-in for the Stripe API (node `http` on loopback) implementing only what AutoHub calls:
 * create/retrieve/cancel PaymentIntent and create Refund, with Stripe-shaped JSON and Idempotency-Key
 * replay. Point the app at it with STRIPE_API_BASE; build webhook events with `event()` and sign them with
 * the stripe library's own `webhooks.generateTestHeaderString`.
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
  const idempotent = new Map<string, { status: number; body: unknown }>()

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
    return error(404, `Unrecognized request URL (${method}: ${path}).`)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://standin')
      const body = req.method === 'GET' ? Object.fromEntries(url.searchParams) : parseForm(text)
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: key })
      const replay = key && req.method === 'POST' ? idempotent.get(`${url.pathname}|${key}`) : undefined
      const out = replay ?? route(req.method ?? 'GET', url.pathname, body)
      if (key && req.method === 'POST' && !replay) idempotent.set(`${url.pathname}|${key}`, out)
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Signs a webhook payload the way Stripe does (the library's own test helper). */
export function stripeSignature(payload: string, secret: string): string {
  const stripe = new Stripe('sk_test_standin')
  return stripe.webhooks.generateTestHeaderString({ payload, secret })
}
