/**
 * Negotiation orchestration on Payload: opening a negotiation, the party actions, the system transitions
 * (thresholds, supersede, expiry) and their side effects, each inside one transaction. The rules themselves
 * are the table in src/domain/negotiation/machine.ts; this file only sequences locks, writes and notifications.
 *
 * Lock order (no deadlocks): the car row first (`select … for update`), then negotiation rows. Every action
 * on a negotiation takes its car's lock, so two offers on one car can never both be accepted, and racing
 * actions on one negotiation see each other's result (the loser gets 409).
 */
import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { isAdminUser, userHasRole } from '@/access/roles'
import { lockRow, sql, txOf, withTransaction } from '@/db/transaction'
import { conflict, forbidden, HttpError, notFound } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import type { NotificationType } from '@/domain/notification-types'
import { notify } from '@/notifications/notify'
import { applyTransition, WORKFLOW_CONTEXT } from '@/workflows/apply'
import {
  conversionRate,
  countsByStatus,
  expiryFrom,
  type NegotiationDoc,
  negotiationMachine,
  type NegotiationSide,
  otherSide,
  relId,
  sideOf,
  thresholdDecision,
} from '@/domain/negotiation/machine'

// Typed loosely until payload-types.ts is regenerated with this collection.
export const NEGOTIATIONS = 'negotiations' as unknown as CollectionSlug

interface CarRow {
  id: number
  title?: string | null
  seller?: unknown
  status?: string | null
  negotiable?: boolean | null
  currency?: string | null
  autoAcceptPrice?: number | null
  autoDeclinePrice?: number | null
}

const money = (amount: number, car: CarRow) => `${Number(amount).toFixed(2)} ${car.currency ?? 'USD'}`
const carTitle = (car: CarRow) => car.title ?? `car #${car.id}`

