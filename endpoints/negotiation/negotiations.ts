/**
 * Collection endpoints of `negotiations` (thin: parse → authorize → service → respond):
 *   POST /api/negotiations                 { car, amount, message? }  → 201 { doc, message }
 *   POST /api/negotiations/:id/counter     { amount, message? }
 *   POST /api/negotiations/:id/accept | /reject | /withdraw
 *   GET  /api/negotiations/stats
 * Responses carry the negotiation at depth 0 (the car as an id: no car fields, so no seller-private data).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { assertValid, json, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'

import { actOnNegotiation, negotiationStats, openNegotiation, type PartyAction } from './operations/negotiations'

const MAX_AMOUNT = 1_000_000_000

function readOffer(body: Record<string, unknown>, withCar: boolean) {
  const input = new Input(body)
  const car = withCar ? input.id('car', { required: true }) : undefined
  const amount = input.number('amount', { required: true, gt: 0, max: MAX_AMOUNT, decimals: 2 })
  const message = input.string('message', { max: 2000 })
  assertValid(input)
  return { car: car as number, amount: amount as number, message }
}

const MESSAGES: Record<PartyAction, string> = {
  counter: 'Counter-offer sent.',
  accept: 'Offer accepted.',
  reject: 'Offer rejected.',
  withdraw: 'Offer withdrawn.',
}

const action =
  (name: PartyAction) =>
  async (req: PayloadRequest): Promise<Response> => {
    requireUser(req, { write: true })
    const id = routeId(req)
    const input = name === 'counter' ? readOffer(await readJson(req), false) : {}
    const doc = await actOnNegotiation(req, id, name, input)
    const message = name !== 'counter' || doc.status === 'open' ? MESSAGES[name] : doc.status === 'accepted' ? 'Offer accepted.' : 'Offer declined.'
    return json({ doc, message })
  }

export const negotiationCollectionEndpoints: Endpoint[] = [
  {
    path: '/stats',
    method: 'get',
    handler: async (req) => json(await negotiationStats(req, requireUser(req))),
  },
  {
    path: '/',
    method: 'post',
    handler: async (req) => {
      const user = requireUser(req, { write: true })
      const offer = readOffer(await readJson(req), true)
      const doc = await openNegotiation(req, user, offer)
      const message = doc.status === 'accepted' ? 'Offer accepted.' : doc.status === 'rejected' ? 'Offer declined.' : 'Offer sent.'
      return json({ doc, message }, 201)
    },
  },
  { path: '/:id/counter', method: 'post', handler: action('counter') },
  { path: '/:id/accept', method: 'post', handler: action('accept') },
  { path: '/:id/reject', method: 'post', handler: action('reject') },
  { path: '/:id/withdraw', method: 'post', handler: action('withdraw') },
]
