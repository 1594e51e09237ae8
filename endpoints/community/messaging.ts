/** Messaging endpoints: contact a seller, post a message, mark a conversation read. */
import type { PayloadHandler, PayloadRequest } from 'payload'

import { advisoryLock, lockRow, sql, withTransaction } from '@/db/transaction'
import { listingKey } from '@/domain/community'
import { assertValid, badRequest, conflict, invalidFields, json, notFound, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { emitToRoom, userRoom } from '@/realtime/bus'
import { relId } from '@/db/community'
import { LISTING_COLLECTIONS, recountUnread } from '@hooks/community/messaging'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type User = ReturnType<typeof requireUser>

/** The conversation if the caller may read it (participant or admin), else 404 — never revealing it exists. */
async function visibleConversation(req: PayloadRequest, user: User, id: number): Promise<Doc> {
  const doc = await req.payload.findByID({ collection: 'conversations' as never, id, req, depth: 0, overrideAccess: false, user: user as never, disableErrors: true })
  if (!doc) throw notFound('Conversation not found.')
  return doc as Doc
}

const isParticipant = (conversation: Doc, userId: number | string) =>
  ((conversation.participants ?? []) as unknown[]).some((p) => relId(p) === Number(userId))

function readAttachments(body: Record<string, unknown>): number[] | undefined {
  if (body.attachments === undefined || body.attachments === null) return undefined
  const list = body.attachments
  if (!Array.isArray(list) || list.some((a) => relId(a) === null) || list.length > 10) {
    throw invalidFields([{ path: 'attachments', message: 'attachments must be a list of up to 10 media ids.' }])
  }
  return list.map((a) => relId(a)!)
}

/** `POST /api/conversations/:id/messages { body, attachments? }` — participants only. */
export const postMessage: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const id = routeId(req)
  const body = await readJson(req)
  const input = new Input(body)
  const text = input.string('body', { required: true, max: 5000 })
  assertValid(input)
  const attachments = readAttachments(body)
  const conversation = await visibleConversation(req, user, id)
  if (!isParticipant(conversation, user.id)) throw notFound('Conversation not found.')
  const message = await withTransaction(req, () =>
    req.payload.create({ collection: 'messages' as never, req, depth: 0, overrideAccess: true, data: { conversation: id, sender: user.id, body: text, attachments } as never }),
  )
  return json({ doc: message }, 201)
}

/** `POST /api/conversations/:id/read` — marks every message addressed to the caller read; their unread count → 0. */
export const markConversationRead: PayloadHandler = async (req) => {
  const user = requireUser(req)
  const id = routeId(req)
  const conversation = await visibleConversation(req, user, id)
  if (!isParticipant(conversation, user.id)) throw notFound('Conversation not found.')
  const result = await withTransaction(req, async (tx) => {
    await lockRow(tx, 'conversations', id, 'id')
    const marked = await tx.execute(sql`update messages set read_at = now() where conversation_id = ${id} and recipient_id = ${Number(user.id)} and read_at is null returning id`)
    const unread = await recountUnread(tx, id, Number(user.id))
    return { marked: marked.rows.length, unread }
  })
  const other = ((conversation.participants ?? []) as unknown[]).map(relId).find((p) => p !== Number(user.id))
  if (other) emitToRoom(userRoom(other), 'conversation:read', { conversation: id, by: user.id })
  return json({ conversation: id, ...result })
}

/**
 * `POST /api/contact-seller { listing: { relationTo: cars|parts, value }, message, subject? }` — opens (or reuses)
 * the caller's conversation with the listing's seller and posts the message; the seller is notified
 * (new_message: in-app, socket.io, email per preferences).
 */
export const contactSeller: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const body = await readJson(req)
  const listing = body.listing as Record<string, unknown> | undefined
  if (!listing || typeof listing !== 'object') throw invalidFields([{ path: 'listing', message: 'listing must be { relationTo: cars|parts, value: id }.' }])
  const l = new Input(listing)
  const relationTo = l.oneOf('relationTo', LISTING_COLLECTIONS, { required: true })
  const listingId = l.id('value')
  const input = new Input(body)
  const message = input.string('message', { required: true, max: 5000 })
  const subject = input.string('subject', { max: 200 })
  const errors = [...l.errors.map((e) => ({ path: `listing.${e.path}`, message: `listing.${e.message}` })), ...input.errors]
  if (errors.length) throw invalidFields(errors)

  const doc = (await req.payload.findByID({ collection: relationTo!, id: listingId!, req, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
  if (!doc || doc.status === 'draft' || doc.status === 'pending_review') throw notFound('Listing not found.')
  if (doc.status && !['active', 'sale_pending'].includes(doc.status)) throw conflict('This listing is no longer available.')
  const seller = relId(doc.seller)
  if (!seller) throw conflict('This listing has no seller to contact.')
  if (seller === Number(user.id)) throw badRequest('You cannot contact yourself about your own listing.')
  const key = listingKey(relationTo!, listingId!)

  const result = await withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'contact-seller', `${user.id}:${key}`)
    const existing = await tx.execute(sql`select id from conversations where initiator_id = ${Number(user.id)} and listing_key = ${key} limit 1`)
    let conversationId = existing.rows[0]?.id as number | undefined
    const reused = Boolean(conversationId)
    if (!conversationId) {
      const created = await req.payload.create({
        collection: 'conversations' as never,
        req,
        depth: 0,
        overrideAccess: true,
        data: {
          participants: [Number(user.id), seller],
          initiator: Number(user.id),
          listing: { relationTo, value: listingId },
          subject: subject ?? (doc.title as string | undefined) ?? `About ${relationTo} #${listingId}`,
        } as never,
      })
      conversationId = (created as { id: number }).id
    }
    const msg = await req.payload.create({
      collection: 'messages' as never,
      req,
      depth: 0,
      overrideAccess: true,
      data: { conversation: conversationId, sender: user.id, body: message } as never,
    })
    const conversation = await req.payload.findByID({ collection: 'conversations' as never, id: conversationId, req, depth: 0, overrideAccess: true })
    return { conversation, message: msg, reused }
  })
  return json(result, result.reused ? 200 : 201)
}
