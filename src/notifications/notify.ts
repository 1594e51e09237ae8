/**
 * notify(): the one service every domain calls to tell a user something. It writes the in-app
 * `notifications` record (joining the caller's transaction through `req`), emits `notification:new` to the
 * user's socket.io room, and sends email according to the user's preferences.
 */
import type { PayloadRequest } from 'payload'

import type { NotificationType } from '@/domain/notification-types'
import { emitToRoom, userRoom } from '@/realtime/bus'

import { deliverEmail } from './channels'

export interface NotifyInput {
  user: number | string
  type: NotificationType
  /** Localized texts; `ar` falls back to `en`. */
  title: { en: string; ar?: string }
  message: { en: string; ar?: string }
  data?: Record<string, unknown>
  actionUrl?: string
  /** Send email regardless of frequency settings (security and account mail). */
  urgent?: boolean
}

export async function notify(req: PayloadRequest, input: NotifyInput): Promise<{ id: number | string } | null> {
  const { payload } = req
  const created = await payload.create({
    collection: 'notifications',
    req,
    overrideAccess: true,
    locale: 'en',
    data: {
      user: input.user,
      type: input.type,
      title: input.title.en,
      message: input.message.en,
      data: input.data ?? {},
      actionUrl: input.actionUrl,
      read: false,
    } as never,
  })
  if (input.title.ar || input.message.ar) {
    await payload.update({
      collection: 'notifications',
      id: created.id,
      req,
      overrideAccess: true,
      locale: 'ar',
      data: { title: input.title.ar ?? input.title.en, message: input.message.ar ?? input.message.en } as never,
    })
  }
  emitToRoom(userRoom(input.user), 'notification:new', {
    id: created.id,
    type: input.type,
    title: input.title.en,
    message: input.message.en,
    data: input.data ?? {},
    actionUrl: input.actionUrl,
  })
  await deliverEmail(req, created.id, input)
  return { id: created.id }
}
