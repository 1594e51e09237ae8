/**
 * Parking-booking workflow: the capacity-checked create path (a `beforeChange` hook every create runs) and the
 * collection endpoints (registered in collections/parking/ParkingBookings/index.ts):
 * POST /api/parking-bookings, /validate, /:id/extend, /:id/cancel, /:id/check-out.
 */
import { randomBytes, randomInt } from 'node:crypto'

import type { CollectionBeforeChangeHook, Endpoint, PayloadRequest } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, sql, txOf, withTransaction } from '@/db/transaction'
import { bookingCost, cancellationRefund, fits, ms, openingHoursRefusal, peakOccupancy, pickPin, type PriceType } from '@/domain/parking'
import { assertValid, conflict, currentUser, forbidden, invalidFields, json, notFound, readJson, requireUser, routeId } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { Input } from '@/lib/validate'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { parkingBookingMachine, type ParkingBookingDoc } from '@/domain/parking/booking-machine'

import { findSpot, idOf, isSpotOwnerOrAdmin, lockSpot, occupancies, siteCurrency } from '@/db/parking'
import { MAX_BOOKING_MS, PARKING_CONTEXT } from '@collections/parking/ParkingBookings/hooks'

const SLUG = 'parking-bookings'
interface BookingRow extends ParkingBookingDoc {
  id: number
  spot: number
  vehicle: number
  totalCost: number
  unitPrice?: number | null
  priceType?: PriceType | null
  paymentStatus?: string | null
}

/** `POST /api/parking-bookings { spot, vehicle, startTime, endTime }` → 201 with totalCost, qrCode, pin. */
export const createBookingEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    requireUser(req, { write: true })
    const body = await readJson(req)
    const data: Record<string, unknown> = { spot: body.spot, vehicle: body.vehicle, startTime: body.startTime, endTime: body.endTime }
    if (isAdminUser(currentUser(req)) && body.user !== undefined) data.user = body.user
    const doc = await req.payload.create({ collection: SLUG, data: data as never, req, overrideAccess: false, user: req.user, depth: 0 })
    return json(doc, 201)
  },
}

async function loadBooking(req: PayloadRequest, id: number): Promise<BookingRow> {
  const doc = await req.payload.findByID({ collection: SLUG, id, req, depth: 0, overrideAccess: true }).catch(() => null)
  if (!doc) throw notFound('Booking not found.')
  return doc as unknown as BookingRow
}

/** Not the driver, not the spot owner, not an admin: the booking is invisible (404). */
function assertVisible(req: PayloadRequest, b: BookingRow): void {
  const user = currentUser(req)
  const me = String(user?.id)
  if (isAdminUser(user) || String(idOf(b.user)) === me || String(idOf(b.spotOwner)) === me) return
  throw notFound('Booking not found.')
}

/**
 * `POST /api/parking-bookings/:id/extend { endTime }` (driver or admin) — capacity re-checked for the added
 * window only, under the spot lock; the total is re-priced at the booking's unit price.
 */
export const extendEndpoint: Endpoint = {
  path: '/:id/extend',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const newEnd = input.date('endTime', { required: true })
    assertValid(input)
    const result = await withTransaction(req, async (tx) => {
      const pre = await loadBooking(req, id)
      assertVisible(req, pre)
      if (!isAdminUser(user) && String(idOf(pre.user)) !== String(user.id)) throw forbidden('Only the driver may extend a booking.')
      await lockSpot(tx, Number(pre.spot))
      await lockRow(tx, SLUG, id, 'id')
      const b = await loadBooking(req, id)
      if (b.status !== 'pending' && b.status !== 'active') throw conflict(`Cannot extend: the booking is ${b.status}.`)
      const oldEnd = new Date(b.endTime)
      if (newEnd!.getTime() <= oldEnd.getTime()) throw invalidFields([{ path: 'endTime', message: 'endTime must be after the current end time.' }])
      if (newEnd!.getTime() - ms(b.startTime) > MAX_BOOKING_MS) throw invalidFields([{ path: 'endTime', message: 'A booking may last at most 366 days.' }])
      const spot = await findSpot(req, Number(b.spot))
      if (!spot) throw conflict('The spot of this booking no longer exists.')
      const closed = openingHoursRefusal(spot.openingHours, b.startTime, newEnd!, spot.timezone || 'UTC')
      if (closed) throw invalidFields([{ path: 'endTime', message: closed }])
      const items = await occupancies(tx, spot.id, oldEnd, newEnd!, { excludeBooking: id })
      if (!fits(spot.totalSlots, items, oldEnd, newEnd!)) {
        throw conflict('The spot is full for the added time.', { availableSlots: Math.max(0, spot.totalSlots - peakOccupancy(items, oldEnd, newEnd!)) })
      }
      const unitPrice = b.unitPrice ?? spot.price
      const priceType = (b.priceType ?? spot.priceType) as PriceType
      const totalCost = bookingCost(unitPrice, priceType, b.startTime, newEnd!)
      return req.payload.update({
        collection: SLUG,
        id,
        req,
        depth: 0,
        overrideAccess: true,
        data: { endTime: newEnd!.toISOString(), totalCost } as never,
        context: { [PARKING_CONTEXT]: true },
      })
    })
    return json(result)
  },
}

