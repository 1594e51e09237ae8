/**
 * The services domain on socket.io (docs/source-systems.md, car services):
 * - who may join room `booking:<id>`: the customer, an admin, the assigned technician, or a guest holding the
 *   booking's token (`io(url, { auth: { guestToken } })`);
 * - `update-location { bookingId, latitude, longitude }` from the technician app: the same operation as
 *   `POST /api/service-bookings/:id/location` (the customer's room gets `booking:location-update` with `eta`),
 *   rate-limited per technician (`SOCKET_LOCATION_PER_MINUTE`).
 * Registered when this module is imported (the services plugin imports it, so it registers at config load).
 */
import { createLocalReq } from 'payload'

import { assertCanWrite, badRequest, HttpError, unauthorized } from '@/lib/http'
import { env } from '@/lib/env'
import { socketRateLimit } from '@/realtime/rate-limit'
import { registerRoomAuthorizer, registerSocketHandler, type SocketEventRequest } from '@/realtime/rooms'

import { BOOKINGS, viewerOf } from '@hooks/services/bookings'

import { reportLocation } from './operations/bookings'

export async function authorizeBookingRoom({ payload, user, guestToken, id }: Parameters<Parameters<typeof registerRoomAuthorizer>[1]>[0]): Promise<boolean> {
  const bookingId = Number(id)
  if (!Number.isInteger(bookingId) || bookingId <= 0) return false
  if (!user && !guestToken) return false
  const booking = await payload.findByID({ collection: BOOKINGS, id: bookingId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!booking) return false
  return viewerOf(booking, user, guestToken) !== null
}

/** One window per technician (keyed by user id), shared by all of their sockets on this instance. */
export const locationRateLimit = socketRateLimit(() => env.socketLocationPerMinute)

const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max

/** `update-location` → `{ bookingId, location, eta, etaMinutes, distanceKm }` (or `{ ok: false, status, error }`). */
export async function updateLocationFromSocket({ payload, user, message }: SocketEventRequest) {
  if (!user) throw unauthorized()
  assertCanWrite(user)
  const m = (message ?? {}) as { bookingId?: unknown; latitude?: unknown; longitude?: unknown }
  const bookingId = Number(m.bookingId)
  const errors: { path: string; message: string }[] = []
  if (!Number.isInteger(bookingId) || bookingId <= 0) errors.push({ path: 'bookingId', message: 'bookingId must be a booking id.' })
  if (!inRange(m.latitude, -90, 90)) errors.push({ path: 'latitude', message: 'latitude must be a number between -90 and 90.' })
  if (!inRange(m.longitude, -180, 180)) errors.push({ path: 'longitude', message: 'longitude must be a number between -180 and 180.' })
  if (errors.length) throw badRequest('Invalid location update.', { errors })
  const allowed = locationRateLimit.take(String(user.id))
  if (!allowed.ok) throw new HttpError(429, 'Too many location updates.', { retryAfterMs: allowed.retryAfterMs })
  const req = await createLocalReq({}, payload)
  return reportLocation(req, user, bookingId, { latitude: m.latitude as number, longitude: m.longitude as number })
}

registerRoomAuthorizer('booking', authorizeBookingRoom)
registerSocketHandler('update-location', updateLocationFromSocket)
