/** Notification endpoints: unread count, mark read, mark all read, admin broadcast. */
import { z } from 'zod'

import { ROLES } from '@/access/roles'
import { defineEndpoint } from '@/http/define-endpoint'

import { broadcast, markAllRead, markRead, unreadCount } from './operations/notifications'
import { oneOf, optStr, str } from '@/http/fields'

/** `{ en, ar? }`, or a plain string meaning `{ en }`. */
const localized = (path: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? { en: v } : v && typeof v === 'object' ? v : {}), z.object({ en: str(`${path}.en`, { max }), ar: optStr(`${path}.ar`, { max }) }))

/** `GET /api/notifications/unread-count` → `{ unread }`. */
export const unreadCountEndpoint = defineEndpoint({
  method: 'get',
  path: '/unread-count',
  summary: "The caller's unread notifications.",
  auth: 'user',
  run: ({ req, user }) => unreadCount(req, user),
})

/** `POST /api/notifications/read-all` → `{ marked, unread: 0 }`. */
export const markAllReadEndpoint = defineEndpoint({
  method: 'post',
  path: '/read-all',
  summary: "Marks all the caller's notifications read.",
  auth: 'user',
  run: ({ req, user }) => markAllRead(req, user),
})

/** `POST /api/notifications/:id/read`. */
export const markReadEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/read',
  summary: "Marks one of the caller's notifications read (others: 404).",
  auth: 'user',
  run: ({ req, user, id }) => markRead(req, user, id),
})

/** `POST /api/notifications/broadcast { type, title: {en, ar?}, message: {en, ar?}, role?, actionUrl? }` (admin). */
export const broadcastEndpoint = defineEndpoint({
  method: 'post',
  path: '/broadcast',
  summary: 'Admins notify every active user (or every user with a role); email follows in the digest.',
  auth: { roles: ['admin'] },
  status: 201,
  body: z.object({
    type: oneOf('type', ['system_announcement', 'promotion']),
    role: z.preprocess((v) => (v === null || v === '' ? undefined : v), oneOf('role', ROLES).optional()),
    actionUrl: optStr('actionUrl', { max: 500 }),
    title: localized('title', 200),
    message: localized('message', 2000),
  }),
  run: ({ req, body }) => broadcast(req, body),
})
