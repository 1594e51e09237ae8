/**
 * The payment side of parking bookings: what the Stripe webhook does to a booking (paid; a payment that arrives
 * after the booking was cancelled or released is refunded in full at once; refunds made elsewhere are followed),
 * the refund a cancellation owes, and the release of card bookings left unpaid past their hold. Payments
 * themselves live in the commerce ledger (endpoints/commerce/operations/ledger.ts); the webhook runs these
 * handlers inside its transaction with the booking row locked first (target, then payments).
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { idOf } from '@/domain/ids'
import { paymentStatusAfterRefund } from '@/domain/commerce'
import { parkingBookingMachine, type ParkingBookingStatus } from '@/domain/parking/booking-machine'
import { HttpError } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { onPaymentEvent, paidTotalsOf, refundPayment, settleCancelledTarget, type TargetRef } from '@endpoints/commerce/operations/ledger'
import type { ParkingBooking } from '@payload-types'

const SLUG = 'parking-bookings'
const BATCH = 200

type BookingRow = ParkingBooking & { status: ParkingBookingStatus; startTime: string; endTime: string; [key: string]: unknown }

const targetOf = (id: number): TargetRef => ({ relationTo: SLUG, value: id })

async function load(req: PayloadRequest, id: number): Promise<ParkingBooking | null> {
  return req.payload.findByID({ collection: SLUG, id, req, depth: 0, overrideAccess: true, disableErrors: true })
}

async function save(req: PayloadRequest, id: number, data: Partial<ParkingBooking>): Promise<ParkingBooking> {
  return req.payload.update({ collection: SLUG, id, req, depth: 0, overrideAccess: true, data, context: { parkingInternal: true } })
}

async function tellDriver(req: PayloadRequest, b: ParkingBooking, en: { title: string; message: string }, ar: { title: string; message: string }, data: Record<string, unknown>) {
  const driver = idOf(b.user)
  if (!driver) return
  await notify(req, { user: driver, type: 'payment', title: { en: en.title, ar: ar.title }, message: { en: en.message, ar: ar.message }, data: { booking: b.id, ...data } })
}

// ---------------------------------------------------------------- webhook handlers

onPaymentEvent(SLUG, 'succeeded', async (req, payment, target) => {
  const b = await load(req, target.value)
  if (!b) return
  if (b.status !== 'cancelled') {
    const updated = await save(req, b.id, { paymentStatus: 'paid', paymentDueBy: null })
    await tellDriver(
      req,
      updated,
      { title: 'Parking paid', message: `Your payment of ${payment.amount.toFixed(2)} ${payment.currency} for booking #${b.id} was received.` },
      { title: 'تم دفع الموقف', message: `تم استلام دفعتك للحجز رقم ${b.id}.` },
      { payment: payment.id, paymentStatus: 'paid' },
    )
    return
  }
  // The money arrived for a booking that no longer holds a slot: all of it goes back.
  await refundPayment(req, payment.id, { reason: 'The booking was cancelled before the payment arrived.' })
  const totals = await paidTotalsOf(req, targetOf(b.id))
  const updated = await save(req, b.id, { paymentStatus: paymentStatusAfterRefund(totals.paid, totals.refunded), refundAmount: totals.refunded })
  await tellDriver(
    req,
    updated,
    { title: 'Payment refunded', message: `Booking #${b.id} was already cancelled: your payment of ${payment.amount.toFixed(2)} ${payment.currency} is refunded.` },
    { title: 'تم استرداد الدفعة', message: `الحجز رقم ${b.id} ملغى: تم استرداد دفعتك.` },
    { payment: payment.id, paymentStatus: updated.paymentStatus },
  )
})

/** A refund recorded on the ledger (admin refund, or one made in Stripe's dashboard): the booking follows. */
onPaymentEvent(SLUG, 'refunded', async (req, _payment, target) => {
  const b = await load(req, target.value)
  if (!b) return
  const totals = await paidTotalsOf(req, targetOf(b.id))
  if (!(totals.paid > 0)) return
  await save(req, b.id, { paymentStatus: paymentStatusAfterRefund(totals.paid, totals.refunded), refundAmount: totals.refunded })
})

// ---------------------------------------------------------------- cancellation

/**
 * Inside the cancel transition (booking row locked): refunds `refundAmount` of what was paid through Stripe and
 * cancels any open PaymentIntent, so no money can be taken for the released slot. Returns what was refunded.
 */
export async function settleParkingCancellation(req: PayloadRequest, bookingId: number, refundAmount: number, reason: string): Promise<{ paid: number; refunded: number }> {
  return settleCancelledTarget(req, targetOf(bookingId), refundAmount, reason)
}

// ---------------------------------------------------------------- unpaid holds

const skipConflicts = (err: unknown) => {
  if (err instanceof HttpError && (err.status === 409 || err.status === 404)) return false
  throw err
}

/**
 * Card bookings still unpaid when their hold (`paymentHoldMinutes`) ran out → cancelled (`payment_expired`), the
 * open PaymentIntent cancelled, the driver told; the slot counts as free again. Each booking in its own
 * transaction; the transition's guard re-checks "still unpaid" on the locked row, so a payment that won the race
 * keeps its booking.
 */
export async function releaseUnpaidBookings(payload: Payload, now: Date = new Date()): Promise<number> {
  const res = await payload.find({
    collection: SLUG,
    where: { and: [{ status: { equals: 'pending' } }, { paymentStatus: { equals: 'unpaid' } }, { paymentDueBy: { less_than_equal: now.toISOString() } }] },
    sort: 'paymentDueBy',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
    select: { paymentDueBy: true },
  })
  let count = 0
  for (const { id } of res.docs) {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const done = await applyTransition<ParkingBookingStatus, BookingRow>({
      req,
      collection: SLUG,
      id,
      machine: parkingBookingMachine,
      action: 'release_unpaid',
      system: true,
      input: { now: now.toISOString() },
      data: () => ({ cancellationReason: 'payment_expired', refundAmount: 0, cancelledAt: now.toISOString() }),
      after: async (doc) => {
        await settleCancelledTarget(req, targetOf(doc.id), 0, 'The booking was not paid in time.')
        await tellDriver(
          req,
          doc,
          { title: 'Parking booking released', message: `Booking #${doc.id} was not paid in time and was released.` },
          { title: 'تم إلغاء حجز الموقف', message: `لم يتم دفع الحجز رقم ${doc.id} في الوقت المحدد فتم إلغاؤه.` },
          { status: 'cancelled', reason: 'payment_expired' },
        )
      },
    }).then(() => true, skipConflicts)
    if (done) count++
  }
  return count
}
