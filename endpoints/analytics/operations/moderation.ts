/**
 * Moderation queues: the pending items of a queue (paginated), the queue counts, and one decision — approve, or
 * reject with a reason — written in one transaction with the author's notification. Listing decisions run the
 * catalog's own operation (the listing machine's approve/reject); the other queues patch their collection
 * (src/domain/analytics/moderation.ts), whose hooks keep their usual effects (rating summaries, expert badges).
 */
import type { PayloadRequest, Where } from 'payload'

import type { AccessUser } from '@/access/roles'
import { withTransaction } from '@/db/transaction'
import { type Decision, decisionMessage, type ModerationQueue, queuesFor } from '@/domain/analytics/moderation'
import { idOf } from '@/domain/ids'
import { conflict, notFound } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { moderateListing } from '@endpoints/catalog/operations/moderation'

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v))

export async function queueCounts(req: PayloadRequest, user: AccessUser) {
  const out: Array<{ key: string; label: ModerationQueue['label']; pending: number }> = []
  for (const q of queuesFor(user.roles ?? [])) {
    const { totalDocs } = await req.payload.count({ collection: q.collection, where: q.pending as Where, overrideAccess: true, req })
    out.push({ key: q.key, label: q.label, pending: totalDocs })
  }
  return { queues: out }
}

export async function queueItems(req: PayloadRequest, q: ModerationQueue, page: { page: number; limit: number }) {
  const res = await req.payload.find({ collection: q.collection, where: q.pending as Where, sort: 'createdAt', page: page.page, limit: page.limit, depth: 0, overrideAccess: true, req })
  return {
    queue: q.key,
    label: q.label,
    totalDocs: res.totalDocs,
    page: res.page,
    totalPages: res.totalPages,
    docs: res.docs.map((d) => {
      const doc = d as unknown as Record<string, unknown>
      return { id: doc.id, title: text(doc[q.titleField]).slice(0, 200), author: idOf(doc[q.authorField]), createdAt: doc.createdAt }
    }),
  }
}

export async function decide(req: PayloadRequest, q: ModerationQueue, id: number, decision: Decision, reason?: string) {
  if (!q.patch) {
    const pending = await req.payload.count({ collection: q.collection, where: { and: [{ id: { equals: id } }, q.pending as Where] }, overrideAccess: true, req })
    if (!pending.totalDocs) {
      const exists = await req.payload.count({ collection: q.collection, where: { id: { equals: id } }, overrideAccess: true, req })
      throw exists.totalDocs ? conflict('This item is not awaiting moderation.') : notFound()
    }
    const doc = await moderateListing(req, id, decision, reason)
    return { queue: q.key, id, decision, doc: { id: doc.id, status: doc.status } }
  }
  const patch = q.patch
  return withTransaction(req, async () => {
    const pending = await req.payload.find({ collection: q.collection, where: { and: [{ id: { equals: id } }, q.pending as Where] }, depth: 0, limit: 1, overrideAccess: true, req })
    if (!pending.docs.length) {
      const exists = await req.payload.count({ collection: q.collection, where: { id: { equals: id } }, overrideAccess: true, req })
      throw exists.totalDocs ? conflict('This item is not awaiting moderation.') : notFound()
    }
    const updated = (await req.payload.update({
      collection: q.collection,
      id,
      data: patch(decision, reason) as never,
      depth: 0,
      overrideAccess: true,
      req,
      context: { forumInternal: true },
    })) as unknown as Record<string, unknown>
    const author = idOf(updated[q.authorField])
    if (author && !q.notifiesItself) {
      const m = decisionMessage(q, decision, text(updated[q.titleField]), reason)
      await notify(req, { user: author, type: 'account_alert', ...m, data: { queue: q.key, collection: q.collection, id, decision, reason } })
    }
    return { queue: q.key, id, decision, doc: { id: updated.id } }
  })
}
