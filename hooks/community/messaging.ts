/**
 * Messaging: two-person conversations (optionally about a car or part listing) and their messages. Unread
 * counts per participant are recounted from SQL under the conversation's row lock; every new message
 * notifies the recipient (new_message: in-app, socket.io, email per preferences).
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, FieldHook, PayloadRequest } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, sql, type Tx, txOf } from '@/db/transaction'
import { listingKey, otherParticipant, preview } from '@/domain/community'
import { conflict, currentUser, forbidden, invalidFields, notFound } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { emitToRoom, userRoom } from '@/realtime/bus'

import { relId } from '@/db/community'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const LISTING_COLLECTIONS = ['cars', 'parts'] as const

/** Sets the unread count of `userId` in a conversation to the exact number of unread messages addressed to them. */
export async function recountUnread(tx: Tx, conversationId: number, userId: number): Promise<number> {
  const res = await tx.execute(sql`
    update conversations_unread set count = (
      select count(*) from messages m where m.conversation_id = ${conversationId} and m.recipient_id = ${userId} and m.read_at is null
    ) where _parent_id = ${conversationId} and user_id = ${userId} returning count`)
  return Number(res.rows[0]?.count ?? 0)
}

export const conversationBeforeChange: CollectionBeforeChangeHook = async ({ data, operation, req, originalDoc }) => {
  const user = currentUser(req)
  if (operation === 'update') {
    for (const f of ['participants', 'initiator', 'listing', 'listingKey', 'unread']) if (f in data && !isAdminUser(user)) data[f] = originalDoc?.[f]
    return data
  }
  const participants = [...new Set(((data.participants ?? []) as unknown[]).map(relId).filter((x): x is number => x !== null))]
  if (participants.length !== 2) throw invalidFields([{ path: 'participants', message: 'A conversation has exactly two different participants.' }])
  if (user && !isAdminUser(user) && !participants.includes(Number(user.id))) throw forbidden('You can only start conversations you take part in.')
  const { totalDocs } = await req.payload.count({ collection: 'users', where: { id: { in: participants } }, req, overrideAccess: true })
  if (totalDocs !== 2) throw invalidFields([{ path: 'participants', message: 'Both participants must be existing users.' }])
  data.participants = participants
  data.initiator = relId(data.initiator) ?? (user ? Number(user.id) : participants[0])
  const l = data.listing as { relationTo?: string; value?: unknown } | null | undefined
  if (l && (l.relationTo || l.value)) {
    const id = relId(l.value)
    if (!id || !(LISTING_COLLECTIONS as readonly string[]).includes(String(l.relationTo))) {
      throw invalidFields([{ path: 'listing', message: 'listing must be { relationTo: cars|parts, value: id }.' }])
    }
    data.listing = { relationTo: l.relationTo, value: id }
    data.listingKey = listingKey(String(l.relationTo), id)
    const tx = await txOf(req)
    const dup = await tx.execute(sql`select id from conversations where initiator_id = ${data.initiator} and listing_key = ${data.listingKey} limit 1`)
    if (dup.rows.length) throw conflict('You already have a conversation about this listing.', { conversation: dup.rows[0].id })
  } else {
    data.listing = null
    data.listingKey = null
  }
  data.unread = participants.map((p) => ({ user: p, count: 0 }))
  data.lastMessageAt = data.lastMessageAt ?? new Date().toISOString()
  return data
}

/** Virtual `unreadCount`: the caller's own unread count in this conversation. */
export const unreadForCaller: FieldHook = ({ siblingData, req }) => {
  const user = currentUser(req)
  if (!user) return undefined
  const row = ((siblingData?.unread ?? []) as { user: unknown; count?: number }[]).find((u) => relId(u.user) === Number(user.id))
  return row ? Number(row.count ?? 0) : undefined
}

export const messageBeforeChange: CollectionBeforeChangeHook = async ({ data, operation, req, originalDoc }) => {
  if (operation === 'update') {
    for (const f of ['conversation', 'sender', 'recipient']) if (f in data) data[f] = originalDoc?.[f]
    return data
  }
  const conversationId = relId(data.conversation)
  const sender = relId(data.sender)
  if (!conversationId) throw invalidFields([{ path: 'conversation', message: 'conversation is required.' }])
  if (!sender) throw invalidFields([{ path: 'sender', message: 'sender is required.' }])
  const tx = await txOf(req)
  if (!(await lockRow(tx, 'conversations', conversationId, 'id'))) throw notFound('Conversation not found.')
  const conversation = (await req.payload.findByID({ collection: 'conversations' as never, id: conversationId, req, depth: 0, overrideAccess: true })) as Doc
  const participants = ((conversation.participants ?? []) as unknown[]).map(relId).filter((x): x is number => x !== null)
  const recipient = otherParticipant(participants, sender)
  if (recipient === null) throw notFound('Conversation not found.')
  data.recipient = recipient
  data.readAt = null
  return data
}

export const messageAfterChange: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create') return doc
  const conversationId = relId(doc.conversation)!
  const recipient = relId(doc.recipient)!
  const sender = relId(doc.sender)!
  const tx = await txOf(req)
  const text = preview(String(doc.body ?? ''))
  await tx.execute(sql`update conversations set last_message_at = ${doc.createdAt}, last_message_preview = ${text}, last_message_by_id = ${sender} where id = ${conversationId}`)
  const unread = await recountUnread(tx, conversationId, recipient)
  if (context?.seed) return doc
  emitToRoom(userRoom(recipient), 'message:new', { conversation: conversationId, message: { id: doc.id, sender, body: doc.body, createdAt: doc.createdAt }, unread })
  await notifyNewMessage(req, { conversationId, recipient, sender, text, messageId: doc.id })
  return doc
}

async function notifyNewMessage(
  req: PayloadRequest,
  m: { conversationId: number; recipient: number; sender: number; text: string; messageId: number | string },
): Promise<void> {
  const from = (await req.payload.findByID({ collection: 'users', id: m.sender, req, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
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
