/**
 * Negotiation orchestration on Payload: opening a negotiation, the party actions, the system transitions
 * (thresholds, supersede, expiry) and their side effects, each inside one transaction. The rules themselves
 * are the table in src/domain/negotiation/machine.ts; this file only sequences locks, writes and notifications.
 *
 * Lock order (no deadlocks): the car row first (`select … for update`), then negotiation rows. Every action
 * on a negotiation takes its car's lock, so two offers on one car can never both be accepted, and racing
 * actions on one negotiation see each other's result (the loser gets 409).
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { isAdminUser, userHasRole } from '@/access/roles'
import { negotiationCountsByStatus, openSellerTurnCount } from '@/db/negotiation'
import { lockRow, txOf, withTransaction } from '@/db/transaction'
import { conflict, currentUser, forbidden, HttpError, notFound } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'
import { getPlatformSettings } from '@/lib/settings'
import type { NotificationType } from '@/domain/notification-types'
import type { Car, Negotiation } from '@payload-types'
import { notify } from '@/notifications/notify'
import { applyTransition, WORKFLOW_CONTEXT } from '@/workflows/apply'
import { selectOf } from '@/lib/read-needs'
import {
  conversionRate,
  countsByStatus,
  expiryFrom,
  type NegotiationDoc,
  negotiationMachine,
  type NegotiationStatus,
  type NegotiationSide,
  otherSide,
  relId,
  sideOf,
  thresholdDecision,
} from '@/domain/negotiation/machine'

export const NEGOTIATIONS = 'negotiations' as const

declare module 'payload' {
  interface RequestContext {
    /** The negotiation whose acceptance moves the car to `sale_pending` (set on that car update). */
    negotiationAccepted?: number
  }
}

/** A negotiation as the workflow engine sees it (the generated type plus the machine's view). */
export type NegotiationRow = Negotiation & NegotiationDoc

/** The car fields a negotiation reads (`{ id }` only when the car is gone). */
type CarRow = Pick<Car, 'id'> & Partial<Pick<Car, (typeof CAR_FIELDS)[number]>>

const transition = (opts: Omit<Parameters<typeof applyTransition<NegotiationStatus, NegotiationRow>>[0], 'collection' | 'machine'>) =>
  applyTransition<NegotiationStatus, NegotiationRow>({ ...opts, collection: NEGOTIATIONS, machine: negotiationMachine })

const money = (amount: number, car: CarRow) => `${Number(amount).toFixed(2)} ${car.currency ?? 'USD'}`
const carTitle = (car: CarRow) => car.title ?? `car #${car.id}`

/** What a negotiation reads of its car: a listing is a wide document (media, history, specifications, SEO). */
const CAR_FIELDS = ['title', 'seller', 'status', 'negotiable', 'currency', 'autoAcceptPrice', 'autoDeclinePrice'] as const
const CAR_SELECT = selectOf(CAR_FIELDS)

async function loadCar(req: PayloadRequest, id: number | string): Promise<CarRow | null> {
  return ((await req.payload.findByID({ collection: 'cars', id, depth: 0, overrideAccess: true, req, disableErrors: true, select: CAR_SELECT }).catch(() => null)) as CarRow | null) ?? null
}

// ---------- notifications ----------

const TEXTS: Record<
  'offer_received' | 'offer_countered' | 'offer_accepted' | 'offer_rejected' | 'offer_withdrawn' | 'offer_expired',
  (car: CarRow, amount: number, auto?: boolean) => { title: { en: string; ar: string }; message: { en: string; ar: string } }
