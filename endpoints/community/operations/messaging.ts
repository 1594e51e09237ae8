/** Messaging operations: post a message, mark a conversation read, contact a listing's seller. */
import type { PayloadRequest } from 'payload'

import type { Car, Conversation, Part } from '@payload-types'
import type { AccessUser } from '@/access/roles'
import { conversationAbout, markMessagesRead, recountUnread, relId } from '@/db/community'
import { advisoryLock, lockRow, withTransaction } from '@/db/transaction'
import { type ListingCollection, listingKey } from '@/domain/community'
import { badRequest, conflict, notFound } from '@/lib/http'
import { emitToRoom, userRoom } from '@/realtime/bus'

/** The conversation if the caller takes part in it (admins see all, but only participants write), else 404 — never revealing it exists. */
async function participantConversation(req: PayloadRequest, user: AccessUser, id: number): Promise<Conversation> {
  const doc: Conversation | null = await req.payload.findByID({ collection: 'conversations', id, req, depth: 0, overrideAccess: false, user, disableErrors: true })
  if (!doc || !doc.participants.some((p) => relId(p) === Number(user.id))) throw notFound('Conversation not found.')
  return doc
}

/** A participant posts a message (the recipient is notified by the messages hooks). */
export async function postMessage(req: PayloadRequest, user: AccessUser, id: number, input: { body: string; attachments?: number[] }) {
  await participantConversation(req, user, id)
  const doc = await withTransaction(req, () =>
    req.payload.create({
      collection: 'messages',
      req,
      depth: 0,
      overrideAccess: true,
      data: { conversation: id, sender: Number(user.id), body: input.body, attachments: input.attachments },
    }),
  )
  return { doc }
}

/**
 * Marks every message addressed to the caller read; their unread count becomes 0; the other participant is told.
 * Steps: visible to the caller → lock the conversation → mark read → recount → emit.
 */
export async function markConversationRead(req: PayloadRequest, user: AccessUser, id: number) {
  const conversation = await participantConversation(req, user, id)
  const me = Number(user.id)
  const result = await withTransaction(req, async (tx) => {
    await lockRow(tx, 'conversations', id, 'id')
    const marked = await markMessagesRead(tx, id, me)
    const unread = await recountUnread(tx, id, me)
    return { marked, unread }
  })
  const other = conversation.participants.map(relId).find((p) => p !== me)
  if (other) emitToRoom(userRoom(other), 'conversation:read', { conversation: id, by: user.id })
  return { conversation: id, ...result }
}

export interface ContactSellerInput {
  listing: { relationTo: ListingCollection; value: number }
  message: string
  subject?: string
}

/**
 * Opens (or reuses) the caller's conversation with a listing's seller and posts the message; `reused` tells
 * whether the conversation already existed.
 * Steps: load the listing (available, has a seller, not the caller's) → lock caller+listing → find or create
 * the conversation → post the message.
 */
export async function contactSeller(req: PayloadRequest, user: AccessUser, input: ContactSellerInput) {
  const { relationTo, value: listingId } = input.listing
  const listing: Car | Part | null = await req.payload.findByID({ collection: relationTo, id: listingId, req, depth: 0, overrideAccess: true, disableErrors: true })
  if (!listing || listing.status === 'draft' || listing.status === 'pending_review') throw notFound('Listing not found.')
  if (listing.status && !['active', 'sale_pending'].includes(listing.status)) throw conflict('This listing is no longer available.')
  const seller = relId(listing.seller)
  if (!seller) throw conflict('This listing has no seller to contact.')
  const me = Number(user.id)
  if (seller === me) throw badRequest('You cannot contact yourself about your own listing.')
  const key = listingKey(relationTo, listingId)

  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'contact-seller', `${user.id}:${key}`)
    let conversationId = await conversationAbout(tx, me, key)
    const reused = conversationId !== null
    if (conversationId === null) {
      const created = await req.payload.create({
        collection: 'conversations',
        req,
        depth: 0,
        overrideAccess: true,
        data: {
          participants: [me, seller],
          initiator: me,
          listing: { relationTo, value: listingId },
          subject: input.subject ?? listing.title ?? `About ${relationTo} #${listingId}`,
        },
      })
      conversationId = created.id
    }
    const message = await req.payload.create({
      collection: 'messages',
      req,
      depth: 0,
      overrideAccess: true,
      data: { conversation: conversationId, sender: me, body: input.message },
    })
    const conversation = await req.payload.findByID({ collection: 'conversations', id: conversationId, req, depth: 0, overrideAccess: true })
    return { conversation, message, reused }
  })
}
