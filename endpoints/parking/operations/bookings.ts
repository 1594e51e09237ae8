/**
 * Parking-booking operations: create, extend, cancel, check in (validate), check out. Each one runs its steps in
 * order — lock → validate → write → effects — inside one transaction; the capacity rule is decided under the
 * spot's advisory lock (src/db/parking.ts `lockSpot`), so it holds across concurrent requests and instances.
 * The create path itself (price, capacity, PIN, QR code) is the collection's `beforeChange` hook, which every
 * create runs (collections/parking/ParkingBookings/hooks.ts).
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { findSpot, isSpotOwnerOrAdmin, lockSpot, occupancies } from '@/db/parking'
import { lockRow, withTransaction } from '@/db/transaction'
import { idOf, sameId } from '@/domain/ids'
import { bookingCost, cancellationRefund, fits, MAX_BOOKING_MS, ms, openingHoursRefusal, type ParkingPaymentMethod, paymentHoldDeadline, peakOccupancy } from '@/domain/parking'
import { parkingBookingMachine, type ParkingBookingDoc, type ParkingBookingStatus } from '@/domain/parking/booking-machine'
import { conflict, forbidden, invalidFields, notFound } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { startCardPayment } from '@endpoints/commerce/operations/payments'
import { cardPaymentsEnabled } from '@endpoints/commerce/operations/stripe'
import type { ParkingBooking } from '@payload-types'

import { settleParkingCancellation } from './payments'

const SLUG = 'parking-bookings'

/** A booking as the workflow engine sees it (the generated type plus the machine's view). */
export type BookingDoc = ParkingBooking & ParkingBookingDoc

const transition = (opts: Omit<Parameters<typeof applyTransition<ParkingBookingStatus, BookingDoc>>[0], 'collection' | 'machine'>) =>
  applyTransition<ParkingBookingStatus, BookingDoc>({ ...opts, collection: SLUG, machine: parkingBookingMachine })

async function loadBooking(req: PayloadRequest, id: number): Promise<ParkingBooking> {
  const doc = await req.payload.findByID({ collection: SLUG, id, req, depth: 0, overrideAccess: true }).catch(() => null)
  if (!doc) throw notFound('Booking not found.')
  return doc
}

/** Not the driver, not the spot owner, not an admin: the booking is invisible (404). */
function assertVisible(user: AccessUser, b: ParkingBooking): void {
  if (isAdminUser(user) || sameId(b.user, user.id) || sameId(b.spotOwner, user.id)) return
  throw notFound('Booking not found.')
}

// ---------- create ----------

export interface NewParkingBooking {
  spot: number
  vehicle: number
  startTime: Date
  endTime: Date
  /** Admins may book for another driver (ignored for everyone else). */
  user?: unknown
  /** `card`: paid now through Stripe, the slot held `paymentHoldMinutes` until paid; `on_site` (default) where the spot allows it. */
  payment?: ParkingPaymentMethod
}

/**
 * `POST /api/parking-bookings`: the collection's create (access checked), prepared and capacity-checked by its hook.
 * Paid by card, the booking starts `unpaid` with a payment deadline and the response carries the PaymentIntent
 * (`payment.clientSecret`); the Stripe webhook marks it paid, the parking-payment-holds job releases it if not.
 * The intent is created after the booking committed (no provider call under the spot lock); if the provider
 * fails, `payment` is null and the driver retries with `POST /api/payments/intent`.
 */
export async function createParkingBooking(req: PayloadRequest, user: AccessUser, input: NewParkingBooking): Promise<ParkingBooking & { payment?: unknown }> {
  const driver = isAdminUser(user) && input.user !== undefined ? (idOf(input.user) ?? undefined) : undefined
  const byCard = input.payment === 'card'
  if (byCard && !cardPaymentsEnabled()) throw invalidFields([{ path: 'payment', message: 'Card payments are disabled on this server: pay on site.' }])
  const hold = byCard ? paymentHoldDeadline(new Date(), (await getPlatformSettings(req)).paymentHoldMinutes) : null
  const doc = await req.payload.create({
    collection: SLUG,
    data: { spot: input.spot, vehicle: input.vehicle, startTime: input.startTime.toISOString(), endTime: input.endTime.toISOString(), ...(driver ? { user: driver } : {}) },
    req,
    overrideAccess: false,
    user: req.user,
    depth: 0,
    ...(hold ? { context: { parkingCardPayment: { dueBy: hold.toISOString() } } } : {}),
  })
  if (!byCard) return doc
  // An admin booking for a driver: the driver pays with POST /api/payments/intent.
  if (!sameId(doc.user, user.id)) return { ...doc, payment: null }
  try {
    const { payment } = await startCardPayment(req, user, SLUG, doc.id)
    return { ...doc, payment }
  } catch (err) {
    req.payload.logger.warn({ err, msg: `parking booking ${doc.id}: the PaymentIntent could not be created; the driver may retry` })
    return { ...doc, payment: null }
  }
}