> = {
  offer_received: (car, amount) => ({
    title: { en: `New offer on ${carTitle(car)}`, ar: `عرض جديد على ${carTitle(car)}` },
    message: { en: `A buyer offered ${money(amount, car)}.`, ar: `قدّم مشترٍ عرضًا بقيمة ${money(amount, car)}.` },
  }),
  offer_countered: (car, amount) => ({
    title: { en: `Counter-offer on ${carTitle(car)}`, ar: `عرض مضاد على ${carTitle(car)}` },
    message: { en: `The other party countered with ${money(amount, car)}. It is your turn.`, ar: `قدّم الطرف الآخر عرضًا مضادًا بقيمة ${money(amount, car)}. الدور لك.` },
  }),
  offer_accepted: (car, amount, auto) => ({
    title: { en: `Offer accepted: ${carTitle(car)}`, ar: `تم قبول العرض: ${carTitle(car)}` },
    message: {
      en: `${auto ? 'The offer was accepted automatically' : 'The offer was accepted'} at ${money(amount, car)}.`,
      ar: `${auto ? 'تم قبول العرض تلقائيًا' : 'تم قبول العرض'} بسعر ${money(amount, car)}.`,
    },
  }),
  offer_rejected: (car, amount) => ({
    title: { en: `Offer rejected: ${carTitle(car)}`, ar: `تم رفض العرض: ${carTitle(car)}` },
    message: { en: `The offer of ${money(amount, car)} was rejected.`, ar: `تم رفض العرض بقيمة ${money(amount, car)}.` },
  }),
  offer_withdrawn: (car, amount) => ({
    title: { en: `Offer withdrawn: ${carTitle(car)}`, ar: `تم سحب العرض: ${carTitle(car)}` },
    message: { en: `The buyer withdrew the offer of ${money(amount, car)}.`, ar: `سحب المشتري العرض بقيمة ${money(amount, car)}.` },
  }),
  offer_expired: (car, amount) => ({
    title: { en: `Offer expired: ${carTitle(car)}`, ar: `انتهت صلاحية العرض: ${carTitle(car)}` },
    message: { en: `The negotiation at ${money(amount, car)} expired without an answer.`, ar: `انتهت صلاحية التفاوض بقيمة ${money(amount, car)} دون رد.` },
  }),
}

async function tell(req: PayloadRequest, to: NegotiationSide | NegotiationSide[], type: keyof typeof TEXTS, doc: Negotiation, car: CarRow, auto = false) {
  for (const side of Array.isArray(to) ? to : [to]) {
    const user = relId(doc[side])
    if (!user) continue
    await notify(req, {
      user,
      type: type as NotificationType,
      ...TEXTS[type](car, Number(doc.agreedPrice ?? doc.currentAmount), auto),
      data: { negotiation: doc.id, car: car.id, status: doc.status, amount: Number(doc.currentAmount) },
      actionUrl: `/negotiations/${doc.id}`,
    })
  }
}

// ---------- side effects of acceptance ----------

