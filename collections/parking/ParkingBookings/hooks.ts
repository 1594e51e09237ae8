/**
 * Parking bookings' own hooks: every create (REST, GraphQL, admin panel, Local API) is prepared here, under the
 * spot's lock.
 */
import { randomBytes, randomInt } from 'node:crypto'

import type { CollectionBeforeChangeHook } from 'payload'

import { isAdminUser } from '@/access/roles'
import { findSpot, idOf, lockSpot, occupancies, siteCurrency } from '@/db/parking'
import { sql, txOf } from '@/db/transaction'
import { bookingCost, fits, openingHoursRefusal, peakOccupancy, pickPin } from '@/domain/parking'
import { parkingBookingMachine } from '@/domain/parking/booking-machine'
import { assertValid, conflict, currentUser, forbidden, invalidFields } from '@/lib/http'
import { Input } from '@/lib/validate'

/** Clock skew tolerated for "start in the past". */
export const PAST_TOLERANCE_MS = 60_000
export const MAX_BOOKING_MS = 366 * 86_400_000


/** Context flag for internal updates (extend) that bypass nothing but the create path. */
export const PARKING_CONTEXT = 'parkingInternal'

/**
 * Every create (REST, GraphQL, admin panel, Local API) goes through here: validates the window, the spot, the
 * caller's vehicle and the opening hours; computes the price; then — under the spot's advisory lock, inside the
 * create's transaction — checks capacity per instant and writes the server-side fields (status, totalCost,
 * qrCode, pin…). Client values for those fields never reach this point (field access `create: never`).
 */
export const prepareBooking: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const actor = currentUser(req)
  const admin = isAdminUser(actor)
  const input = new Input(data as Record<string, unknown>)
  const spotId = input.id('spot')
  const vehicleId = input.id('vehicle')
  const start = input.date('startTime', { required: true })
  const end = input.date('endTime', { required: true })
  if (start && end) {
    input.check(end.getTime() > start.getTime(), 'endTime', 'endTime must be after startTime.')
    input.check(start.getTime() >= Date.now() - PAST_TOLERANCE_MS, 'startTime', 'startTime must not be in the past.')
    input.check(end.getTime() - start.getTime() <= MAX_BOOKING_MS, 'endTime', 'A booking may last at most 366 days.')
  }
  assertValid(input)
  const driver = (admin || !actor) && idOf(data.user) ? idOf(data.user)! : idOf(actor?.id)
  if (!driver) throw invalidFields([{ path: 'user', message: 'user is required.' }])

  const spot = await findSpot(req, spotId!)
  if (!spot) throw invalidFields([{ path: 'spot', message: 'spot does not exist.' }])
  if (!spot.active) throw conflict('This parking spot is not accepting bookings.')
  const vehicle = (await req.payload
    .findByID({ collection: 'vehicles', id: vehicleId!, req, depth: 0, overrideAccess: true })
    .catch(() => null)) as { owner?: unknown } | null
  if (!vehicle) throw invalidFields([{ path: 'vehicle', message: 'vehicle does not exist.' }])
  if (String(idOf(vehicle.owner)) !== String(driver)) throw forbidden('The vehicle must be one of your own vehicles.')
  const closed = openingHoursRefusal(spot.openingHours, start!, end!, spot.timezone || 'UTC')
  if (closed) throw invalidFields([{ path: closed.includes('start') ? 'startTime' : 'endTime', message: closed }])

  const totalCost = bookingCost(spot.price, spot.priceType, start!, end!)
  const currency = await siteCurrency(req)

  const tx = await txOf(req)
  await lockSpot(tx, spot.id)
  const items = await occupancies(tx, spot.id, start!, end!)
  if (!fits(spot.totalSlots, items, start!, end!)) {
    throw conflict('The spot is full for this window.', { availableSlots: Math.max(0, spot.totalSlots - peakOccupancy(items, start!, end!)) })
  }
  const taken = await tx.execute(sql`select pin from parking_bookings where spot_id = ${spot.id} and status in ('pending', 'active')`)
  const pin = pickPin(new Set(taken.rows.map((r) => String(r.pin))), () => randomInt(10_000))
  const requestedPayment = (data as { paymentStatus?: string }).paymentStatus
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
    // Trusted callers (the commerce card path, with overrideAccess) may start a booking as unpaid.
    paymentStatus: requestedPayment === 'unpaid' ? 'unpaid' : 'pay_on_site',
    refundAmount: 0,
  }
}
