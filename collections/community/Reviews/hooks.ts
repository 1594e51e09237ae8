/**
 * Reviews: server-side fields (target keys, owner, verified purchase), the one-review-per-author rule, who may
 * change what, and the exact rating summary of the target, recomputed from SQL aggregates in the same
 * transaction as every create/edit/moderation/delete, under a per-target advisory lock.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Review } from '@payload-types'
import { isAdminUser, userHasRole } from '@/access/roles'
import { deleteVotesOn, didBusinessWith, existingReview, ratingAggregates, relId, sameId, writeRatingSummary } from '@/db/community'
import { advisoryLock, type Tx, txOf } from '@/db/transaction'
import {
  BOOKING_CUSTOMER_FIELD,
  BOOKING_TARGET_FIELD,
  OWNER_FIELD,
  PURCHASED_ORDER_STATUSES,
  REVIEW_BOOKINGS,
  REVIEW_DEFAULT_STATUS,
  REVIEW_TARGETS,
  type ReviewBooking,
  type ReviewTarget,
  reviewModeration,
  type Summary,
  targetKey,
  validateRating,
} from '@/domain/community/reviews'
import { conflict, currentUser, forbidden, invalidFields } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { workflowGuard } from '@/workflows/apply'
import { recountVotes } from '@hooks/community/votes'

declare module 'payload' {
  interface RequestContext {
    /** Set by the review operations (report): the update may write `reports` without the author/owner checks. */
    reviewInternal?: boolean
    /** Demo data: mark the review as a verified purchase without looking for one. */
    seedVerified?: boolean
  }
}

/** A review target or booking as loaded for the checks (fields looked up by name). */
type TargetDoc = { id: number } & Record<string, unknown>

export const RATING_LOCK = 'review-target'

// ---------------------------------------------------------------- summary

/**
 * Recomputes the target's `rating` group from the approved reviews (SQL aggregates) and writes it.
 * Takes the per-target advisory lock first, so concurrent writers on one target serialize and the last
 * writer always sees every committed review.
 */
export async function recomputeRatingSummary(tx: Tx, collection: string, id: number): Promise<Summary> {
  await advisoryLock(tx, RATING_LOCK, targetKey(collection, id))
  const summary = await ratingAggregates(tx, collection, id)
  await writeRatingSummary(tx, collection, id, summary)
  return summary
}

// ---------------------------------------------------------------- verified purchase

/**
 * Whether the author really did business with the target: bought the part (an order line), completed a
 * parking or service booking, closed a negotiation on the car — or any of those with the reviewed user.
 */
export const computeVerifiedPurchase = (tx: Tx, author: number, target: ReviewTarget, id: number): Promise<boolean> => didBusinessWith(tx, author, target, id, PURCHASED_ORDER_STATUSES)

// ---------------------------------------------------------------- owner of a target

export async function loadDoc(req: PayloadRequest, collection: ReviewTarget | ReviewBooking, id: number): Promise<TargetDoc | null> {
  const doc = await req.payload.findByID({ collection, id, req, depth: 0, overrideAccess: true, disableErrors: true })
  return doc as TargetDoc | null
}

/** The user who owns the target (may answer its reviews): seller, spot owner, the user, the technician's user. */
export function ownerOfTarget(collection: ReviewTarget, doc: TargetDoc): number | null {
  const field = OWNER_FIELD[collection]
  if (!field) return null
  if (field === 'self') return relId(doc.id)
  return relId(doc[field])
}

// ---------------------------------------------------------------- hooks

const isModerator = (req: PayloadRequest) => userHasRole(currentUser(req), 'admin', 'editor')

const REVIEW_CONTENT_FIELDS = ['rating', 'aspects', 'title', 'content', 'images'] as const

const guardStatus = workflowGuard(reviewModeration)

