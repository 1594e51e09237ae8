/**
 * Parking live updates over socket.io (docs/parking.md, "Live updates"). After a booking is made, moved, cancelled,
 * checked in or out, and after an availability block changes:
 * - room `spot:<id>` (anyone who may see the spot) gets `spot:availability-update` `{ spotId, totalSlots,
 *   availableNow, window: { start, end, availableSlots } }` (the window of the change), and `spot:booking-update`
 *   `{ spotId, bookingId, status, startTime, endTime }` (no personal data);
 * - room `parking-booking:<id>` (driver, spot owner, admin) gets `booking:status-update` like the car-services
 *   booking room: `{ bookingId, status, previousStatus, message, timestamp }`.
 * Figures are read inside the writing transaction; the emits leave once it has committed (emitToRoom).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { findSpot, occupanciesBySpot } from '@/db/parking'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { availableSlots, liveFigureWindows } from '@/domain/parking'
import { allSettledOrThrow } from '@/lib/settle'
import { emitToRoom } from '@/realtime/bus'
import type { AvailabilityBlock, ParkingBooking } from '@payload-types'

export const spotRoom = (spotId: number | string) => `spot:${spotId}`
export const parkingBookingRoom = (bookingId: number | string) => `parking-booking:${bookingId}`

const STATUS_MESSAGES: Record<string, string> = {
  pending: 'Your parking slot is booked.',
  active: 'You are checked in.',
  completed: 'You are checked out. Thank you!',
  cancelled: 'Your parking booking was cancelled.',
}

/** Emits the spot's free-slot figures for [start, end) and for now. */
export async function emitSpotAvailability(req: PayloadRequest, spotId: number, start: Date, end: Date): Promise<void> {
  const now = new Date()
  const nowEnd = new Date(now.getTime() + 60_000)
  // read together: one round trip (src/db/pool.ts)
  const tx = await txOf(req)
  const [spot, ...occupied] = await allSettledOrThrow([
    findSpot(req, spotId, ['totalSlots']),
    ...liveFigureWindows(start, end, now, nowEnd).map(([from, to]) => occupanciesBySpot(tx, [spotId], from, to)),
  ])
  if (!spot) return
  // each figure from the read covering its window (one read may cover both; a booking spanning both windows is in both)
  const itemsNow = occupied[0].get(spotId) ?? []
  const itemsWindow = occupied[occupied.length - 1].get(spotId) ?? []
  emitToRoom(spotRoom(spotId), 'spot:availability-update', {
    spotId,
    totalSlots: spot.totalSlots,
    availableNow: availableSlots(spot.totalSlots, itemsNow, now, nowEnd),
    window: { start: start.toISOString(), end: end.toISOString(), availableSlots: availableSlots(spot.totalSlots, itemsWindow, start, end) },
    timestamp: now.toISOString(),
  })
}

export const parkingBookingLive: CollectionAfterChangeHook<ParkingBooking> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context?.seed) return doc
  const statusChanged = operation === 'create' || previousDoc?.status !== doc.status
  const moved = operation === 'update' && previousDoc?.endTime !== doc.endTime
  if (!statusChanged && !moved) return doc
  const spotId = idOf(doc.spot)
  if (!spotId) return doc
  const start = new Date(doc.startTime)
  const end = new Date(Math.max(Date.parse(doc.endTime), Date.parse(previousDoc?.endTime ?? doc.endTime)))
  await emitSpotAvailability(req, spotId, start, end)
  const timestamp = new Date().toISOString()
  emitToRoom(spotRoom(spotId), 'spot:booking-update', { spotId, bookingId: doc.id, status: doc.status, startTime: doc.startTime, endTime: doc.endTime, timestamp })
  emitToRoom(parkingBookingRoom(doc.id), 'booking:status-update', {
    bookingId: doc.id,
    spotId,
    status: doc.status,
    previousStatus: operation === 'create' ? null : (previousDoc?.status ?? null),
    endTime: doc.endTime,
    totalCost: doc.totalCost,
    message: moved && !statusChanged ? 'Your parking booking was extended.' : (STATUS_MESSAGES[doc.status ?? ''] ?? String(doc.status)),
    timestamp,
  })
  return doc
}

const blockWindow = (b: Pick<AvailabilityBlock, 'startTime' | 'endTime'>): [Date, Date] => {
  const start = new Date(b.startTime)
  // an open-ended block: report the next day
  const end = b.endTime ? new Date(b.endTime) : new Date(start.getTime() + 86_400_000)
  return [start, end]
}

export const availabilityBlockLive: CollectionAfterChangeHook<AvailabilityBlock> = async ({ doc, req, context }) => {
  if (context?.seed) return doc
  const spotId = idOf(doc.spot)
  if (spotId) await emitSpotAvailability(req, spotId, ...blockWindow(doc))
  return doc
}

export const availabilityBlockRemoved: CollectionAfterDeleteHook<AvailabilityBlock> = async ({ doc, req }) => {
  const spotId = idOf(doc.spot)
  if (spotId) await emitSpotAvailability(req, spotId, ...blockWindow(doc))
  return doc
}
