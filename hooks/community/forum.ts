/**
 * Forum and expert verification: server-computed fields (isExpert, isAccepted, counters), thread counters
 * recounted under a per-thread lock, notifications (forum_reply, verification_status).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { ExpertVerification, ForumResponse, ForumThread } from '@payload-types'
import { isAdminUser, userHasRole } from '@/access/roles'
import { clearAcceptedResponse, deleteVotesOn, openExpertVerification, recountThreadResponses, relId, sameId, threadStatus } from '@/db/community'
import { advisoryLock, type Tx, txOf } from '@/db/transaction'
import { preview } from '@/domain/community'
import { conflict, currentUser, invalidFields } from '@/lib/http'
import { notify } from '@/notifications/notify'

declare module 'payload' {
  interface RequestContext {
    /** Set by the forum operations on their own writes: they may set `isAccepted`, `acceptedResponse` and `flags`. */
    forumInternal?: boolean
  }
}

export const THREAD_LOCK = 'forum-thread'

/** Recounts a thread's visible responses (under the thread lock) and optionally bumps its last activity. */
export async function recountThread(tx: Tx, threadId: number, touch = false): Promise<number> {
  await advisoryLock(tx, THREAD_LOCK, threadId)
  return recountThreadResponses(tx, threadId, touch)
}

/** Whether the user holds an approved expert verification. */
export async function isVerifiedExpert(req: PayloadRequest, userId: number): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: 'expert-verifications',
    where: { user: { equals: userId }, status: { equals: 'approved' } },
    req,
    overrideAccess: true,
  })
  return totalDocs > 0
}

const isModerator = (req: PayloadRequest) => userHasRole(currentUser(req), 'admin', 'editor')

/** Copies `fields` of the stored document over the incoming data (server-owned fields). */
function keep<T extends object>(data: Partial<T>, original: T | undefined, fields: readonly (keyof T)[]): void {
  for (const f of fields) if (f in data) data[f] = original?.[f]
}

export const responseBeforeChange: CollectionBeforeChangeHook<ForumResponse> = async ({ data, operation, req, originalDoc, context }) => {
  if (operation === 'create') {
    const threadId = relId(data.thread)
    const author = relId(data.author)
    if (!threadId) throw invalidFields([{ path: 'thread', message: 'thread is required.' }])
    if (!author) throw invalidFields([{ path: 'author', message: 'author is required.' }])
    const tx = await txOf(req)
    await advisoryLock(tx, THREAD_LOCK, threadId)
    const status = await threadStatus(tx, threadId)
    if (status === null) throw invalidFields([{ path: 'thread', message: 'thread does not exist.' }])
    if (status === 'closed') throw conflict('This thread is closed.')
    data.isExpert = await isVerifiedExpert(req, author)
    data.isAccepted = false
    data.helpfulCount = 0
    data.unhelpfulCount = 0
    if (!isAdminUser(currentUser(req))) data.flags = []
    data.flagsCount = Array.isArray(data.flags) ? data.flags.length : 0
    if (!isModerator(req) || !data.status) data.status = 'visible'
    return data
  }
  keep(data, originalDoc, ['thread', 'author', 'isExpert', 'helpfulCount', 'unhelpfulCount', ...(context.forumInternal ? [] : (['isAccepted'] as const))])
  if (!context.forumInternal && !isAdminUser(currentUser(req)) && 'flags' in data) data.flags = originalDoc?.flags
  if ('flags' in data) data.flagsCount = Array.isArray(data.flags) ? data.flags.length : 0
  return data
}