export const reviewBeforeChange: CollectionBeforeChangeHook<Review> = async (args) => {
  const { data, operation, req, originalDoc, context } = args
  const user = currentUser(req)
  const admin = isAdminUser(user)
  const tx = await txOf(req)

  if (operation === 'create') {
    const errors: { path: string; message: string }[] = []
    const t = data.target as { relationTo?: string; value?: unknown } | undefined
    const targetCollection = t?.relationTo as ReviewTarget | undefined
    const targetId = relId(t?.value)
    if (!targetCollection || !(REVIEW_TARGETS as readonly string[]).includes(targetCollection) || !targetId) {
      throw invalidFields([{ path: 'target', message: `target must be { relationTo: ${REVIEW_TARGETS.join('|')}, value: id }.` }])
    }
    const author = relId(data.author)
    if (!author) throw invalidFields([{ path: 'author', message: 'author is required.' }])
    const targetDoc = await loadDoc(req, targetCollection, targetId)
    if (!targetDoc) throw invalidFields([{ path: 'target', message: 'target does not exist.' }])
    const owner = ownerOfTarget(targetCollection, targetDoc)
    if (owner !== null && owner === author) throw forbidden('You cannot review your own listing or profile.')
    errors.push(...validateRating(targetCollection, data.rating, data.aspects))

    let bookingKey: string | null = null
    let bookingCompleted = false
    const b = data.booking as { relationTo?: string; value?: unknown } | null | undefined
    if (b && (b.relationTo || b.value)) {
      const bookingCollection = b.relationTo as ReviewBooking
      const bookingId = relId(b.value)
      if (!(REVIEW_BOOKINGS as readonly string[]).includes(bookingCollection) || !bookingId) {
        errors.push({ path: 'booking', message: `booking must be { relationTo: ${REVIEW_BOOKINGS.join('|')}, value: id }.` })
      } else {
        const booking = await loadDoc(req, bookingCollection, bookingId)
        if (!booking) errors.push({ path: 'booking', message: 'booking does not exist.' })
        else {
          if (!admin && !sameId(booking[BOOKING_CUSTOMER_FIELD[bookingCollection]], author)) throw forbidden('That booking is not yours.')
          const field = BOOKING_TARGET_FIELD[bookingCollection][targetCollection]
          if (!field) errors.push({ path: 'booking', message: `a ${bookingCollection} booking cannot be reviewed on ${targetCollection}.` })
          else if (field in booking && !sameId(booking[field], targetId)) errors.push({ path: 'booking', message: 'the booking does not concern this target.' })
          bookingKey = targetKey(bookingCollection, bookingId)
          bookingCompleted = booking.status === 'completed'
        }
      }
    } else {
      data.booking = null
    }
    if (errors.length) throw invalidFields(errors)

    // Serialize writers on this target, then the friendly duplicate check (the unique index is the backstop).
    await advisoryLock(tx, RATING_LOCK, targetKey(targetCollection, targetId))
    const dup = await existingReview(tx, author, targetCollection, targetId, bookingKey)
    if (dup !== null) {
      throw conflict(bookingKey ? 'You have already reviewed this booking.' : 'You have already reviewed this.', { review: dup })
    }

    data.target = { relationTo: targetCollection, value: targetId } as Review['target']
    data.targetCollection = targetCollection
    data.targetId = targetId
    data.targetOwner = owner
    data.bookingKey = bookingKey
    data.verifiedPurchase = context.seedVerified === true || bookingCompleted || (await computeVerifiedPurchase(tx, author, targetCollection, targetId))
    if (!isModerator(req) || !data.status) data.status = REVIEW_DEFAULT_STATUS
    if (!admin) {
      data.sellerResponse = { content: null, at: null }
      data.reports = []
    }
    data.reportsCount = Array.isArray(data.reports) ? data.reports.length : 0
    data.helpfulCount = 0
    data.unhelpfulCount = 0
    return data
  }

  // update
  const orig = originalDoc as Review
  const serverOwned = ['target', 'targetCollection', 'targetId', 'targetOwner', 'author', 'booking', 'bookingKey', 'verifiedPurchase', 'helpfulCount', 'unhelpfulCount'] as const
  for (const f of serverOwned) if (f in data) Object.assign(data, { [f]: orig[f] })
  const lockTarget = () => advisoryLock(tx, RATING_LOCK, targetKey(String(orig.targetCollection), Number(orig.targetId)))
  if (context.reviewInternal) {
    if ('reports' in data) data.reportsCount = Array.isArray(data.reports) ? data.reports.length : orig.reportsCount
    await lockTarget()
    return data
  }

  const authorId = relId(orig.author)
  const ownerId = relId(orig.targetOwner)
  const isAuthor = user !== null && sameId(user.id, authorId)
  const isTargetOwner = user !== null && ownerId !== null && sameId(user.id, ownerId)
  const changed = (f: keyof Review) => f in data && JSON.stringify(data[f] ?? null) !== JSON.stringify(orig[f] ?? null)

  if (user && !admin) {
    if (REVIEW_CONTENT_FIELDS.some(changed) && !isAuthor) throw forbidden('Only the author may edit a review.')
    if ('sellerResponse' in data && changed('sellerResponse') && !isTargetOwner) throw forbidden('Only the owner of the reviewed item may respond.')
    if ('reports' in data) data.reports = orig.reports
  }
  if (changed('rating') || changed('aspects')) {
    const errors = validateRating(orig.targetCollection as ReviewTarget, data.rating ?? orig.rating, data.aspects ?? orig.aspects)
    if (errors.length) throw invalidFields(errors)
  }
  if (changed('sellerResponse')) {
    const content = data.sellerResponse?.content
    data.sellerResponse = { content: content || null, at: content ? new Date().toISOString() : null }
  }
  if ('reports' in data) data.reportsCount = Array.isArray(data.reports) ? data.reports.length : orig.reportsCount
  await lockTarget()
  return guardStatus(args)
}

/** The target of a stored review. */
const targetOf = (doc: Review) => ({ collection: String(doc.targetCollection), id: Number(doc.targetId) })

export const reviewAfterChange: CollectionAfterChangeHook<Review> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.seed) return doc
  const tx = await txOf(req)
  const target = targetOf(doc)
  await recomputeRatingSummary(tx, target.collection, target.id)
  if (operation === 'update') await recountVotes(tx, 'reviews', doc.id)
  const ownerId = relId(doc.targetOwner)
  const authorId = relId(doc.author)
  if (operation === 'create' && ownerId && doc.status === 'approved') {
    await notify(req, {
      user: ownerId,
      type: 'review_received',
      title: { en: `New ${doc.rating}-star review`, ar: `تقييم جديد ${doc.rating} نجوم` },
      message: { en: doc.title || 'Someone reviewed your listing.', ar: doc.title || 'قام أحدهم بتقييم إعلانك.' },
      data: { review: doc.id, target: { relationTo: target.collection, value: target.id }, rating: doc.rating },
    })
  }
  const response = doc.sellerResponse?.content
  if (operation === 'update' && authorId && response && response !== previousDoc?.sellerResponse?.content) {
    await notify(req, {
      user: authorId,
      type: 'seller_response',
      title: { en: 'The seller answered your review', ar: 'رد البائع على تقييمك' },
      message: { en: response, ar: response },
      data: { review: doc.id },
    })
  }
  return doc
}

export const reviewAfterDelete: CollectionAfterDeleteHook<Review> = async ({ doc, req }) => {
  const tx = await txOf(req)
  await deleteVotesOn(tx, 'reviews', doc.id)
  const target = targetOf(doc)
  await recomputeRatingSummary(tx, target.collection, target.id)
  return doc
}
