/**
 * Parking bookings' own hooks: every create (REST, GraphQL, admin panel, Local API) is prepared here, under the
 * spot's lock.
 */
import { randomBytes, randomInt } from 'node:crypto'

import type { CollectionBeforeChangeHook } from 'payload'
import { z } from 'zod'

import { isAdminUser } from '@/access/roles'
import { findSpot, lockSpotForBooking, siteCurrency, takenPins } from '@/db/parking'
import { txOf } from '@/db/transaction'
import { idOf, sameId } from '@/domain/ids'
import { bookingCost, fits, MAX_BOOKING_MS, openingHoursRefusal, PAST_TOLERANCE_MS, peakOccupancy, pickPin, pinCandidates } from '@/domain/parking'
import { parkingBookingMachine } from '@/domain/parking/booking-machine'
import { date, id } from '@/http/fields'
import { conflict, currentUser, forbidden, invalidFields } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'
import { type PreparedRecipient, readRecipient } from '@/notifications/notify'
import type { ParkingBooking } from '@payload-types'

declare module 'payload' {
  interface RequestContext {
    /** Marks the parking operations' own updates of a booking (extend); the create path is the only one it concerns. */
    parkingInternal?: boolean
    /** Set by the booking operation when the driver pays by card: the booking starts `unpaid`, held until `dueBy`. */
    parkingCardPayment?: { dueBy: string }
    /** The spot owner's notification recipient, read with the spot lock (index.ts notifies them after the create). */
    parkingOwnerRecipient?: { owner: number; recipient: PreparedRecipient | null }
  }
}

/**
 * Every create (REST, GraphQL, admin panel, Local API) goes through here: validates the window, the spot, the
 * caller's vehicle and the opening hours; computes the price; then — under the spot's advisory lock, inside the
 * create's transaction — checks capacity per instant and writes the server-side fields (status, totalCost,
 * qrCode, pin…). Client values for those fields never reach this point (field access `create: never`).
 */
const bookingRefs = z.object({ spot: id('spot'), vehicle: id('vehicle') })
const bookingWindow = z.object({ startTime: date('startTime'), endTime: date('endTime') })

export const prepareBooking: CollectionBeforeChangeHook<ParkingBooking> = async ({ data, operation, req, context }) => {
  if (operation !== 'create') return data
  const actor = currentUser(req)
  const admin = isAdminUser(actor)
  // The raw create data: validated here for every path (REST, GraphQL, admin, Local API).
  const refs = bookingRefs.safeParse(data)
  const window = bookingWindow.safeParse(data)
  const errors = [refs, window].flatMap((r) => (r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))))
  const spotId = refs.data?.spot
  const vehicleId = refs.data?.vehicle
  const start = window.data?.startTime
  const end = window.data?.endTime
  if (start && end) {
    if (end.getTime() <= start.getTime()) errors.push({ path: 'endTime', message: 'endTime must be after startTime.' })
    if (start.getTime() < Date.now() - PAST_TOLERANCE_MS) errors.push({ path: 'startTime', message: 'startTime must not be in the past.' })
    if (end.getTime() - start.getTime() > MAX_BOOKING_MS) errors.push({ path: 'endTime', message: 'A booking may last at most 366 days.' })
  }
  if (errors.length) throw invalidFields(errors)
  const driver = (admin || !actor) && idOf(data.user) ? idOf(data.user)! : idOf(actor?.id)
  if (!driver) throw invalidFields([{ path: 'user', message: 'user is required.' }])

  // read together: one round trip (src/db/pool.ts), the transaction's `begin` with them
  const [spot, vehicle, currency] = await allSettledOrThrow([
    findSpot(req, spotId!, ['active', 'owner', 'openingHours', 'timezone', 'payOnSite', 'price', 'priceType', 'totalSlots']),
    req.payload.findByID({ collection: 'vehicles', id: vehicleId!, req, depth: 0, overrideAccess: true, select: { owner: true } }).catch(() => null),
    siteCurrency(req),
  ])
  if (!spot) throw invalidFields([{ path: 'spot', message: 'spot does not exist.' }])
  if (!spot.active) throw conflict('This parking spot is not accepting bookings.')
  if (!vehicle) throw invalidFields([{ path: 'vehicle', message: 'vehicle does not exist.' }])
  if (!sameId(vehicle.owner, driver)) throw forbidden('The vehicle must be one of your own vehicles.')
  const closed = openingHoursRefusal(spot.openingHours, start!, end!, spot.timezone || 'UTC')
  if (closed) throw invalidFields([{ path: closed.includes('start') ? 'startTime' : 'endTime', message: closed }])
  const card = context?.parkingCardPayment
  if (!card && spot.payOnSite === false) throw invalidFields([{ path: 'payment', message: 'This spot does not take payment on site: book with payment "card".' }])

  const totalCost = bookingCost(spot.price, spot.priceType, start!, end!)

  // The owner is told after the create, under the spot lock: what notify() reads of them is read here, in the same
  // write as the spot's lock and occupancy (src/db/pool.ts: issued together, sent together; no round trip of its
  // own), and handed to the afterChange hook on `req.context`.
  const owner = idOf(spot.owner)
  const told = owner && owner !== driver && !context?.seed ? owner : null
  const tx = await txOf(req)
  const random = () => randomInt(10_000)
  const [recipient, { items, freePins }] = await allSettledOrThrow([told ? readRecipient(req, told) : null, lockSpotForBooking(tx, spot.id, start!, end!, pinCandidates(random))])
  // Set after the read: each Local API read through `req` gives it a new context object.
  if (told) req.context.parkingOwnerRecipient = { owner: told, recipient }

  if (!fits(spot.totalSlots, items, start!, end!)) {
    throw conflict('The spot is full for this window.', { availableSlots: Math.max(0, spot.totalSlots - peakOccupancy(items, start!, end!)) })
  }
  // a random PIN no holding booking of the spot uses; only when all the candidates are taken are the spot's PINs read
  const pin = freePins[0] ?? pickPin(await takenPins(tx, spot.id), random)
  if (!pin) throw conflict('Every PIN of this spot is held by another booking: no more bookings can be taken until some end.')
  return {
    ...data,
    user: driver,
    spot: spot.id,
    spotOwner: idOf(spot.owner),
    vehicle: vehicleId,
    startTime: start!.toISOString(),
    endTime: end!.toISOString(),
    status: parkingBookingMachine.initial,
    totalCost,
    currency,
    unitPrice: spot.price,
    priceType: spot.priceType,
    qrCode: randomBytes(18).toString('base64url'),
    pin,
    // Card bookings (and trusted callers with overrideAccess) start unpaid; the Stripe webhook marks them paid.
    paymentStatus: card || data.paymentStatus === 'unpaid' ? 'unpaid' : 'pay_on_site',
    paymentDueBy: card ? card.dueBy : null,
    refundAmount: 0,
  }
}
