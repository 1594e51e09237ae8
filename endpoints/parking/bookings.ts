/**
 * Collection endpoints of `parking-bookings`: POST /api/parking-bookings, /validate, /:id/extend, /:id/cancel,
 * /:id/check-out. Thin: parse and authorize (defineEndpoint), run the operation (./operations/bookings.ts), respond.
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { PARKING_PAYMENT_METHODS } from '@/domain/parking'
import { date, id, oneOfOr, optRef, optStr, str } from '@/http/fields'
import { cancelParkingBooking, checkInParkingBooking, checkOutParkingBooking, createParkingBooking, extendParkingBooking } from './operations/bookings'

export const createBookingEndpoint = defineEndpoint({
  method: 'post',
  path: '/',
  summary: 'Book a slot of a spot for a time window (capacity-checked) → 201 with totalCost, qrCode and pin; payment "card" → unpaid, held until paid, with the PaymentIntent.',
  auth: 'write',
  status: 201,
  // Window rules (end after start, not in the past, at most 366 days) are the create hook's, for every create path.
  body: z.object({
    spot: id('spot'),
    vehicle: id('vehicle'),
    startTime: date('startTime'),
    endTime: date('endTime'),
    payment: oneOfOr('payment', PARKING_PAYMENT_METHODS, 'on_site'),
    user: z.unknown().optional(),
  }),
  run: ({ req, user, body }) => createParkingBooking(req, user, body),
})

export const extendEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/extend',
  summary: 'Move the end of a pending or active booking later (driver or admin); re-priced, capacity re-checked.',
  auth: 'write',
  body: z.object({ endTime: date('endTime') }),
  run: ({ req, user, id, body }) => extendParkingBooking(req, user, id, body.endTime),
})

export const cancelEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/cancel',
  summary: 'Cancel a pending booking (driver or admin); refund per the cancellation policy.',
  auth: 'write',
  body: z.object({ reason: optStr('reason', { max: 500 }) }),
  run: ({ req, user, id, body }) => cancelParkingBooking(req, user, id, body.reason),
})

/**
 * `{ qrCode }`, or `{ spot, pin }` when there is no QR code. The spot is a `ref()`: one the caller may not read (another
 * owner's inactive spot) is a 404 as an unknown one, never a 403 that tells it exists.
 */
const checkInCode = z.object({ qrCode: optStr('qrCode', { max: 100 }), spot: optRef('spot', 'parking-spots', { notFound: true }), pin: z.unknown().optional() }).transform((b, ctx) => {
  if (b.qrCode) return { qrCode: b.qrCode }
  const spot = id('spot').safeParse(b.spot)
  const pin = str('pin', { pattern: /^\d{4}$/, patternMessage: 'pin must be 4 digits.' }).safeParse(b.pin)
  if (!spot.success) ctx.addIssue({ code: 'custom', path: ['spot'], message: spot.error.issues[0].message })
  if (!pin.success) ctx.addIssue({ code: 'custom', path: ['pin'], message: pin.error.issues[0].message })
  return spot.success && pin.success ? { spot: spot.data, pin: pin.data } : z.NEVER
})

export const validateEndpoint = defineEndpoint({
  method: 'post',
  path: '/validate',
  summary: "Check a driver in with the booking's QR code, or the spot and PIN (the spot's owner or an admin).",
  auth: { roles: ['parking_owner', 'admin'] },
  body: checkInCode,
  run: ({ req, user, body }) => checkInParkingBooking(req, user, body),
})

export const checkOutEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/check-out',
  summary: 'Check out of an active booking (driver, spot owner or admin) → completed.',
  auth: 'write',
  run: ({ req, user, id }) => checkOutParkingBooking(req, user, id),
})
