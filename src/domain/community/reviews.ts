/**
 * Reviews: which targets exist, which aspects apply to each, who owns a target (may answer reviews), the
 * moderation state machine and the exact rating summary. Pure: no Payload import.
 */
import { defineMachine } from '@/workflows/engine'

export const REVIEW_TARGETS = ['cars', 'parts', 'users', 'parking-spots', 'services', 'technicians'] as const
export type ReviewTarget = (typeof REVIEW_TARGETS)[number]

export const REVIEW_BOOKINGS = ['parking-bookings', 'service-bookings'] as const
export type ReviewBooking = (typeof REVIEW_BOOKINGS)[number]

export const ASPECTS = ['communication', 'accuracy', 'value', 'shipping'] as const
export type Aspect = (typeof ASPECTS)[number]

/** The aspects that make sense for each kind of target (others are refused with 400). */
export const ASPECTS_BY_TARGET: Record<ReviewTarget, readonly Aspect[]> = {
  cars: ['communication', 'accuracy', 'value'],
  parts: ['communication', 'accuracy', 'value', 'shipping'],
  users: ['communication', 'accuracy', 'value', 'shipping'],
  'parking-spots': ['communication', 'accuracy', 'value'],
  services: ['communication', 'value'],
  technicians: ['communication', 'value'],
}

/** The field of the target naming its owner (who may post the seller response). `self` = the user itself. */
export const OWNER_FIELD: Record<ReviewTarget, string | null> = {
  cars: 'seller',
  parts: 'seller',
  users: 'self',
  'parking-spots': 'owner',
  services: null,
  technicians: 'user',
}

/** A booking given with a review must concern the target through this field of the booking. */
export const BOOKING_TARGET_FIELD: Record<ReviewBooking, Partial<Record<ReviewTarget, string>>> = {
  'parking-bookings': { 'parking-spots': 'spot' },
  'service-bookings': { services: 'service', technicians: 'technician' },
}
/** The booking field naming the customer. */
export const BOOKING_CUSTOMER_FIELD: Record<ReviewBooking, string> = { 'parking-bookings': 'user', 'service-bookings': 'customer' }

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** New reviews are published at once; this many open reports send a review back to moderation. */
export const REVIEW_DEFAULT_STATUS: ReviewStatus = 'approved'
export const REPORTS_TO_FLAG = 3

export const reviewModeration = defineMachine<ReviewStatus>({
  name: 'review',
  field: 'status',
  states: REVIEW_STATUSES,
  initial: REVIEW_DEFAULT_STATUS,
  terminal: [],
  transitions: [
    { action: 'approve', from: ['pending', 'rejected'], to: 'approved', by: ['admin', 'editor'], description: 'counts in the summary again' },
    { action: 'reject', from: ['pending', 'approved'], to: 'rejected', by: ['admin', 'editor'], description: 'hidden, removed from the summary' },
    { action: 'hold', from: ['approved'], to: 'pending', by: ['admin', 'editor', 'system'], description: `sent back to moderation (also automatic after ${REPORTS_TO_FLAG} reports)` },
  ],
})

export const targetKey = (collection: string, id: number | string) => `${collection}:${id}`

export interface Summary {
  average: number
  count: number
  distribution: { one: number; two: number; three: number; four: number; five: number }
  aspects: Record<Aspect, number | null>
}

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100

/**
 * The summary of a set of approved reviews: average rounded half-up to 2 decimals, counts per star,
 * aspect averages over the reviews that rated that aspect (null when none did).
 * The database computes the same thing in SQL (see src/domain/reviews-sql.ts); this is the reference.
 */
export function summarize(reviews: { rating: number; aspects?: Partial<Record<Aspect, number | null>> | null }[]): Summary {
  const names = ['one', 'two', 'three', 'four', 'five'] as const
  const distribution = { one: 0, two: 0, three: 0, four: 0, five: 0 }
  let total = 0
  for (const r of reviews) {
    distribution[names[r.rating - 1]]++
    total += r.rating
  }
  const aspects = Object.fromEntries(
    ASPECTS.map((a) => {
      const values = reviews.map((r) => r.aspects?.[a]).filter((v): v is number => typeof v === 'number')
      return [a, values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : null]
    }),
  ) as Record<Aspect, number | null>
  return { average: reviews.length ? round2(total / reviews.length) : 0, count: reviews.length, distribution, aspects }
}

/** Validates the rating and aspects for a target; returns field errors (empty when valid). */
export function validateRating(target: ReviewTarget, rating: unknown, aspects: Record<string, unknown> | null | undefined): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = []
  const isStar = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5
  if (!isStar(rating)) errors.push({ path: 'rating', message: 'rating must be a whole number from 1 to 5.' })
  for (const [name, value] of Object.entries(aspects ?? {})) {
    if (value === null || value === undefined) continue
    if (!(ASPECTS as readonly string[]).includes(name)) {
      errors.push({ path: `aspects.${name}`, message: `unknown aspect ${name}.` })
    } else if (!ASPECTS_BY_TARGET[target].includes(name as Aspect)) {
      errors.push({ path: `aspects.${name}`, message: `${name} does not apply to ${target}.` })
    } else if (!isStar(value)) {
      errors.push({ path: `aspects.${name}`, message: `aspects.${name} must be a whole number from 1 to 5.` })
    }
  }
  return errors
}

/** Order statuses that count as a completed purchase for "verified purchase". */
export const PURCHASED_ORDER_STATUSES = ['paid', 'processing', 'shipped', 'delivered']
