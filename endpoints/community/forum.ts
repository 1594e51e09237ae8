/** Forum endpoints: accept an answer, count a view, thread transitions, flag a response. */
import type { PayloadHandler } from 'payload'

import { isAdminUser } from '@/access/roles'
import { advisoryLock, lockRow, sql, withTransaction } from '@/db/transaction'
import { FLAGS_TO_HIDE, threadWorkflow } from '@/domain/community'
import { assertValid, conflict, forbidden, invalidFields, json, notFound, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { notify } from '@/notifications/notify'
import { applyTransition, WORKFLOW_CONTEXT } from '@/workflows/apply'
import { relId, sameId } from '@/db/community'
import { THREAD_LOCK } from '@hooks/community/forum'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `POST /api/forum-threads/:id/accept { response }` — the thread author marks one answer accepted (replacing
 * an earlier choice) and the thread becomes `resolved`.
 */
export const acceptResponse: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const id = routeId(req)
  const input = new Input(await readJson(req))
  const responseId = input.id('response')
  assertValid(input)
  const result = await withTransaction(req, async (tx) => {
    await advisoryLock(tx, THREAD_LOCK, id)
    if (!(await lockRow(tx, 'forum-threads', id, 'id'))) throw notFound()
    const thread = (await req.payload.findByID({ collection: 'forum-threads' as never, id, req, depth: 0, overrideAccess: true })) as Doc
    if (!sameId(thread.author, user.id) && !isAdminUser(user)) throw forbidden('Only the author of the thread may accept an answer.')
    if (thread.status === 'closed') throw conflict('This thread is closed.')
    const response = (await req.payload.findByID({ collection: 'forum-responses' as never, id: responseId!, req, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    if (!response || !sameId(response.thread, id) || response.status !== 'visible') {
      throw invalidFields([{ path: 'response', message: 'response must be a visible answer in this thread.' }])
    }
    await tx.execute(sql`update forum_responses set is_accepted = (id = ${responseId!}) where thread_id = ${id} and (is_accepted or id = ${responseId!})`)
    const doc = await req.payload.update({
      collection: 'forum-threads' as never,
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { acceptedResponse: responseId, status: 'resolved' } as never,
      context: { forumInternal: true, [WORKFLOW_CONTEXT]: true },
    })
    if (!sameId(response.author, user.id)) {
      await notify(req, {
        user: relId(response.author)!,
        type: 'forum_reply',
        title: { en: 'Your answer was accepted', ar: 'تم قبول إجابتك' },
        message: { en: `Your answer in “${thread.title}” was marked as the accepted answer.`, ar: `تم اختيار إجابتك في «${thread.title}» كإجابة مقبولة.` },
        data: { thread: id, response: responseId },
        actionUrl: `/forum/threads/${id}#response-${responseId}`,
      })
    }
    return doc
  })
  return json({ doc: result, acceptedResponse: responseId })
}

/** `POST /api/forum-threads/:id/view` — counts a view (atomic increment). */
export const viewThread: PayloadHandler = async (req) => {
  const id = routeId(req)
  const res = await withTransaction(req, (tx) => tx.execute(sql`update forum_threads set views_count = coalesce(views_count, 0) + 1 where id = ${id} returning views_count`))
  if (!res.rows.length) throw notFound()
  return json({ viewsCount: Number(res.rows[0].views_count) })
}

/** `POST /api/forum-threads/:id/resolve|close|reopen` — author, admins, editors (table in the README (community section)). */
export const threadTransition =
  (action: 'resolve' | 'close' | 'reopen'): PayloadHandler =>
  async (req) => {
    requireUser(req, { write: true })
    const { doc } = await applyTransition({ req, collection: 'forum-threads' as never, id: routeId(req), machine: threadWorkflow, action })
    return json({ doc })
  }

/** `POST /api/forum-responses/:id/flag { reason }` — once per user; enough flags hide the answer for moderation. */
export const flagResponse: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const id = routeId(req)
  const input = new Input(await readJson(req))
  const reason = input.string('reason', { required: true, max: 500 })
  assertValid(input)
  const result = await withTransaction(req, async (tx) => {
    if (!(await lockRow(tx, 'forum-responses', id, 'id'))) throw notFound()
    const visible = await req.payload.findByID({ collection: 'forum-responses' as never, id, req, depth: 0, overrideAccess: false, user, disableErrors: true })
    if (!visible) throw notFound()
    const full = (await req.payload.findByID({ collection: 'forum-responses' as never, id, req, depth: 0, overrideAccess: true })) as Doc
    if (sameId(full.author, user.id)) throw forbidden('You cannot flag your own answer.')
    const flags = (full.flags ?? []) as { by: unknown; reason: string; at: string }[]
    if (flags.some((f) => sameId(f.by, user.id))) throw conflict('You have already flagged this answer.')
    const next = [...flags.map((f) => ({ by: relId(f.by), reason: f.reason, at: f.at })), { by: user.id, reason, at: new Date().toISOString() }]
    const hide = next.length >= FLAGS_TO_HIDE && full.status === 'visible'
    const updated = (await req.payload.update({
      collection: 'forum-responses' as never,
      id,
      req,
      depth: 0,
      overrideAccess: true,
      data: { flags: next, ...(hide ? { status: 'hidden' } : {}) } as never,
      context: { forumInternal: true },
    })) as Doc
    return { flagsCount: updated.flagsCount, status: updated.status }
  })
  return json({ message: 'Thank you: the answer was flagged.', ...result })
}