// ---------- extend ----------

/**
 * The driver (or an admin) moves the end later: capacity re-checked for the added window only, under the spot
 * lock; the total is re-priced at the booking's unit price.
 */
export async function extendParkingBooking(req: PayloadRequest, user: AccessUser, id: number, newEnd: Date): Promise<ParkingBooking> {
  return withTransaction(req, async (tx) => {
    // authorize on what the caller may see
    const pre = await loadBooking(req, id)
    assertVisible(user, pre)
    if (!isAdminUser(user) && !sameId(pre.user, user.id)) throw forbidden('Only the driver may extend a booking.')
    // lock: the spot first (capacity), then the booking row; re-read under the locks
    await lockSpot(tx, idOf(pre.spot)!)
    await lockRow(tx, SLUG, id, 'id')
    const b = await loadBooking(req, id)
    // validate
    if (b.status !== 'pending' && b.status !== 'active') throw conflict(`Cannot extend: the booking is ${b.status}.`)
    const oldEnd = new Date(b.endTime)
    if (newEnd.getTime() <= oldEnd.getTime()) throw invalidFields([{ path: 'endTime', message: 'endTime must be after the current end time.' }])
    if (newEnd.getTime() - ms(b.startTime) > MAX_BOOKING_MS) throw invalidFields([{ path: 'endTime', message: 'A booking may last at most 366 days.' }])
    const spot = await findSpot(req, idOf(b.spot)!)
    if (!spot) throw conflict('The spot of this booking no longer exists.')
    const closed = openingHoursRefusal(spot.openingHours, b.startTime, newEnd, spot.timezone || 'UTC')
    if (closed) throw invalidFields([{ path: 'endTime', message: closed }])
    const items = await occupancies(tx, spot.id, oldEnd, newEnd, { excludeBooking: id })
    if (!fits(spot.totalSlots, items, oldEnd, newEnd)) {
      throw conflict('The spot is full for the added time.', { availableSlots: Math.max(0, spot.totalSlots - peakOccupancy(items, oldEnd, newEnd)) })
    }
    // write
    const totalCost = bookingCost(b.unitPrice ?? spot.price, b.priceType ?? spot.priceType, b.startTime, newEnd)
    return req.payload.update({
      collection: SLUG,
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { endTime: newEnd.toISOString(), totalCost },
      context: { parkingInternal: true },
    })
  })
}

// ---------- cancel ----------

/**
 * The driver (or an admin) cancels a pending booking: refund per the platform's policy, through Stripe when it was
 * paid by card (exact to the cent; an open PaymentIntent is cancelled instead); the spot owner is told. The
 * booking row is locked first, then its payments — the webhook's order — so a payment racing the cancel either
 * lands first (then it is refunded here) or finds the booking cancelled (then it is refunded in full there).
 */
