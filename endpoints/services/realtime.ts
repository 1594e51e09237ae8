/**
 * Who may join socket.io room `booking:<id>`: the customer, an admin, the assigned technician, or a guest
 * holding the booking's token (`io(url, { auth: { guestToken } })`). Registered when this module is imported
 * (the services plugin, collections/services/plugin.ts, imports it, so it registers at config load).
 */
import { registerRoomAuthorizer } from '@/realtime/rooms'

import { BOOKINGS, viewerOf } from '@hooks/services/bookings'

export async function authorizeBookingRoom({ payload, user, guestToken, id }: Parameters<Parameters<typeof registerRoomAuthorizer>[1]>[0]): Promise<boolean> {
  const bookingId = Number(id)
  if (!Number.isInteger(bookingId) || bookingId <= 0) return false
  if (!user && !guestToken) return false
  const booking = await payload.findByID({ collection: BOOKINGS, id: bookingId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!booking) return false
  return viewerOf(booking, user, guestToken) !== null
}

registerRoomAuthorizer('booking', authorizeBookingRoom)