/** `POST /api/parking-bookings/:id/cancel { reason? }` (driver or admin, while pending) → refund per the policy. */
export const cancelEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const note = input.string('reason', { max: 500 })
    assertValid(input)
    assertVisible(req, await loadBooking(req, id))
    const { cancellationPolicy } = await getPlatformSettings(req)
    const now = new Date()
    const { doc } = await applyTransition<ParkingBookingDoc['status'], BookingRow>({
      req,
      collection: SLUG,
      id,
      machine: parkingBookingMachine as never,
      action: 'cancel',
      data: (b) => {
        const { refundAmount } = cancellationRefund(b.totalCost, b.startTime, now, cancellationPolicy)
        const paid = b.paymentStatus === 'paid'
        return {
          refundAmount,
          cancelledAt: now.toISOString(),
          cancellationReason: String(idOf(b.user)) === String(user.id) ? 'driver_cancelled' : 'admin_cancelled',
          ...(note ? { cancellationNote: note } : {}),
          ...(paid && refundAmount > 0 ? { paymentStatus: refundAmount >= Number(b.totalCost) ? 'refunded' : 'partially_refunded' } : {}),
        }
      },
      after: async (updated) => {
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
    return json(doc)
  },
}

/**
 * `POST /api/parking-bookings/validate { qrCode } | { spot, pin }` (the spot's owner or an admin) — checks the
 * driver in within [start − checkInGraceMinutes, end]. Unknown code/PIN → 404, nothing written; outside → 409.
 */
export const validateEndpoint: Endpoint = {
  path: '/validate',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true, roles: ['parking_owner', 'admin'] })
    const input = new Input(await readJson(req))
    const qrCode = input.string('qrCode', { max: 100 })
    let spotId: number | undefined
    let pin: string | undefined
    if (!qrCode) {
      spotId = input.id('spot')
      pin = input.string('pin', { required: true, pattern: /^\d{4}$/, patternMessage: 'pin must be 4 digits.' })
    }
    assertValid(input)
    let booking: BookingRow | undefined
    if (qrCode) {
      const res = await req.payload.find({ collection: SLUG, where: { qrCode: { equals: qrCode } }, limit: 1, depth: 0, overrideAccess: true, req })
      booking = res.docs[0] as unknown as BookingRow | undefined
      if (!booking || !isSpotOwnerOrAdmin(user, { owner: booking.spotOwner })) throw notFound('No booking matches this code.')
    } else {
      const spot = await findSpot(req, spotId!)
      if (!spot) throw notFound('Parking spot not found.')
      if (!isSpotOwnerOrAdmin(user, spot)) throw forbidden('Only the owner of this spot may validate its bookings.')
      const res = await req.payload.find({
        collection: SLUG,
        where: { and: [{ spot: { equals: spotId } }, { pin: { equals: pin } }, { status: { in: ['pending', 'active'] } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      booking = res.docs[0] as unknown as BookingRow | undefined
      if (!booking) throw notFound('No booking matches this PIN.')
    }
    if (booking.status === 'active') throw conflict('This booking is already checked in.')
    const { checkInGraceMinutes } = await getPlatformSettings(req)
    const now = new Date()
    const { doc } = await applyTransition<ParkingBookingDoc['status'], BookingRow>({
      req,
      collection: SLUG,
      id: booking.id,
      machine: parkingBookingMachine as never,
      action: 'check_in',
      input: { graceMinutes: checkInGraceMinutes, now: now.toISOString() },
      data: () => ({ checkedInAt: now.toISOString() }),
      after: async (updated) => {
        await notify(req, {
          user: idOf(updated.user)!,
          type: 'booking_status',
          title: { en: 'Checked in', ar: 'تم تسجيل الدخول' },
          message: { en: `You are checked in (booking #${updated.id}).`, ar: `تم تسجيل دخولك (الحجز رقم ${updated.id}).` },
          data: { booking: updated.id, status: 'active' },
        })
      },
    })
    return json(doc)
  },
}

/** `POST /api/parking-bookings/:id/check-out` (driver, spot owner or admin) → completed. */
export const checkOutEndpoint: Endpoint = {
  path: '/:id/check-out',
  method: 'post',
  handler: async (req) => {
    requireUser(req, { write: true })
    const id = routeId(req)
    assertVisible(req, await loadBooking(req, id))
    const now = new Date()
    const { doc } = await applyTransition<ParkingBookingDoc['status'], BookingRow>({
      req,
      collection: SLUG,
      id,
      machine: parkingBookingMachine as never,
      action: 'check_out',
      data: () => ({ checkedOutAt: now.toISOString() }),
    })
    return json(doc)
  },
}
