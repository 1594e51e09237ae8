/**
 * Reviews: server-side fields (target keys, owner, verified purchase), the one-review-per-author rule, who may
 * change what, and the exact rating summary of the target, recomputed from SQL aggregates in the same
 * transaction as every create/edit/moderation/delete, under a per-target advisory lock.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { isAdminUser, userHasRole } from '@/access/roles'
import { advisoryLock, sql, type Tx, tableOf, txOf } from '@/db/transaction'
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

import { hasColumns, relId, sameId } from '@/db/community'
import { recountVotes } from '../../../hooks/community/votes'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const RATING_LOCK = 'review-target'

// ---------------------------------------------------------------- summary

/**
 * Recomputes the target's `rating` group from the approved reviews (SQL aggregates) and writes it with SQL.
 * Takes the per-target advisory lock first, so concurrent writers on one target serialize and the last
 * writer always sees every committed review. Returns the summary (also when the target has no rating columns).
 */
export async function recomputeRatingSummary(tx: Tx, collection: string, id: number): Promise<Summary> {
  await advisoryLock(tx, RATING_LOCK, targetKey(collection, id))
  const res = await tx.execute(sql`
    select count(*)::int as count,
      coalesce(round(avg(rating)::numeric, 2), 0)::float8 as average,
      count(*) filter (where rating = 1)::int as one,
      count(*) filter (where rating = 2)::int as two,
      count(*) filter (where rating = 3)::int as three,
      count(*) filter (where rating = 4)::int as four,
      count(*) filter (where rating = 5)::int as five,
      round(avg(aspects_communication)::numeric, 2)::float8 as communication,
      round(avg(aspects_accuracy)::numeric, 2)::float8 as accuracy,
      round(avg(aspects_value)::numeric, 2)::float8 as value,
      round(avg(aspects_shipping)::numeric, 2)::float8 as shipping
    from reviews where target_collection = ${collection} and target_id = ${id} and status = 'approved'`)
  const r = res.rows[0] as Record<string, number | null>
  const summary: Summary = {
    average: Number(r.average ?? 0),
    count: Number(r.count ?? 0),
    distribution: { one: Number(r.one), two: Number(r.two), three: Number(r.three), four: Number(r.four), five: Number(r.five) },
    aspects: { communication: r.communication, accuracy: r.accuracy, value: r.value, shipping: r.shipping },
  }
  const table = tableOf(collection)
  if (await hasColumns(tx, { [table]: ['rating_average', 'rating_count', 'rating_distribution_one', 'rating_aspects_communication'] })) {
    await tx.execute(sql`
      update ${sql.identifier(table)} set
        rating_average = ${summary.average}, rating_count = ${summary.count},
        rating_distribution_one = ${summary.distribution.one}, rating_distribution_two = ${summary.distribution.two},
        rating_distribution_three = ${summary.distribution.three}, rating_distribution_four = ${summary.distribution.four},
        rating_distribution_five = ${summary.distribution.five},
        rating_aspects_communication = ${summary.aspects.communication}, rating_aspects_accuracy = ${summary.aspects.accuracy},
        rating_aspects_value = ${summary.aspects.value}, rating_aspects_shipping = ${summary.aspects.shipping}
      where id = ${id}`)
  }
  return summary
}

// ---------------------------------------------------------------- verified purchase

const exists = async (tx: Tx, spec: Record<string, string[]>, query: ReturnType<typeof sql>): Promise<boolean> => {
  if (!(await hasColumns(tx, spec))) return false
  const res = await tx.execute(sql`select exists(${query}) as ok`)
  return Boolean(res.rows[0]?.ok)
}

const purchased = sql.join(PURCHASED_ORDER_STATUSES.map((s) => sql`${s}`), sql`, `)

/**
 * Whether the author really did business with the target: bought the part (an order line), completed a
 * parking or service booking, closed a negotiation on the car — or any of those with the reviewed user.
 * Only collections that exist are consulted.
 */
