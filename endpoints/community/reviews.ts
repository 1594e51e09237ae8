/** Review endpoints: report, seller response, moderation. Thin: parse → authorize → write in one transaction. */
import type { PayloadHandler } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, withTransaction } from '@/db/transaction'
import { REPORTS_TO_FLAG, reviewModeration } from '@/domain/community/reviews'
import { assertValid, conflict, forbidden, json, notFound, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { applyTransition } from '@/workflows/apply'
import { relId, sameId } from '@/db/community'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** `POST /api/reviews/:id/report { reason }` — once per user; enough reports send the review to moderation. */
export const reportReview: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const id = routeId(req)
  const input = new Input(await readJson(req))
  const reason = input.string('reason', { required: true, max: 500 })
  assertValid(input)
  const result = await withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'reviews', id, 'id'))) throw notFound()
    const review = (await req.payload.findByID({ collection: 'reviews' as never, id, req, depth: 0, overrideAccess: false, user, disableErrors: true })) as Doc | null
    if (!review) throw notFound()
    const full = (await req.payload.findByID({ collection: 'reviews' as never, id, req, depth: 0, overrideAccess: true })) as Doc
    if (sameId(full.author, user.id)) throw forbidden('You cannot report your own review.')
    const reports = (full.reports ?? []) as { by: unknown; reason: string; at: string }[]
    if (reports.some((r) => sameId(r.by, user.id))) throw conflict('You have already reported this review.')
    const next = [...reports.map((r) => ({ by: relId(r.by), reason: r.reason, at: r.at })), { by: user.id, reason, at: new Date().toISOString() }]
    const flag = next.length >= REPORTS_TO_FLAG && full.status === 'approved'
    const updated = (await req.payload.update({
      collection: 'reviews' as never,
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { reports: next, ...(flag ? { status: 'pending' } : {}) } as never,
      context: { reviewInternal: true },
    })) as Doc
    return { reportsCount: updated.reportsCount, status: updated.status }
  })
  return json({ message: 'Thank you: the review was reported.', ...result })
}

/** `POST /api/reviews/:id/respond { content }` — the owner of the reviewed item (or an admin). */
export const respondToReview: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const id = routeId(req)
  const input = new Input(await readJson(req))
  const content = input.string('content', { required: true, max: 3000 })
  assertValid(input)
  const doc = await withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'reviews', id, 'id'))) throw notFound()
    const review = (await req.payload.findByID({ collection: 'reviews' as never, id, req, depth: 0, overrideAccess: true })) as Doc
    if (!isAdminUser(user) && !sameId(review.targetOwner, user.id)) throw forbidden('Only the owner of the reviewed item may respond.')
    return req.payload.update({ collection: 'reviews' as never, id, req, depth: 0, overrideAccess: true, data: { sellerResponse: { content } } as never })
  })
  return json({ doc })
}

/** `POST /api/reviews/:id/approve|reject { note? }` — admins and editors, along the moderation table. */
export const moderateReview =
  (action: 'approve' | 'reject'): PayloadHandler =>
  async (req) => {
    requireUser(req, { write: true })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const note = input.string('note', { max: 500 })
    assertValid(input)
    const { doc } = await applyTransition({
      req,
      collection: 'reviews' as never,
      id,
      machine: reviewModeration,
      action,
      data: () => (note ? { moderationNote: note } : {}),
    })
    return json({ doc })
  }
