/** Notification operations: unread count, mark read, mark all read, admin broadcast. */
import type { PayloadRequest } from 'payload'

import type { AccessUser, Role } from '@/access/roles'
import { countUnreadNotifications, insertBroadcast, markAllNotificationsRead, markNotificationRead } from '@/db/community'
import { withTransaction } from '@/db/transaction'
import { notFound } from '@/lib/http'
import { BROADCAST_ROOM, emitToRoom, roleRoom, userRoom } from '@/realtime/bus'

export async function unreadCount(req: PayloadRequest, user: AccessUser) {
  return { unread: await withTransaction(req, (tx) => countUnreadNotifications(tx, Number(user.id))) }
}

/** Marks one of the caller's notifications read (others: 404) and emits the new unread count. */
export async function markRead(req: PayloadRequest, user: AccessUser, id: number) {
  const unread = await withTransaction(req, async (tx) => {
    if (!(await markNotificationRead(tx, id, Number(user.id)))) throw notFound()
    return countUnreadNotifications(tx, Number(user.id))
  })
  emitToRoom(userRoom(user.id), 'notification:read', { ids: [id], unread })
  return { id, read: true, unread }
}

export async function markAllRead(req: PayloadRequest, user: AccessUser) {
  const marked = await withTransaction(req, (tx) => markAllNotificationsRead(tx, Number(user.id)))
  emitToRoom(userRoom(user.id), 'notification:read', { all: true, unread: 0 })
  return { marked, unread: 0 }
}

export interface BroadcastInput {
  type: 'system_announcement' | 'promotion'
  title: { en: string; ar?: string }
  message: { en: string; ar?: string }
  role?: Role
  actionUrl?: string
}

/**
 * One notification per active user (or per user with `role`), written in bulk SQL, emitted once to the
 * socket.io room of everyone (or of the role); email goes out in the next digest (per each user's preferences).
 */
export async function broadcast(req: PayloadRequest, input: BroadcastInput) {
  const title = { en: input.title.en, ar: input.title.ar ?? input.title.en }
  const message = { en: input.message.en, ar: input.message.ar ?? input.message.en }
  const { type, role, actionUrl } = input
  const recipients = await withTransaction(req, (tx) => insertBroadcast(tx, { type, role, actionUrl, title, message, data: { broadcast: true, ...(role ? { role } : {}) } }))
  emitToRoom(role ? roleRoom(role) : BROADCAST_ROOM, 'notification:new', {
    broadcast: true,
    type,
    title: title.en,
    message: message.en,
    locales: { en: { title: title.en, message: message.en }, ar: { title: title.ar, message: message.ar } },
    actionUrl,
  })
  return { recipients, type, role: role ?? null }
}
