/**
 * Collection endpoints of `negotiations` (thin: parse and authorize with defineEndpoint → operation → respond):
 *   POST /api/negotiations                 { car, amount, message? }  → 201 { doc, message }
 *   POST /api/negotiations/:id/counter     { amount, message? }
 *   POST /api/negotiations/:id/accept | /reject | /withdraw
 *   GET  /api/negotiations/stats
 * Responses carry the negotiation at depth 0 (the car as an id: no car fields, so no seller-private data).
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { num, optStr, ref } from '@/http/fields'
import { actOnNegotiation, negotiationStats, openNegotiation, type PartyAction } from './operations/negotiations'

const MAX_AMOUNT = 1_000_000_000
const offer = {
  amount: num('amount', { gt: 0, max: MAX_AMOUNT, decimals: 2 }),
  message: optStr('message', { max: 2000 }),
}

const MESSAGES: Record<PartyAction, string> = {
  counter: 'Counter-offer sent.',
  accept: 'Offer accepted.',
  reject: 'Offer rejected.',
  withdraw: 'Offer withdrawn.',
}

/** What the caller is told: the action's message, or the outcome when the seller's thresholds closed it at once. */
const outcome = (status: string, open: string) => (status === 'accepted' ? 'Offer accepted.' : status === 'rejected' ? 'Offer declined.' : open)

export const statsEndpoint = defineEndpoint({
  method: 'get',
  path: '/stats',
  summary: "The caller's negotiation counts by status, as buyer and as seller (sellers: pending offers and conversion rate).",
  auth: 'user',
  run: ({ req, user }) => negotiationStats(req, user),
})

export const openEndpoint = defineEndpoint({
  method: 'post',
  path: '/',
  summary: "Make an offer on an active, negotiable car (one open negotiation per buyer and car); the seller's thresholds may decide at once.",
  auth: 'write',
  status: 201,
  body: z.object({ car: ref('car', 'cars', { notFound: true }), ...offer }),
  run: async ({ req, user, body }) => {
    const doc = await openNegotiation(req, user, body)
    return { doc, message: outcome(doc.status, 'Offer sent.') }
  },
})

export const counterEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/counter',
  summary: 'Counter the latest offer (the party whose turn it is): flips the turn and renews the expiry.',
  auth: 'write',
  body: z.object(offer),
  run: async ({ req, id, body }) => {
    const doc = await actOnNegotiation(req, id, 'counter', body)
    return { doc, message: doc.status === 'open' ? MESSAGES.counter : outcome(doc.status, 'Offer declined.') }
  },
})

const partyAction = (action: Exclude<PartyAction, 'counter'>, summary: string) =>
  defineEndpoint({
    method: 'post',
    path: `/:id/${action}`,
    summary,
    auth: 'write',
    run: async ({ req, id }) => ({ doc: await actOnNegotiation(req, id, action), message: MESSAGES[action] }),
  })

export const negotiationCollectionEndpoints = [
  statsEndpoint,
  openEndpoint,
  counterEndpoint,
  partyAction('accept', 'Accept the latest offer (the party whose turn it is): agreedPrice set, the car pending, other offers rejected.'),
  partyAction('reject', 'Reject the latest offer (the party whose turn it is).'),
  partyAction('withdraw', 'Withdraw the offer (the buyer, while open).'),
]