export const responseAfterChange: CollectionAfterChangeHook<ForumResponse> = async ({ doc, previousDoc, operation, req, context }) => {
  const threadId = relId(doc.thread)!
  const tx = await txOf(req)
  if (operation === 'create') {
    await recountThread(tx, threadId, true)
    if (context.seed) return doc
    const thread: ForumThread = await req.payload.findByID({ collection: 'forum-threads', id: threadId, req, depth: 0, overrideAccess: true })
    const authorId = relId(thread.author)
    if (authorId && !sameId(authorId, doc.author)) {
      await notify(req, {
        user: authorId,
        // A verified expert's answer is its own type (users may want those by SMS/push and mute the rest).
        type: doc.isExpert ? 'expert_response' : 'forum_reply',
        title: doc.isExpert ? { en: `An expert answered “${thread.title}”`, ar: `أجاب خبير على «${thread.title}»` } : { en: `New answer in “${thread.title}”`, ar: `رد جديد في «${thread.title}»` },
        message: { en: preview(String(doc.body ?? '')), ar: preview(String(doc.body ?? '')) },
        data: { thread: threadId, response: doc.id, isExpert: Boolean(doc.isExpert) },
        actionUrl: `/forum/threads/${threadId}#response-${doc.id}`,
      })
    }
  } else if (doc.status !== previousDoc?.status) {
    await recountThread(tx, threadId)
  }
  return doc
}

export const responseAfterDelete: CollectionAfterDeleteHook<ForumResponse> = async ({ doc, req }) => {
  const tx = await txOf(req)
  await deleteVotesOn(tx, 'forum-responses', doc.id)
  const threadId = relId(doc.thread)
  if (threadId) {
    await clearAcceptedResponse(tx, threadId, doc.id)
    await recountThread(tx, threadId)
  }
  return doc
}

export const threadBeforeChange: CollectionBeforeChangeHook<ForumThread> = ({ data, operation, originalDoc, context }) => {
  if (operation === 'create') {
    data.viewsCount = 0
    data.responsesCount = 0
    data.acceptedResponse = null
    data.lastActivityAt = new Date().toISOString()
    return data
  }
  keep(data, originalDoc, ['author', 'viewsCount', 'responsesCount', ...(context.forumInternal ? [] : (['acceptedResponse'] as const))])
  return data
}

// ---------------------------------------------------------------- expert verification

export const verificationBeforeChange: CollectionBeforeChangeHook<ExpertVerification> = async ({ data, operation, req, originalDoc }) => {
  if (operation === 'create') {
    const user = relId(data.user)
    if (!user) throw invalidFields([{ path: 'user', message: 'user is required.' }])
    const tx = await txOf(req)
    await advisoryLock(tx, 'expert-verification', user)
    const open = await openExpertVerification(tx, user)
    if (open) {
      throw conflict(open.status === 'approved' ? 'You are already a verified expert.' : 'Your previous request is still pending.', { verification: open.id })
    }
    data.reviewedBy = null
    data.reviewedAt = null
    return data
  }
  if (data.status && data.status !== originalDoc?.status) {
    const reviewer = currentUser(req)
    data.reviewedBy = reviewer ? Number(reviewer.id) : null
    data.reviewedAt = new Date().toISOString()
  }
  return data
}

export const verificationAfterChange: CollectionAfterChangeHook<ExpertVerification> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status || context.seed) return doc
  const user = relId(doc.user)
  if (!user) return doc
  const approved = doc.status === 'approved'
  const rejected = doc.status === 'rejected'
  if (!approved && !rejected) return doc
  await notify(req, {
    user,
    type: 'verification_status',
    title: approved ? { en: 'You are now a verified expert', ar: 'أصبحت خبيراً موثقاً' } : { en: 'Expert verification declined', ar: 'تم رفض طلب التوثيق كخبير' },
    message: approved
      ? { en: 'Your forum answers now show the expert badge.', ar: 'ستظهر إجاباتك في المنتدى بشارة الخبير.' }
      : {
          en: doc.reviewNotes || 'Your request was not approved. You may apply again with more documents.',
          ar: doc.reviewNotes || 'لم تتم الموافقة على طلبك. يمكنك التقديم مرة أخرى بمستندات إضافية.',
        },
    data: { verification: doc.id, status: doc.status },
  })
  return doc
}
