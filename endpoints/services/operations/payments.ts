/**
 * The payment side of service bookings: paid by card once approved (`POST /api/payments/intent` with the server's
 * final `pricing.total`, discounts applied), marked paid by the Stripe webhook; a cancellation refunds what was
 * paid; a payment that arrives for a cancelled or rejected booking is refunded in full at once; refunds made
 * elsewhere (admin refund, Stripe dashboard) are followed. The ledger is commerce's
 * (endpoints/commerce/operations/ledger.ts); the webhook runs these handlers with the booking row locked first.
 */
import type { PayloadRequest } from 'payload'

import { idOf } from '@/domain/ids'
import { paymentStatusAfterRefund } from '@/domain/commerce'
import { notify } from '@/notifications/notify'
import { onPaymentEvent, paidTotalsOf, refundPayment, settleCancelledTarget, type TargetRef } from '@endpoints/commerce/operations/ledger'
import type { ServiceBooking } from '@payload-types'

const SLUG = 'service-bookings'
const targetOf = (id: number): TargetRef => ({ relationTo: SLUG, value: id })

async function load(req: PayloadRequest, id: number): Promise<ServiceBooking | null> {
  return req.payload.findByID({ collection: SLUG, id, req, depth: 0, overrideAccess: true, disableErrors: true })
}

const save = (req: PayloadRequest, id: number, data: Partial<ServiceBooking>) => req.payload.update({ collection: SLUG, id, req, depth: 0, overrideAccess: true, data })

/** The booking's payment status from its ledger totals. */
async function followLedger(req: PayloadRequest, id: number): Promise<ServiceBooking | null> {
  const totals = await paidTotalsOf(req, targetOf(id))
  if (!(totals.paid > 0)) return null
  return save(req, id, { paymentStatus: paymentStatusAfterRefund(totals.paid, totals.refunded) })
}

onPaymentEvent(SLUG, 'succeeded', async (req, payment, target) => {
  const b = await load(req, target.value)
  if (!b) return
  const customer = idOf(b.customer)
  if (b.status !== 'cancelled' && b.status !== 'rejected') {
    await save(req, b.id, { paymentStatus: 'paid' })
    if (customer) {
      await notify(req, {
        user: customer,
        type: 'payment',
        title: { en: 'Service paid', ar: 'تم دفع الخدمة' },
        message: { en: `Your payment of ${payment.amount.toFixed(2)} ${payment.currency} for booking ${b.bookingNumber} was received.`, ar: `تم استلام دفعتك للحجز ${b.bookingNumber}.` },
        data: { booking: b.id, payment: payment.id },
      })
    }
    return
  }
  await refundPayment(req, payment.id, { reason: `The booking was ${b.status} before the payment arrived.` })
  await followLedger(req, b.id)
  if (customer) {
    await notify(req, {
      user: customer,
      type: 'payment',
      title: { en: 'Payment refunded', ar: 'تم استرداد الدفعة' },
      message: { en: `Booking ${b.bookingNumber} is ${b.status}: your payment is refunded.`, ar: `الحجز ${b.bookingNumber} ملغى: تم استرداد دفعتك.` },
      data: { booking: b.id, payment: payment.id },
    })
  }
})

onPaymentEvent(SLUG, 'failed', async (req, _payment, target) => {
  const b = await load(req, target.value)
  if (b && b.paymentStatus === 'pending') await save(req, b.id, { paymentStatus: 'failed' })
})

onPaymentEvent(SLUG, 'refunded', async (req, _payment, target) => {
  await followLedger(req, target.value)
})

/**
 * Inside the cancel transition (booking row locked): refunds everything paid through Stripe and cancels any open
 * PaymentIntent. Returns the refunded amount.
 */
export async function settleServiceCancellation(req: PayloadRequest, bookingId: number): Promise<number> {
  const { paid } = await paidTotalsOf(req, targetOf(bookingId))
  const { refunded } = await settleCancelledTarget(req, targetOf(bookingId), paid, 'Service booking cancelled.')
  if (refunded > 0) await followLedger(req, bookingId)
  return refunded
}