async function loadCar(req: PayloadRequest, id: number | string): Promise<CarRow | null> {
  return (await req.payload
    .findByID({ collection: 'cars', id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)) as CarRow | null
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

async function tell(req: PayloadRequest, to: NegotiationSide | NegotiationSide[], type: keyof typeof TEXTS, doc: NegotiationDoc, car: CarRow, auto = false) {
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
async function onAccepted(req: PayloadRequest, accepted: NegotiationDoc, car: CarRow): Promise<void> {
  if (car.status === 'active') {
    await req.payload.update({
      collection: 'cars',
      id: car.id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { status: 'sale_pending' } as never,
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
  for (const other of others.docs as unknown as NegotiationDoc[]) {
    await applyTransition<never, NegotiationDoc>({
      req,
      collection: NEGOTIATIONS,
      id: other.id,
      machine: negotiationMachine as never,
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
async function applyThresholds(req: PayloadRequest, doc: NegotiationDoc, car: CarRow): Promise<NegotiationDoc> {
  const action = thresholdDecision(Number(doc.currentAmount), car)
  if (!action) return doc
  const { doc: moved } = await applyTransition<never, NegotiationDoc>({
    req,
    collection: NEGOTIATIONS,
    id: doc.id,
    machine: negotiationMachine as never,
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

export async function openNegotiation(
  req: PayloadRequest,
  user: AccessUser,
  input: { car: number; amount: number; message?: string },
): Promise<NegotiationDoc> {
  const settings = await getPlatformSettings(req)
  return withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'cars', input.car, 'id'))) throw notFound('No such car.')
    const car = await loadCar(req, input.car)
    if (!car) throw notFound('No such car.')
    if (relId(car.seller as never) === String(user.id)) throw forbidden('You cannot make an offer on your own listing.')
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
    let created: NegotiationDoc
    try {
      created = (await req.payload.create({
        collection: NEGOTIATIONS,
        req,
        depth: 0,
        overrideAccess: true,
        context: { [WORKFLOW_CONTEXT]: true },
        data: {
          car: car.id,
          buyer: user.id,
          seller: Number(relId(car.seller as never)),
          status: 'open',
          turn: 'seller',
          currentAmount: input.amount,
          expiresAt: expiryFrom(now, settings.offerTtlHours).toISOString(),
          roundCount: 1,
          offers: [{ by: 'buyer', amount: input.amount, message: input.message ?? null, at: now.toISOString() }],
        } as never,
      })) as unknown as NegotiationDoc
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

export async function actOnNegotiation(
  req: PayloadRequest,
  id: number,
  action: PartyAction,
  input: { amount?: number; message?: string } = {},
): Promise<NegotiationDoc> {
  const peek = (await req.payload
    .findByID({ collection: NEGOTIATIONS, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)) as NegotiationDoc | null
  if (!peek) throw notFound('No such negotiation.')
  const carId = relId(peek.car)
  const settings = action === 'counter' ? await getPlatformSettings(req) : null
  return withTransaction(req, async (tx) => {
    let car: CarRow | null = null
    let actor: NegotiationSide | null = null
    const { doc } = await applyTransition<never, NegotiationDoc>({
      req,
      collection: NEGOTIATIONS,
      id,
      machine: negotiationMachine as never,
      action,
      input: input as Record<string, unknown>,
      before: async () => {
        if (carId) await lockRow(tx, 'cars', carId, 'id')
        car = carId ? await loadCar(req, carId) : null
      },
      data: (prev) => {
        actor = sideOf(prev, req.user as never)
        if (!car) throw conflict('The car of this negotiation no longer exists.')
        const now = new Date()
        if (action === 'counter') {
          const by = actor as NegotiationSide
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
      after: async (updated) => {
        const c = car as CarRow
        const other = otherSide(actor as NegotiationSide)
        if (action === 'counter') await tell(req, other, 'offer_countered', updated, c)
        else if (action === 'accept') {
          await onAccepted(req, updated, c)
          await tell(req, other, 'offer_accepted', updated, c)
        } else if (action === 'reject') await tell(req, other, 'offer_rejected', updated, c)
        else if (action === 'withdraw') await tell(req, 'seller', 'offer_withdrawn', updated, c)
      },
    })
    if (action === 'counter' && actor === 'buyer' && car) {
      const c = car as CarRow
      // A counter by the buyer is a new offer: the seller's thresholds apply (the car must still be listed).
      if (thresholdDecision(Number(doc.currentAmount), c) === 'auto_accept') assertAvailable(c)
      return applyThresholds(req, doc, c)
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
      select: { id: true } as never,
    })
    const batch = (due.docs as unknown as { id: number }[]).filter((d) => !seen.has(String(d.id)))
    if (!batch.length) break
    for (const { id } of batch) {
      seen.add(String(id))
      const req = (await createLocalReq({}, payload)) as PayloadRequest
      try {
        await applyTransition<never, NegotiationDoc>({
          req,
          collection: NEGOTIATIONS,
          id,
          machine: negotiationMachine as never,
          action: 'expire',
          system: true,
          now,
          data: () => ({ closedAt: now.toISOString() }),
          after: async (updated) => {
            const car = (await loadCar(req, relId(updated.car) as string)) ?? ({ id: Number(relId(updated.car)) } as CarRow)
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
  const [asBuyer, asSeller, pending] = await Promise.all([
    tx.execute(sql`select status::text as status, count(*)::int as count from negotiations where buyer_id = ${uid} group by status`),
    tx.execute(sql`select status::text as status, count(*)::int as count from negotiations where seller_id = ${uid} group by status`),
    tx.execute(sql`select count(*)::int as count from negotiations where seller_id = ${uid} and status = 'open' and turn = 'seller'`),
  ])
  const buyer = countsByStatus(asBuyer.rows)
  const seller = countsByStatus(asSeller.rows)
  const sellerView = userHasRole(user, 'seller', 'admin') || isAdminUser(user) || seller.total > 0
  return {
    asBuyer: buyer,
    asSeller: seller,
    ...(sellerView ? { pendingOffers: Number(pending.rows[0]?.count ?? 0), conversionRate: conversionRate(seller) } : {}),
  }
}