export async function cancelParkingBooking(req: PayloadRequest, user: AccessUser, id: number, note?: string): Promise<ParkingBooking> {
  assertVisible(user, await loadBooking(req, id))
  const { cancellationPolicy } = await getPlatformSettings(req)
  const now = new Date()
  const { doc } = await transition({
    req,
    id,
    action: 'cancel',
    data: (b) => {
      const policy = cancellationRefund(Number(b.totalCost), b.startTime, now, cancellationPolicy)
      const paid = b.paymentStatus === 'paid'
      // A card booking not paid yet owes nothing back (its open intent is cancelled in `after`).
      const refundAmount = b.paymentStatus === 'unpaid' ? 0 : policy.refundAmount
      return {
        refundAmount,
        cancelledAt: now.toISOString(),
        cancellationReason: sameId(b.user, user.id) ? 'driver_cancelled' : 'admin_cancelled',
        ...(note ? { cancellationNote: note } : {}),
        ...(paid && refundAmount > 0 ? { paymentStatus: refundAmount >= Number(b.totalCost) ? 'refunded' : 'partially_refunded' } : {}),
      }
    },
    after: async (updated, previous) => {
      if (previous.paymentStatus === 'paid' || previous.paymentStatus === 'unpaid') {
        await settleParkingCancellation(req, updated.id, Number(updated.refundAmount ?? 0), 'Parking booking cancelled.')
      }
      const owner = idOf(updated.spotOwner)
      if (owner) {
        await notify(req, {
          user: owner,
          type: 'booking_status',
          title: { en: 'Parking booking cancelled', ar: 'تم إلغاء حجز الموقف' },
          message: { en: `Booking #${updated.id} was cancelled.`, ar: `تم إلغاء الحجز رقم ${updated.id}.` },
          data: { booking: updated.id, status: 'cancelled' },
        })
      }
    },
  })
  return doc
}

// ---------- check in (validate) ----------

export type CheckInCode = { qrCode: string } | { spot: number; pin: string }

/** The booking a QR code, or a spot + PIN, designates, if the caller (owner of its spot, or admin) may validate it. */
async function findByCode(req: PayloadRequest, user: AccessUser, code: CheckInCode): Promise<ParkingBooking> {
  if ('qrCode' in code) {
    const res = await req.payload.find({ collection: SLUG, where: { qrCode: { equals: code.qrCode } }, limit: 1, depth: 0, overrideAccess: true, req })
    const booking = res.docs[0]
    if (!booking || !isSpotOwnerOrAdmin(user, { owner: booking.spotOwner })) throw notFound('No booking matches this code.')
    return booking
  }
  const spot = await findSpot(req, code.spot)
  if (!spot) throw notFound('Parking spot not found.')
  if (!isSpotOwnerOrAdmin(user, spot)) throw forbidden('Only the owner of this spot may validate its bookings.')
  const res = await req.payload.find({
    collection: SLUG,
    where: { and: [{ spot: { equals: code.spot } }, { pin: { equals: code.pin } }, { status: { in: ['pending', 'active'] } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!res.docs[0]) throw notFound('No booking matches this PIN.')
  return res.docs[0]
}

/**
 * The spot's owner (or an admin) checks the driver in within [start − checkInGraceMinutes, end]. Unknown
 * code/PIN → 404, nothing written; outside the window → 409. The driver is told.
 */
export async function checkInParkingBooking(req: PayloadRequest, user: AccessUser, code: CheckInCode): Promise<ParkingBooking> {
  const booking = await findByCode(req, user, code)
  if (booking.status === 'active') throw conflict('This booking is already checked in.')
  const { checkInGraceMinutes } = await getPlatformSettings(req)
  const now = new Date()
  const { doc } = await transition({
    req,
    id: booking.id,
    action: 'check_in',
    input: { graceMinutes: checkInGraceMinutes, now: now.toISOString() },
    data: () => ({ checkedInAt: now.toISOString() }),
    after: async (updated) => {
      const driver = idOf(updated.user)
      if (!driver) return
      await notify(req, {
        user: driver,
        type: 'booking_status',
        title: { en: 'Checked in', ar: 'تم تسجيل الدخول' },
        message: { en: `You are checked in (booking #${updated.id}).`, ar: `تم تسجيل دخولك (الحجز رقم ${updated.id}).` },
        data: { booking: updated.id, status: 'active' },
      })
    },
  })
  return doc
}

// ---------- check out ----------

/** The driver, the spot owner or an admin checks out → completed. */
export async function checkOutParkingBooking(req: PayloadRequest, user: AccessUser, id: number): Promise<ParkingBooking> {
  assertVisible(user, await loadBooking(req, id))
  const now = new Date()
  const { doc } = await transition({ req, id, action: 'check_out', data: () => ({ checkedOutAt: now.toISOString() }) })
  return doc
}
