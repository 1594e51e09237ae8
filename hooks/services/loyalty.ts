/**
 * Loyalty earnings, attached by the services plugin to other domains' collections: a delivered order and a
 * completed service booking earn their customer 1 point per currency unit, a review earns its author 20 — each
 * once (the ledger's unique source), in the same transaction as the change.
 */
import type { CollectionAfterChangeHook } from 'payload'

import type { Order, Review, ServiceBooking } from '@payload-types'
import { idOf } from '@/domain/ids'
import { EARN } from '@/domain/services/loyalty'
import { earnPoints } from '@endpoints/services/operations/loyalty'

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
