/**
 * Forum operations: accept an answer, count a view, flag a response. Each runs in one transaction, the thread
 * (or response) locked first.
 */
import type { PayloadRequest } from 'payload'

import type { ForumResponse, ForumThread } from '@payload-types'
import { type AccessUser, isAdminUser } from '@/access/roles'
import { incrementThreadViews, relId, sameId, setAcceptedResponse } from '@/db/community'
import { advisoryLock, lockRow, withTransaction } from '@/db/transaction'
import { FLAGS_TO_HIDE } from '@/domain/community'
import { conflict, forbidden, invalidFields, notFound } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { WORKFLOW_CONTEXT } from '@/workflows/apply'
import { THREAD_LOCK } from '@hooks/community/forum'

/**
 * The thread author (or an admin) marks one visible answer accepted, replacing an earlier choice; the thread
 * becomes `resolved`; the answer's author is notified.
 * Steps: lock the thread → check author, state and response → mark the answer → update the thread → notify.
 */
export async function acceptResponse(req: PayloadRequest, user: AccessUser, threadId: number, responseId: number) {
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, THREAD_LOCK, threadId)
    if (!(await lockRow(tx, 'forum-threads', threadId, 'id'))) throw notFound()
    const thread: ForumThread = await req.payload.findByID({ collection: 'forum-threads', id: threadId, req, depth: 0, overrideAccess: true })
    if (!sameId(thread.author, user.id) && !isAdminUser(user)) throw forbidden('Only the author of the thread may accept an answer.')
    if (thread.status === 'closed') throw conflict('This thread is closed.')
    const response: ForumResponse | null = await req.payload.findByID({
      collection: 'forum-responses',
      id: responseId,
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!response || !sameId(response.thread, threadId) || response.status !== 'visible') {
      throw invalidFields([{ path: 'response', message: 'response must be a visible answer in this thread.' }])
    }
    await setAcceptedResponse(tx, threadId, responseId)
    const doc = await req.payload.update({
      collection: 'forum-threads',
      id: threadId,
      req,
      depth: 0,
      overrideAccess: true,
      data: { acceptedResponse: responseId, status: 'resolved' },
      context: { forumInternal: true, [WORKFLOW_CONTEXT]: true },
    })
    const answerAuthor = relId(response.author)
    if (answerAuthor && !sameId(answerAuthor, user.id)) {
      await notify(req, {
        user: answerAuthor,
        type: 'forum_reply',
        title: { en: 'Your answer was accepted', ar: 'تم قبول إجابتك' },
        message: { en: `Your answer in “${thread.title}” was marked as the accepted answer.`, ar: `تم اختيار إجابتك في «${thread.title}» كإجابة مقبولة.` },
        data: { thread: threadId, response: responseId },
        actionUrl: `/forum/threads/${threadId}#response-${responseId}`,
      })
    }
    return { doc, acceptedResponse: responseId }
  })
}

/** Counts a view of a thread (atomic increment); 404 when the thread does not exist. */
export async function countThreadView(req: PayloadRequest, threadId: number): Promise<{ viewsCount: number }> {
  const viewsCount = await withTransaction(req, (tx) => incrementThreadViews(tx, threadId))
  if (viewsCount === null) throw notFound()
  return { viewsCount }
}

/**
 * Flags a response, once per user; enough flags hide it for moderation.
 * Steps: lock the response → it must be visible to the caller and not theirs → add the flag → hide at the threshold.
 */
export async function flagResponse(req: PayloadRequest, user: AccessUser, id: number, reason: string) {
  return withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'forum-responses', id, 'id'))) throw notFound()
    const visible = await req.payload.findByID({ collection: 'forum-responses', id, req, depth: 0, overrideAccess: false, user, disableErrors: true })
    if (!visible) throw notFound()
    const full: ForumResponse = await req.payload.findByID({ collection: 'forum-responses', id, req, depth: 0, overrideAccess: true })
    if (sameId(full.author, user.id)) throw forbidden('You cannot flag your own answer.')
    const flags = full.flags ?? []
    if (flags.some((f) => sameId(f.by, user.id))) throw conflict('You have already flagged this answer.')
    const next = [...flags.map((f) => ({ by: relId(f.by), reason: f.reason, at: f.at })), { by: Number(user.id), reason, at: new Date().toISOString() }]
    const hide = next.length >= FLAGS_TO_HIDE && full.status === 'visible'
    const updated = await req.payload.update({
      collection: 'forum-responses',
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { flags: next, ...(hide ? { status: 'hidden' as const } : {}) },
      context: { forumInternal: true },
    })
    return { message: 'Thank you: the answer was flagged.', flagsCount: updated.flagsCount, status: updated.status }
  })
}
