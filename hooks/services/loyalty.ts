/**
 * Loyalty hooks, attached by the services plugin to other domains' collections and to service bookings: a
 * delivered order and a completed service booking earn their customer 1 point per currency unit, a review earns its
 * author 20 — each once (the ledger's unique source); a new signed-in service booking takes its loyalty discount
 * (level percent + `redeemPoints`); a cancelled order or a cancelled/rejected booking gets its spent points back,
 * once. All in the same transaction as the change.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Order, Review, ServiceBooking } from '@payload-types'
import { idOf } from '@/domain/ids'
import { EARN } from '@/domain/services/loyalty'
import { invalidFields } from '@/lib/http'
import { applyLoyaltyAtBooking, earnPoints, refundRedeemedPoints } from '@endpoints/services/operations/loyalty'

const became = (doc: { status?: string | null }, previous: { status?: string | null } | undefined, status: string) => doc.status === status && previous?.status !== status

export const loyaltyOnOrderDelivered: CollectionAfterChangeHook<Order> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || !became(doc, previousDoc, 'delivered')) return doc
  const customer = idOf(doc.customer)
  if (customer) await earnPoints(req, { user: Number(customer), reason: 'order_delivered', ref: `order:${doc.id}`, amount: Number(doc.total ?? 0) })
  return doc
}

export const loyaltyOnBookingCompleted: CollectionAfterChangeHook<ServiceBooking> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || !became(doc, previousDoc, 'completed')) return doc
  const customer = idOf(doc.customer)
  if (customer) await earnPoints(req, { user: Number(customer), reason: 'booking_completed', ref: `booking:${doc.id}`, amount: Number(doc.pricing?.total ?? 0) })
  return doc
}

export const loyaltyOnReview: CollectionAfterChangeHook<Review> = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context?.seed) return doc
  const author = idOf(doc.author)
  if (author) await earnPoints(req, { user: Number(author), reason: 'review', ref: `review:${doc.id}`, points: EARN.review })
  return doc
}

declare module 'payload' {
  interface RequestContext {
    /** Set by loyaltyOnBookingCreate: writes the points quoted for a new booking once it has its number. */
    serviceBookingLoyaltySpend?: (bookingNumber: string) => Promise<void>
  }
}

/**
 * Creating a service booking (signed-in customer): after the booking's own hook has priced it, the level discount and
 * the points in the input-only `redeemPoints` come off its pricing (applyLoyaltyAtBooking, inside the create's
 * transaction, under the user's loyalty lock). Too many points → 409 and nothing is written; a negative or fractional
 * number → 400. The points are written by loyaltySpentOnBookingCreate, once the booking has its number. Guest
 * (emergency) bookings have no account and no loyalty.
 */
export const loyaltyOnBookingCreate: CollectionBeforeChangeHook<ServiceBooking> = async ({ data, operation, req, context }) => {
  const requested = (data as { redeemPoints?: unknown }).redeemPoints
  delete (data as { redeemPoints?: unknown }).redeemPoints
  // Nothing left from an earlier create through the same request (one that failed before spending).
  delete req.context.serviceBookingLoyaltySpend
  if (operation !== 'create' || context?.seed) return data
  if (requested !== undefined && requested !== null && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0)) {
    throw invalidFields([{ path: 'redeemPoints', message: 'redeemPoints must be a whole number of points, 0 or more.' }])
  }
  const customer = idOf(data.customer)
  if (!customer || context?.serviceBookingEmergency || !data.pricing || !data.bookingNumber) {
    if (requested) throw invalidFields([{ path: 'redeemPoints', message: 'Only a signed-in customer spends loyalty points on a booking.' }])
    return data
  }
  const pricing = { basePrice: Number(data.pricing.basePrice ?? 0), discount: Number(data.pricing.discount ?? 0), total: Number(data.pricing.total ?? 0) }
  const applied = await applyLoyaltyAtBooking(req, Number(customer), Number(requested ?? 0), pricing)
  // On req.context as it is now: a Local API call through `req` replaces it with a copy of what it holds.
  req.context.serviceBookingLoyaltySpend = applied.spend
  return {
    ...data,
    pricing: { ...data.pricing, ...applied.pricing, discountReason: applied.pricing.loyaltyDiscount > 0 ? (data.pricing.discountReason ?? 'loyalty') : data.pricing.discountReason },
  }
}

/** The points quoted at a new booking's creation, written on its number (given by the booking's first afterChange hook). */
export const loyaltySpentOnBookingCreate: CollectionAfterChangeHook<ServiceBooking> = async ({ doc, operation, context }) => {
  if (operation !== 'create') return doc
  const spend = context?.serviceBookingLoyaltySpend
  if (!spend) {
    // Points priced into the booking but none to spend would be a discount for free: refused, rolled back.
    if (Number(doc.pricing?.pointsRedeemed ?? 0) > 0 && !context?.seed) throw new Error(`service booking ${doc.id} redeems points it did not spend`)
    return doc
  }
  delete context.serviceBookingLoyaltySpend
  if (!doc.bookingNumber) throw new Error(`service booking ${doc.id} has no number to spend its loyalty points on`)
  await spend(doc.bookingNumber)
  return doc
}

/** A cancelled order (or expired: its checkout never happened) gets the points spent at its checkout back, once. */
export const loyaltyRefundOnOrderCancelled: CollectionAfterChangeHook<Order> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || !became(doc, previousDoc, 'cancelled') || !doc.orderNumber) return doc
  await refundRedeemedPoints(req, 'checkout_redeem', doc.orderNumber)
  return doc
}

/** A cancelled or rejected service booking gets the points spent on it back, once. */
export const loyaltyRefundOnBookingEnded: CollectionAfterChangeHook<ServiceBooking> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || !doc.bookingNumber) return doc
  if (!became(doc, previousDoc, 'cancelled') && !became(doc, previousDoc, 'rejected')) return doc
  await refundRedeemedPoints(req, 'booking_redeem', doc.bookingNumber)
  return doc
}