/** The car becomes `sale_pending` (still public); every other open negotiation on it is rejected (same transaction). */
async function onAccepted(req: PayloadRequest, accepted: Negotiation, car: CarRow): Promise<void> {
  if (car.status === 'active') {
    await req.payload.update({
      collection: 'cars',
      id: car.id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { status: 'sale_pending' },
      context: { [WORKFLOW_CONTEXT]: true, negotiationAccepted: accepted.id },
    })
  }
  const others = await req.payload.find({
    collection: NEGOTIATIONS,
    where: { and: [{ car: { equals: car.id } }, { status: { equals: 'open' } }, { id: { not_equals: accepted.id } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const other of others.docs) {
    await transition({
      req,
      id: other.id,
      action: 'supersede',
      system: true,
      data: () => ({ closedAt: new Date().toISOString() }),
      after: (doc) => tell(req, 'buyer', 'offer_rejected', doc, car),
    })
  }
}

const assertAvailable = (car: CarRow) => {
  if (car.status !== 'active') throw conflict('The car is no longer available.', { carStatus: car.status })
}

/** Applies the seller's private thresholds to a buyer's offer (on create and on the buyer's counters). */
async function applyThresholds(req: PayloadRequest, doc: Negotiation, car: CarRow): Promise<Negotiation> {
  const action = thresholdDecision(Number(doc.currentAmount), car)
  if (!action) return doc
  const { doc: moved } = await transition({
    req,
    id: doc.id,
    action,
    system: true,
    data: (prev) => ({
      closedAt: new Date().toISOString(),
      ...(action === 'auto_accept' ? { agreedPrice: prev.currentAmount } : {}),
    }),
    after: async (updated) => {
      if (action === 'auto_accept') {
        await onAccepted(req, updated, car)
        await tell(req, ['buyer', 'seller'], 'offer_accepted', updated, car, true)
      } else {
        await tell(req, 'buyer', 'offer_rejected', updated, car, true)
      }
    },
  })
  return moved
}

// ---------- opening ----------

export async function openNegotiation(req: PayloadRequest, user: AccessUser, input: { car: number; amount: number; message?: string }): Promise<Negotiation> {
  const settings = await getPlatformSettings(req)
  return withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'cars', input.car, 'id'))) throw notFound('No such car.')
    const car = await loadCar(req, input.car)
    if (!car) throw notFound('No such car.')
    if (relId(car.seller) === String(user.id)) throw forbidden('You cannot make an offer on your own listing.')
    if (car.status !== 'active') throw conflict('Offers can only be made on active listings.', { carStatus: car.status })
    if (!car.negotiable) throw conflict('This listing does not accept offers.')
    const open = await req.payload.find({
      collection: NEGOTIATIONS,
      where: { and: [{ car: { equals: car.id } }, { buyer: { equals: user.id } }, { status: { equals: 'open' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    if (open.docs[0]) throw conflict('You already have an open negotiation on this car.', { negotiation: open.docs[0].id })
    const now = new Date()
    let created: Negotiation
    try {
      created = await req.payload.create({
        collection: NEGOTIATIONS,
        req,
        depth: 0,
        overrideAccess: true,
        context: { [WORKFLOW_CONTEXT]: true },
        data: {
          car: car.id,
          buyer: Number(user.id),
          seller: Number(relId(car.seller)),
          status: 'open',
          turn: 'seller',
          currentAmount: input.amount,
          expiresAt: expiryFrom(now, settings.offerTtlHours).toISOString(),
          roundCount: 1,
          offers: [{ by: 'buyer', amount: input.amount, message: input.message ?? null, at: now.toISOString() }],
        },
      })
    } catch (err) {
      // The partial unique index (one open negotiation per buyer+car) is the last line of defence.
      if (/negotiations_one_open_per_buyer_car|duplicate key/i.test(String((err as Error)?.message ?? err))) {
        throw conflict('You already have an open negotiation on this car.')
      }
      throw err
    }
    if (thresholdDecision(input.amount, car) !== 'auto_decline') await tell(req, 'seller', 'offer_received', created, car)
    return applyThresholds(req, created, car)
  })
}

// ---------- party actions ----------

export type PartyAction = 'counter' | 'accept' | 'reject' | 'withdraw'

export async function actOnNegotiation(req: PayloadRequest, id: number, action: PartyAction, input: { amount?: number; message?: string } = {}): Promise<Negotiation> {
  const peek = await req.payload.findByID({ collection: NEGOTIATIONS, id, depth: 0, overrideAccess: true, req, disableErrors: true }).catch(() => null)
  if (!peek) throw notFound('No such negotiation.')
  const carId = relId(peek.car)
  const settings = action === 'counter' ? await getPlatformSettings(req) : null
  return withTransaction(req, async (tx) => {
    // What the steps learn, for the later ones.
    const seen: { car: CarRow | null; actor: NegotiationSide | null } = { car: null, actor: null }
    const { doc } = await transition({
      req,
      id,
      action,
      input,
      // lock: the car first (lock order), then the negotiation row (applyTransition)
      before: async () => {
        if (carId) await lockRow(tx, 'cars', carId, 'id')
        seen.car = carId ? await loadCar(req, carId) : null
      },
      // validate (the machine decided turn and party) → the patch written with the new status
      data: (prev) => {
        const actor = sideOf(prev, currentUser(req))
        seen.actor = actor
        const car = seen.car
        if (!car) throw conflict('The car of this negotiation no longer exists.')
        const now = new Date()
        if (action === 'counter') {
          const by = actor as NegotiationSide // the machine let only a party through
          return {
            turn: otherSide(by),
            currentAmount: input.amount,
            expiresAt: expiryFrom(now, settings!.offerTtlHours).toISOString(),
            roundCount: Number(prev.roundCount ?? 1) + 1,
            offers: [
              ...(prev.offers ?? []).map((o) => ({ id: o.id, by: o.by, amount: o.amount, message: o.message ?? null, at: o.at })),
              { by, amount: input.amount, message: input.message ?? null, at: now.toISOString() },
            ],
          }
        }
        if (action === 'accept') {
          assertAvailable(car)
          return { agreedPrice: prev.currentAmount, closedAt: now.toISOString() }
        }
        return { closedAt: now.toISOString() }
      },
      // effects, in the same transaction
      after: async (updated) => {
        const car = seen.car!
        const other = otherSide(seen.actor as NegotiationSide)
        if (action === 'counter') await tell(req, other, 'offer_countered', updated, car)
        else if (action === 'accept') {
          await onAccepted(req, updated, car)
          await tell(req, other, 'offer_accepted', updated, car)
        } else if (action === 'reject') await tell(req, other, 'offer_rejected', updated, car)
        else if (action === 'withdraw') await tell(req, 'seller', 'offer_withdrawn', updated, car)
      },
    })
    const car = seen.car
    if (action === 'counter' && seen.actor === 'buyer' && car) {
      // A counter by the buyer is a new offer: the seller's thresholds apply (the car must still be listed).
      if (thresholdDecision(Number(doc.currentAmount), car) === 'auto_accept') assertAvailable(car)
      return applyThresholds(req, doc, car)
    }
    return doc
  })
}

// ---------- expiry (job) ----------

/** Expires every open negotiation whose `expiresAt` is before `now`; each in its own transaction. */
export async function expireDueNegotiations(payload: Payload, now: Date = new Date()): Promise<{ expired: number; ids: (number | string)[] }> {
  const ids: (number | string)[] = []
  const seen = new Set<string>()
  for (;;) {
    const due = await payload.find({
      collection: NEGOTIATIONS,
      where: { and: [{ status: { equals: 'open' } }, { expiresAt: { less_than: now.toISOString() } }] },
      depth: 0,
      limit: 100,
      sort: 'expiresAt',
      overrideAccess: true,
      // the id always comes back; one small column besides it
      select: { expiresAt: true },
    })
    const batch = due.docs.filter((d) => !seen.has(String(d.id)))
    if (!batch.length) break
    for (const { id } of batch) {
      seen.add(String(id))
      const req = (await createLocalReq({}, payload)) as PayloadRequest
      try {
        await transition({
          req,
          id,
          action: 'expire',
          system: true,
          now,
          data: () => ({ closedAt: now.toISOString() }),
          after: async (updated) => {
            const car: CarRow = (await loadCar(req, relId(updated.car)!)) ?? { id: Number(relId(updated.car)) }
            await tell(req, ['buyer', 'seller'], 'offer_expired', updated, car)
          },
        })
        ids.push(id)
      } catch (err) {
        // Answered or expired by someone else meanwhile: nothing to do.
        if (err instanceof HttpError && (err.status === 409 || err.status === 404)) continue
        throw err
      }
    }
  }
  return { expired: ids.length, ids }
}

// ---------- stats ----------

export async function negotiationStats(req: PayloadRequest, user: AccessUser) {
  const tx = await txOf(req)
  const uid = Number(user.id)
  const [asBuyer, asSeller, pending] = await allSettledOrThrow([negotiationCountsByStatus(tx, uid, 'buyer'), negotiationCountsByStatus(tx, uid, 'seller'), openSellerTurnCount(tx, uid)])
  const buyer = countsByStatus(asBuyer)
  const seller = countsByStatus(asSeller)
  const sellerView = userHasRole(user, 'seller', 'admin') || isAdminUser(user) || seller.total > 0
  return {
    asBuyer: buyer,
    asSeller: seller,
    ...(sellerView ? { pendingOffers: pending, conversionRate: conversionRate(seller) } : {}),
  }
}
