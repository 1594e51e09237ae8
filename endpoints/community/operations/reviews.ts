/** Review operations: report a review, the owner's response. Each runs in one transaction on the locked review. */
import type { PayloadRequest } from 'payload'

import type { Review } from '@payload-types'
import { type AccessUser, isAdminUser } from '@/access/roles'
import { relId, sameId } from '@/db/community'
import { lockRow, withTransaction } from '@/db/transaction'
import { REPORTS_TO_FLAG } from '@/domain/community/reviews'
import { conflict, forbidden, notFound } from '@/lib/http'

/**
 * Reports a review, once per user; enough reports send an approved review back to moderation.
 * Steps: lock the review → it must be visible to the caller and not theirs → add the report → back to pending at the threshold.
 */
export async function reportReview(req: PayloadRequest, user: AccessUser, id: number, reason: string) {
  return withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'reviews', id, 'id'))) throw notFound()
    const visible = await req.payload.findByID({ collection: 'reviews', id, req, depth: 0, overrideAccess: false, user, disableErrors: true })
    if (!visible) throw notFound()
    const full: Review = await req.payload.findByID({ collection: 'reviews', id, req, depth: 0, overrideAccess: true })
    if (sameId(full.author, user.id)) throw forbidden('You cannot report your own review.')
    const reports = full.reports ?? []
    if (reports.some((r) => sameId(r.by, user.id))) throw conflict('You have already reported this review.')
    const next = [...reports.map((r) => ({ by: relId(r.by), reason: r.reason, at: r.at })), { by: Number(user.id), reason, at: new Date().toISOString() }]
    const flag = next.length >= REPORTS_TO_FLAG && full.status === 'approved'
    const updated = await req.payload.update({
      collection: 'reviews',
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { reports: next, ...(flag ? { status: 'pending' as const } : {}) },
      context: { reviewInternal: true },
    })
    return { message: 'Thank you: the review was reported.', reportsCount: updated.reportsCount, status: updated.status }
  })
}

/** The owner of the reviewed item (or an admin) answers a review. Steps: lock → authorize → write the response. */
export async function respondToReview(req: PayloadRequest, user: AccessUser, id: number, content: string) {
  const doc = await withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'reviews', id, 'id'))) throw notFound()
    const review: Review = await req.payload.findByID({ collection: 'reviews', id, req, depth: 0, overrideAccess: true })
    if (!isAdminUser(user) && !sameId(review.targetOwner, user.id)) throw forbidden('Only the owner of the reviewed item may respond.')
    return req.payload.update({ collection: 'reviews', id, req, depth: 0, overrideAccess: true, data: { sellerResponse: { content } } })
  })
  return { doc }
}
