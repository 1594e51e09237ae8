/**
 * Messaging: two-person conversations (optionally about a car or part listing) and their messages. Unread
 * counts per participant are recounted from SQL under the conversation's row lock; every new message
 * notifies the recipient (new_message: in-app, socket.io, email per preferences).
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, FieldHook, PayloadRequest } from 'payload'

import type { Conversation, Message } from '@payload-types'
import { isAdminUser } from '@/access/roles'
import { conversationAbout, recountUnread, relId, touchConversation } from '@/db/community'
import { userFields } from '@/db/identity'
import { lockRow, txOf } from '@/db/transaction'
import { LISTING_COLLECTIONS, listingKey, otherParticipant, preview } from '@/domain/community'
import { conflict, currentUser, forbidden, invalidFields, notFound } from '@/lib/http'
import { readsFields } from '@/lib/read-needs'
import { notify } from '@/notifications/notify'
import { emitToRoom, userRoom } from '@/realtime/bus'

const isListingCollection = (v: unknown): v is (typeof LISTING_COLLECTIONS)[number] => (LISTING_COLLECTIONS as readonly unknown[]).includes(v)

export const conversationBeforeChange: CollectionBeforeChangeHook<Conversation> = async ({ data, operation, req, originalDoc }) => {
  const user = currentUser(req)
  if (operation === 'update') {
    for (const f of ['participants', 'initiator', 'listing', 'listingKey', 'unread'] as const) {
      if (f in data && !isAdminUser(user)) Object.assign(data, { [f]: originalDoc?.[f] })
    }
    return data
  }
  const participants = [...new Set((data.participants ?? []).map(relId).filter((x): x is number => x !== null))]
  if (participants.length !== 2) throw invalidFields([{ path: 'participants', message: 'A conversation has exactly two different participants.' }])
  if (user && !isAdminUser(user) && !participants.includes(Number(user.id))) throw forbidden('You can only start conversations you take part in.')
  const { totalDocs } = await req.payload.count({ collection: 'users', where: { id: { in: participants } }, req, overrideAccess: true })
  if (totalDocs !== 2) throw invalidFields([{ path: 'participants', message: 'Both participants must be existing users.' }])
  data.participants = participants
  const initiator = relId(data.initiator) ?? (user ? Number(user.id) : participants[0])
  data.initiator = initiator
  const l = data.listing as { relationTo?: unknown; value?: unknown } | null | undefined
  if (l && (l.relationTo || l.value)) {
    const id = relId(l.value)
    if (!id || !isListingCollection(l.relationTo)) {
      throw invalidFields([{ path: 'listing', message: 'listing must be { relationTo: cars|parts, value: id }.' }])
    }
    const key = listingKey(l.relationTo, id)
    data.listing = { relationTo: l.relationTo, value: id }
    data.listingKey = key
    const dup = await conversationAbout(await txOf(req), initiator, key)
    if (dup !== null) throw conflict('You already have a conversation about this listing.', { conversation: dup })
  } else {
    data.listing = null
    data.listingKey = null
  }
  data.unread = participants.map((p) => ({ user: p, count: 0 }))
  data.lastMessageAt = data.lastMessageAt ?? new Date().toISOString()
  return data
}

/** Virtual `unreadCount`: the caller's own unread count in this conversation (declared: it reads `unread`). */
export const unreadForCaller: FieldHook<Conversation, number | undefined, Conversation> = readsFields(['unread'], ({ siblingData, req }) => {
  const user = currentUser(req)
  if (!user) return undefined
  const row = (siblingData?.unread ?? []).find((u) => relId(u.user) === Number(user.id))
  return row ? Number(row.count ?? 0) : undefined
})

export const messageBeforeChange: CollectionBeforeChangeHook<Message> = async ({ data, operation, req, originalDoc }) => {
  if (operation === 'update') {
    for (const f of ['conversation', 'sender', 'recipient'] as const) if (f in data) Object.assign(data, { [f]: originalDoc?.[f] })
    return data
  }
  const conversationId = relId(data.conversation)
  const sender = relId(data.sender)
  if (!conversationId) throw invalidFields([{ path: 'conversation', message: 'conversation is required.' }])
  if (!sender) throw invalidFields([{ path: 'sender', message: 'sender is required.' }])
  const tx = await txOf(req)
  if (!(await lockRow(tx, 'conversations', conversationId, 'id'))) throw notFound('Conversation not found.')
  const conversation: Conversation = await req.payload.findByID({ collection: 'conversations', id: conversationId, req, depth: 0, overrideAccess: true })
  const participants = conversation.participants.map(relId).filter((x): x is number => x !== null)
  const recipient = otherParticipant(participants, sender)
  if (recipient === null) throw notFound('Conversation not found.')
  data.recipient = Number(recipient)
  data.readAt = null
  return data
}

export const messageAfterChange: CollectionAfterChangeHook<Message> = async ({ doc, operation, req, context }) => {
  if (operation !== 'create') return doc
  const conversationId = relId(doc.conversation)!
  const recipient = relId(doc.recipient)!
  const sender = relId(doc.sender)!
  const tx = await txOf(req)
  const text = preview(String(doc.body ?? ''))
  await touchConversation(tx, conversationId, { at: doc.createdAt, preview: text, sender })
  const unread = await recountUnread(tx, conversationId, recipient)
  if (context?.seed) return doc
  emitToRoom(userRoom(recipient), 'message:new', { conversation: conversationId, message: { id: doc.id, sender, body: doc.body, createdAt: doc.createdAt }, unread })
  await notifyNewMessage(req, { conversationId, recipient, sender, text, messageId: doc.id })
  return doc
}

async function notifyNewMessage(req: PayloadRequest, m: { conversationId: number; recipient: number; sender: number; text: string; messageId: number }): Promise<void> {
  const from = await userFields(req, m.sender, ['firstName', 'lastName'])
  const name = [from?.firstName, from?.lastName].filter(Boolean).join(' ') || 'A user'
  await notify(req, {
    user: m.recipient,
    type: 'new_message',
    title: { en: `New message from ${name}`, ar: `رسالة جديدة من ${name}` },
    message: { en: m.text, ar: m.text },
    data: { conversation: m.conversationId, message: m.messageId, sender: m.sender },
    actionUrl: `/messages/${m.conversationId}`,
  })
}