export async function computeVerifiedPurchase(tx: Tx, author: number, target: ReviewTarget, id: number): Promise<boolean> {
  const orderLine = (cond: ReturnType<typeof sql>, itemCols: string[]) =>
    exists(
      tx,
      { orders: ['id', 'customer_id', 'status'], orders_items: ['_parent_id', ...itemCols] },
      sql`select 1 from orders o join orders_items i on i._parent_id = o.id
          where o.customer_id = ${author} and o.status::text in (${purchased}) and ${cond}`,
    )
  const negotiation = (cond: ReturnType<typeof sql>, cols: string[]) =>
    exists(tx, { negotiations: ['buyer_id', 'status', ...cols] }, sql`select 1 from negotiations n where n.buyer_id = ${author} and n.status::text = 'accepted' and ${cond}`)
  switch (target) {
    case 'parts':
      return orderLine(sql`i.part_id = ${id}`, ['part_id'])
    case 'cars':
      return negotiation(sql`n.car_id = ${id}`, ['car_id'])
    case 'parking-spots':
      return exists(tx, { parking_bookings: ['user_id', 'spot_id', 'status'] }, sql`select 1 from parking_bookings b where b.user_id = ${author} and b.spot_id = ${id} and b.status::text = 'completed'`)
    case 'services':
      return exists(tx, { service_bookings: ['customer_id', 'service_id', 'status'] }, sql`select 1 from service_bookings b where b.customer_id = ${author} and b.service_id = ${id} and b.status::text = 'completed'`)
    case 'technicians':
      return exists(tx, { service_bookings: ['customer_id', 'technician_id', 'status'] }, sql`select 1 from service_bookings b where b.customer_id = ${author} and b.technician_id = ${id} and b.status::text = 'completed'`)
    case 'users':
      return (
        (await negotiation(sql`n.seller_id = ${id}`, ['seller_id'])) ||
        ((await hasColumns(tx, { cars: ['id', 'seller_id'] })) &&
          (await negotiation(sql`n.car_id in (select c.id from cars c where c.seller_id = ${id})`, ['car_id']))) ||
        (await orderLine(sql`i.seller_id = ${id}`, ['seller_id'])) ||
        ((await hasColumns(tx, { parts: ['id', 'seller_id'] })) && (await orderLine(sql`i.part_id in (select p.id from parts p where p.seller_id = ${id})`, ['part_id']))) ||
        (await exists(
          tx,
          { parking_bookings: ['user_id', 'spot_id', 'status'], parking_spots: ['id', 'owner_id'] },
          sql`select 1 from parking_bookings b join parking_spots s on s.id = b.spot_id where b.user_id = ${author} and s.owner_id = ${id} and b.status::text = 'completed'`,
        )) ||
        (await exists(
          tx,
          { service_bookings: ['customer_id', 'technician_id', 'status'], technicians: ['id', 'user_id'] },
          sql`select 1 from service_bookings b join technicians t on t.id = b.technician_id where b.customer_id = ${author} and t.user_id = ${id} and b.status::text = 'completed'`,
        ))
      )
  }
  return false
}

// ---------------------------------------------------------------- owner of a target

