/**
 * The negotiation (offer / counter-offer on a car) state machine and its pure rules. No Payload import.
 *
 * A negotiation is `open` while the parties trade offers; `turn` says who must answer the latest offer.
 * The party whose turn it is may counter (flips the turn), accept (agreedPrice = latest offer) or reject;
 * the buyer may withdraw while it is open; the system expires it at `expiresAt`, applies the seller's
 * private auto-accept / auto-decline thresholds, and rejects the other open negotiations on a car when one
 * is accepted.
 */
import type { AccessUser } from '@/access/roles'

import { defineMachine, type TransitionContext } from '../../workflows/engine'

export const NEGOTIATION_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn', 'expired'] as const
export type NegotiationStatus = (typeof NEGOTIATION_STATUSES)[number]
export const NEGOTIATION_SIDES = ['buyer', 'seller'] as const
export type NegotiationSide = (typeof NEGOTIATION_SIDES)[number]

type Rel = number | string | { id: number | string } | null | undefined

export interface NegotiationOffer {
  id?: string | null
  by: NegotiationSide
  amount: number
  message?: string | null
  at: string
}

export interface NegotiationDoc {
  id: number | string
  car: Rel
  buyer: Rel
  seller: Rel
  status: NegotiationStatus
  turn: NegotiationSide
  currentAmount: number
  agreedPrice?: number | null
  expiresAt: string
  roundCount?: number | null
  offers?: NegotiationOffer[] | null
  [key: string]: unknown
}

export const relId = (v: Rel): string | null => (v == null ? null : typeof v === 'object' ? String(v.id) : String(v))

/** The side the actor is on (`buyer`, `seller`) or null for everyone else. */
export function sideOf(doc: Pick<NegotiationDoc, 'buyer' | 'seller'>, actor: AccessUser | null | undefined): NegotiationSide | null {
  if (!actor) return null
  if (relId(doc.buyer) === String(actor.id)) return 'buyer'
  if (relId(doc.seller) === String(actor.id)) return 'seller'
  return null
}

export const otherSide = (side: NegotiationSide): NegotiationSide => (side === 'buyer' ? 'seller' : 'buyer')

const yourTurn = ({ doc, parties }: TransitionContext<NegotiationDoc>): string | null => (parties.has(doc.turn) ? null : `It is not your turn: the negotiation is waiting for the ${doc.turn}.`)

const isDue = ({ doc, now }: TransitionContext<NegotiationDoc>): string | null => (new Date(doc.expiresAt).getTime() <= now.getTime() ? null : 'The negotiation has not expired yet.')

export const negotiationMachine = defineMachine<NegotiationStatus, NegotiationDoc>({
  name: 'negotiation',
  field: 'status',
  states: NEGOTIATION_STATUSES,
  initial: 'open',
  terminal: ['accepted', 'rejected', 'withdrawn', 'expired'],
  relationNames: ['buyer', 'seller'],
  // Every move carries effects (closedAt, agreedPrice, the car reserved, rival offers rejected, notifications)
  // that only its action or job runs: a status edit is refused with 409 naming the action.
  actionsOnly: { via: 'POST /api/negotiations/:id/{action}' },
  relations: (doc, actor) => {
    const side = sideOf(doc, actor)
    return side ? [side] : []
  },
  transitions: [
    {
      action: 'counter',
      from: ['open'],
      to: 'open',
      by: ['buyer', 'seller'],
      guard: yourTurn,
      description: 'Party whose turn it is; new amount, flips `turn`, renews `expiresAt`, appends to `offers`.',
      effects: 'Countering records the new offer, renews the expiry and notifies the other party',
    },
    {
      action: 'accept',
      from: ['open'],
      to: 'accepted',
      by: ['buyer', 'seller'],
      guard: yourTurn,
      description: "Party whose turn it is; `agreedPrice` = latest offer, car → `sale_pending`, the car's other open negotiations → `rejected`.",
      effects: 'Accepting an offer sets the agreed price, reserves the car, rejects the other offers on it and notifies the other party',
    },
    {
      action: 'reject',
      from: ['open'],
      to: 'rejected',
      by: ['buyer', 'seller'],
      guard: yourTurn,
      description: 'Party whose turn it is.',
      effects: 'Rejecting an offer closes the negotiation and notifies the other party',
    },
    {
      action: 'withdraw',
      from: ['open'],
      to: 'withdrawn',
      by: ['buyer'],
      description: "The buyer, whoever's turn it is.",
      effects: 'Withdrawing an offer closes the negotiation and notifies the seller',
    },
    {
      action: 'expire',
      from: ['open'],
      to: 'expired',
      by: ['system'],
      guard: isDue,
      description: 'Job, every minute: `expiresAt` has passed.',
      via: 'the expire-negotiations job',
      effects: 'Expiring a negotiation closes it and notifies both parties',
    },
    {
      action: 'auto_accept',
      from: ['open'],
      to: 'accepted',
      by: ['system'],
      description: "A buyer offer ≥ the car's private `autoAcceptPrice`; same effects as accept.",
      via: "POST /api/negotiations or POST /api/negotiations/:id/counter (the seller's thresholds)",
      effects: 'Accepting an offer sets the agreed price, reserves the car, rejects the other offers on it and notifies both parties',
    },
    {
      action: 'auto_decline',
      from: ['open'],
      to: 'rejected',
      by: ['system'],
      description: "A buyer offer ≤ the car's private `autoDeclinePrice`.",
      via: "POST /api/negotiations or POST /api/negotiations/:id/counter (the seller's thresholds)",
      effects: 'Declining an offer closes the negotiation and notifies the buyer',
    },
    {
      action: 'supersede',
      from: ['open'],
      to: 'rejected',
      by: ['system'],
      description: 'Another negotiation on the same car was accepted.',
      via: 'POST /api/negotiations/:id/accept (on another negotiation of the car)',
      effects: 'Superseding a negotiation closes it and notifies the buyer',
    },
  ],
})

/**
 * What the seller's private thresholds do to a buyer's offer: accept at or above `autoAcceptPrice`, reject at
 * or below `autoDeclinePrice`, otherwise nothing. (Accept wins if a seller configured overlapping thresholds.)
 */
export function thresholdDecision(amount: number, car: { autoAcceptPrice?: number | null; autoDeclinePrice?: number | null }): 'auto_accept' | 'auto_decline' | null {
  const accept = car.autoAcceptPrice
  const decline = car.autoDeclinePrice
  if (accept != null && Number(accept) > 0 && amount >= Number(accept)) return 'auto_accept'
  if (decline != null && Number(decline) > 0 && amount <= Number(decline)) return 'auto_decline'
  return null
}

/** The moment an offer made at `now` expires. */
export const expiryFrom = (now: Date, ttlHours: number): Date => new Date(now.getTime() + ttlHours * 3_600_000)

/** Counts per status, every status present (0 when absent). */
export function countsByStatus(rows: { status: string; count: number | string }[]): Record<NegotiationStatus, number> & { total: number } {
  const out = Object.fromEntries(NEGOTIATION_STATUSES.map((s) => [s, 0])) as Record<NegotiationStatus, number>
  let total = 0
  for (const r of rows) {
    if ((NEGOTIATION_STATUSES as readonly string[]).includes(r.status)) {
      out[r.status as NegotiationStatus] = Number(r.count)
      total += Number(r.count)
    }
  }
  return { ...out, total }
}

/** Accepted ÷ all negotiations received as seller, 0–1 with 4 decimals (0 when none). */
export const conversionRate = (counts: { accepted: number; total: number }): number => (counts.total ? Math.round((counts.accepted / counts.total) * 10_000) / 10_000 : 0)
