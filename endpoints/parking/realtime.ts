/**
 * Who may join the parking socket.io rooms (docs/parking.md, "Live updates"):
 * - `spot:<id>` — anyone (signed in or not) who may see the spot: an active spot, or its owner and admins;
 * - `parking-booking:<id>` — the driver, the spot's owner, or an admin.
 * Registered when this module is imported (the parking plugin imports it, so it registers at config load).
 */
import { isAdminUser } from '@/access/roles'
import { findSpot, isSpotOwnerOrAdmin } from '@/db/parking'
import { sameId } from '@/domain/ids'
import { registerRoomAuthorizer, type RoomRequest } from '@/realtime/rooms'
import { createLocalReq } from 'payload'

const positiveId = (id: string): number | null => {
  const n = Number(id)
  return Number.isInteger(n) && n > 0 ? n : null
}

export async function authorizeSpotRoom({ payload, user, id }: RoomRequest): Promise<boolean> {
  const spotId = positiveId(id)
  if (!spotId) return false
  const spot = await findSpot(await createLocalReq({}, payload), spotId)
  return Boolean(spot && (spot.active || isSpotOwnerOrAdmin(user, spot)))
}

export async function authorizeParkingBookingRoom({ payload, user, id }: RoomRequest): Promise<boolean> {
  const bookingId = positiveId(id)
  if (!bookingId || !user) return false
  const b = await payload.findByID({ collection: 'parking-bookings', id: bookingId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!b) return false
  return isAdminUser(user) || sameId(b.user, user.id) || sameId(b.spotOwner, user.id)
}

registerRoomAuthorizer('spot', authorizeSpotRoom)
registerRoomAuthorizer('parking-booking', authorizeParkingBookingRoom)