export async function loadDoc(req: PayloadRequest, collection: string, id: number): Promise<Doc | null> {
  if (!(req.payload.collections as Record<string, unknown>)[collection]) return null
  return (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    req,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Doc | null
}

/** The user who owns the target (may answer its reviews): seller, spot owner, the user, the technician's user. */
export function ownerOfTarget(collection: ReviewTarget, doc: Doc): number | null {
  const field = OWNER_FIELD[collection]
  if (!field) return null
  if (field === 'self') return relId(doc.id)
  return relId(doc[field])
}

// ---------------------------------------------------------------- hooks

const isModerator = (req: PayloadRequest) => userHasRole(currentUser(req), 'admin', 'editor')

const REVIEW_CONTENT_FIELDS = ['rating', 'aspects', 'title', 'content', 'images'] as const

const guardStatus = workflowGuard(reviewModeration)

export const reviewBeforeChange: CollectionBeforeChangeHook = async (args) => {
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
    const dup = await tx.execute(sql`
      select id from reviews where author_id = ${author} and target_collection = ${targetCollection} and target_id = ${targetId}
        and coalesce(booking_key, '') = ${bookingKey ?? ''} limit 1`)
    if (dup.rows.length) {
      throw conflict(bookingKey ? 'You have already reviewed this booking.' : 'You have already reviewed this.', { review: dup.rows[0].id })
    }

    data.target = { relationTo: targetCollection, value: targetId }
    data.targetCollection = targetCollection
    data.targetId = targetId
    data.targetOwner = owner
    data.bookingKey = bookingKey
    data.verifiedPurchase = context?.seedVerified === true || bookingCompleted || (await computeVerifiedPurchase(tx, author, targetCollection, targetId))
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
  const orig = originalDoc as Doc
  for (const f of ['target', 'targetCollection', 'targetId', 'targetOwner', 'author', 'booking', 'bookingKey', 'verifiedPurchase', 'helpfulCount', 'unhelpfulCount']) {
    if (f in data) data[f] = orig[f]
  }
  if (context?.reviewInternal) {
    if ('reports' in data) data.reportsCount = Array.isArray(data.reports) ? data.reports.length : orig.reportsCount
    await advisoryLock(tx, RATING_LOCK, targetKey(orig.targetCollection, orig.targetId))
    return data
  }

  const authorId = relId(orig.author)
  const ownerId = relId(orig.targetOwner)
  const isAuthor = user !== null && sameId(user.id, authorId)
  const isTargetOwner = user !== null && ownerId !== null && sameId(user.id, ownerId)
  const changed = (f: string) => f in data && JSON.stringify(data[f] ?? null) !== JSON.stringify(orig[f] ?? null)

  if (user && !admin) {
    if (REVIEW_CONTENT_FIELDS.some(changed) && !isAuthor) throw forbidden('Only the author may edit a review.')
    if ('sellerResponse' in data && changed('sellerResponse') && !isTargetOwner) throw forbidden('Only the owner of the reviewed item may respond.')
    if ('reports' in data) data.reports = orig.reports
  }
  if (changed('rating') || changed('aspects')) {
    const errors = validateRating(orig.targetCollection, data.rating ?? orig.rating, data.aspects ?? orig.aspects)
    if (errors.length) throw invalidFields(errors)
  }
  if (changed('sellerResponse')) {
    const content = (data.sellerResponse as { content?: string } | null)?.content
    data.sellerResponse = { content: content || null, at: content ? new Date().toISOString() : null }
  }
  if ('reports' in data) data.reportsCount = Array.isArray(data.reports) ? data.reports.length : orig.reportsCount
  await advisoryLock(tx, RATING_LOCK, targetKey(orig.targetCollection, orig.targetId))
  return guardStatus(args)
}

export const reviewAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context?.seed) return doc
  const tx = await txOf(req)
  await recomputeRatingSummary(tx, doc.targetCollection, Number(doc.targetId))
  if (operation === 'update') await recountVotes(tx, 'reviews', Number(doc.id))
  const ownerId = relId(doc.targetOwner)
  const authorId = relId(doc.author)
  if (operation === 'create' && ownerId && doc.status === 'approved') {
    await notify(req, {
      user: ownerId,
      type: 'review_received',
      title: { en: `New ${doc.rating}-star review`, ar: `تقييم جديد ${doc.rating} نجوم` },
      message: { en: doc.title || 'Someone reviewed your listing.', ar: doc.title || 'قام أحدهم بتقييم إعلانك.' },
      data: { review: doc.id, target: { relationTo: doc.targetCollection, value: doc.targetId }, rating: doc.rating },
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

export const reviewAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const tx = await txOf(req)
  await tx.execute(sql`delete from votes where target_collection = 'reviews' and target_id = ${Number(doc.id)}`)
  await recomputeRatingSummary(tx, doc.targetCollection, Number(doc.targetId))
  return doc
}
