/**
 * Parking booking workflow: pending (booked) → active (checked in) → completed; pending → cancelled.
 * Pure: no Payload import. Endpoints in collections/parking/ParkingBookings/index.ts, jobs in endpoints/parking/jobs.ts.
 */
import { idKey } from '@/domain/ids'
import { checkInRefusal, ms } from '@/domain/parking'

import { defineMachine } from '../../workflows/engine'

export const PARKING_BOOKING_STATUSES = ['pending', 'active', 'completed', 'cancelled'] as const
export type ParkingBookingStatus = (typeof PARKING_BOOKING_STATUSES)[number]

/** Statuses that hold a slot (count against capacity). */
export const HOLDING_STATUSES: readonly ParkingBookingStatus[] = ['pending', 'active']

export interface ParkingBookingDoc {
  status: ParkingBookingStatus
  user?: unknown
  spotOwner?: unknown
  startTime: string
  endTime: string
  [key: string]: unknown
}

/** Why an unpaid card booking may not be released (yet), or null: it must still be unpaid and past its payment deadline. */
export function unpaidHoldRefusal(doc: Record<string, unknown>, now: number): string | null {
  if (doc.paymentStatus !== 'unpaid') return 'The booking is not waiting for a card payment.'
  if (!doc.paymentDueBy || now < ms(doc.paymentDueBy as string)) return 'The payment hold has not run out yet.'
  return null
}

/** `input.now` (ISO) lets jobs and tests decide at a given time; otherwise the real clock. */
const nowOf = (ctx: { now: Date; input?: Record<string, unknown> }): number => (ctx.input?.now ? ms(ctx.input.now as string) : ctx.now.getTime())

export const parkingBookingMachine = defineMachine<ParkingBookingStatus, ParkingBookingDoc>({
  name: 'parking booking',
  field: 'status',
  states: PARKING_BOOKING_STATUSES,
  initial: 'pending',
  terminal: ['completed', 'cancelled'],
  // Every move carries effects (refund, timestamps, notifications) that only its action or job runs: an admin
  // `PATCH {status}` is refused with 409 naming the action.
  actionsOnly: { via: 'POST /api/parking-bookings/:id/{action}' },
  relations: (doc, actor) => {
    const r: string[] = []
    if (idKey(doc.user) === String(actor.id)) r.push('driver')
    if (idKey(doc.spotOwner) === String(actor.id)) r.push('spot_owner')
    return r
  },
  transitions: [
    {
      action: 'check_in',
      from: ['pending'],
      to: 'active',
      by: ['spot_owner', 'admin'],
      description: 'POST /validate with the QR code or spot + PIN, within [start − checkInGraceMinutes, end].',
      via: 'POST /api/parking-bookings/validate',
      effects: 'Checking a driver in checks the QR code or PIN, stamps checkedInAt and notifies the driver',
      guard: (ctx) => {
        const grace = Number(ctx.input?.graceMinutes ?? 15)
        return checkInRefusal(ctx.doc.startTime, ctx.doc.endTime, nowOf(ctx), grace)
      },
    },
    {
      action: 'check_out',
      from: ['active'],
      to: 'completed',
      by: ['driver', 'spot_owner', 'admin'],
      description: 'POST /:id/check-out.',
      via: 'POST /api/parking-bookings/:id/check-out',
      effects: 'Checking out stamps checkedOutAt',
    },
    {
      action: 'cancel',
      from: ['pending'],
      to: 'cancelled',
      by: ['driver', 'admin'],
      description: 'POST /:id/cancel; refund per the platform cancellation policy.',
      effects: 'Cancelling a parking booking computes its refund (refundAmount, payment status) and notifies the spot owner',
      guard: (ctx) => (nowOf(ctx) > ms(ctx.doc.endTime) ? 'The booking window is over.' : null),
    },
    {
      action: 'no_show',
      from: ['pending'],
      to: 'cancelled',
      by: ['system'],
      description: 'Job: never checked in by the end of the window; cancellationReason no_show, no refund.',
      via: 'the parking-no-shows job',
      effects: 'Marking a no-show records the reason and notifies the driver',
      guard: (ctx) => (nowOf(ctx) >= ms(ctx.doc.endTime) ? null : 'The booking window is not over yet.'),
    },
    {
      action: 'release_unpaid',
      from: ['pending'],
      to: 'cancelled',
      by: ['system'],
      description: 'Job: booked with card payment and still unpaid when the hold (paymentHoldMinutes) ran out; the slot is free again.',
      via: 'the parking-payment-holds job',
      effects: 'Releasing an unpaid booking cancels its open PaymentIntent, records the reason payment_expired and notifies the driver',
      guard: (ctx) => unpaidHoldRefusal(ctx.doc, nowOf(ctx)),
    },
    {
      action: 'complete_overstay',
      from: ['active'],
      to: 'completed',
      by: ['system'],
      description: 'Job: still checked in after the end of the window.',
      via: 'the parking-overstays job',
      effects: 'Completing an overstay stamps checkedOutAt',
      guard: (ctx) => (nowOf(ctx) >= ms(ctx.doc.endTime) ? null : 'The booking window is not over yet.'),
    },
  ],
})
