/**
 * Parking jobs, scheduled every minute. The logic is in exported functions taking `(payload, now)` so tests
 * pass a time instead of faking the clock. Each booking is handled in its own transaction (row-locked by
 * applyTransition, or claimed with a conditional UPDATE), so two workers never act twice on one booking.
 */
import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { claimReminder } from '@/db/parking'
import { withTransaction } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { parkingBookingMachine, type ParkingBookingStatus } from '@/domain/parking/booking-machine'
import { HttpError } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import type { BookingDoc } from './operations/bookings'
import { releaseUnpaidBookings } from './operations/payments'

export { releaseUnpaidBookings }

const SLUG = 'parking-bookings'
const BATCH = 200

async function systemReq(payload: Payload): Promise<PayloadRequest> {
  return (await createLocalReq({}, payload)) as PayloadRequest
}

async function due(payload: Payload, status: 'pending' | 'active', now: Date): Promise<{ id: number }[]> {
  const res = await payload.find({
    collection: SLUG,
    where: { and: [{ status: { equals: status } }, { endTime: { less_than_equal: now.toISOString() } }] },
    sort: 'endTime',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
    // the id always comes back; one small column besides it
    select: { endTime: true },
  })
  return res.docs
}

/** A 409 means another worker (or the driver) changed the booking first: skip it. */
const skipConflicts = (err: unknown) => {
  if (err instanceof HttpError && (err.status === 409 || err.status === 404)) return false
  throw err
}

/** Pending bookings whose window is over (never checked in) → cancelled, reason `no_show`, no refund. */
export async function markNoShows(payload: Payload, now: Date = new Date()): Promise<number> {
  let count = 0
  for (const { id } of await due(payload, 'pending', now)) {
    const req = await systemReq(payload)
    const done = await applyTransition<ParkingBookingStatus, BookingDoc>({
      req,
      collection: SLUG,
      id,
      machine: parkingBookingMachine,
      action: 'no_show',
      system: true,
      input: { now: now.toISOString() },
      data: () => ({ cancellationReason: 'no_show', refundAmount: 0, cancelledAt: now.toISOString() }),
      after: async (doc) => {
        const driver = idOf(doc.user)
        if (!driver) return
        await notify(req, {
          user: driver,
          type: 'booking_status',
          title: { en: 'Parking booking missed', ar: 'تم تفويت حجز الموقف' },
          message: { en: `You did not check in for booking #${doc.id}; it was cancelled without refund.`, ar: `لم تسجل الدخول للحجز رقم ${doc.id}؛ تم إلغاؤه دون استرداد.` },
          data: { booking: doc.id, status: 'cancelled', reason: 'no_show' },
        })
      },
    }).then(() => true, skipConflicts)
    if (done) count++
  }
  return count
}

/** Active bookings still checked in after their end → completed (checked out by the system). */
export async function completeOverstays(payload: Payload, now: Date = new Date()): Promise<number> {
  let count = 0
  for (const { id } of await due(payload, 'active', now)) {
    const req = await systemReq(payload)
    const done = await applyTransition<ParkingBookingStatus, BookingDoc>({
      req,
      collection: SLUG,
      id,
      machine: parkingBookingMachine,
      action: 'complete_overstay',
      system: true,
      input: { now: now.toISOString() },
      data: () => ({ checkedOutAt: now.toISOString() }),
    }).then(() => true, skipConflicts)
    if (done) count++
  }
  return count
}

/** One reminder (`booking_reminder`) per pending booking starting within the next hour; claimed atomically. */
export async function sendReminders(payload: Payload, now: Date = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + 3_600_000)
  const res = await payload.find({
    collection: SLUG,
    where: {
      and: [{ status: { equals: 'pending' } }, { reminderSentAt: { exists: false } }, { startTime: { greater_than: now.toISOString() } }, { startTime: { less_than_equal: horizon.toISOString() } }],
    },
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
  })
  let count = 0
  for (const b of res.docs) {
    const req = await systemReq(payload)
    const driver = idOf(b.user)
    const sent = await withTransaction(req, async (tx) => {
      if (!(await claimReminder(tx, b.id, now)) || !driver) return false
      const minutes = Math.max(1, Math.round((new Date(b.startTime).getTime() - now.getTime()) / 60_000))
      await notify(req, {
        user: driver,
        type: 'booking_reminder',
        title: { en: 'Your parking starts soon', ar: 'موعد موقفك قريب' },
        message: { en: `Your parking booking #${b.id} starts in ${minutes} minutes.`, ar: `يبدأ حجز موقفك رقم ${b.id} خلال ${minutes} دقيقة.` },
        data: { booking: b.id, startTime: b.startTime },
      })
      return true
    })
    if (sent) count++
  }
  return count
}

const everyMinute = [{ cron: '* * * * *', queue: 'default' }]
const countOutput = [{ name: 'count', type: 'number' as const }]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const parkingTasks: TaskConfig<any>[] = [
  {
    slug: 'parking-no-shows',
    schedule: everyMinute,
    outputSchema: countOutput,
    handler: async ({ req }) => ({ output: { count: await markNoShows(req.payload, new Date()) } }),
  },
  {
    slug: 'parking-overstays',
    schedule: everyMinute,
    outputSchema: countOutput,
    handler: async ({ req }) => ({ output: { count: await completeOverstays(req.payload, new Date()) } }),
  },
  {
    slug: 'parking-payment-holds',
    schedule: everyMinute,
    outputSchema: countOutput,
    handler: async ({ req }) => ({ output: { count: await releaseUnpaidBookings(req.payload, new Date()) } }),
  },
  {
    slug: 'parking-reminders',
    schedule: everyMinute,
    outputSchema: countOutput,
    handler: async ({ req }) => ({ output: { count: await sendReminders(req.payload, new Date()) } }),
  },
]
