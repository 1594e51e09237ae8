/** Notification endpoints: unread count, mark read, mark all read, admin broadcast. */
import type { PayloadHandler } from 'payload'

import { ROLES } from '@/access/roles'
import { sql, withTransaction } from '@/db/transaction'
import { assertValid, invalidFields, json, notFound, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { emitToRoom, roleRoom, BROADCAST_ROOM, userRoom } from '@/realtime/bus'

const countUnread = async (tx: { execute: (q: any) => Promise<{ rows: any[] }> }, userId: number) => // eslint-disable-line @typescript-eslint/no-explicit-any
  Number((await tx.execute(sql`select count(*)::int as n from notifications where user_id = ${userId} and read = false`)).rows[0].n)

/** `GET /api/notifications/unread-count` → `{ unread }`. */
export const unreadCount: PayloadHandler = async (req) => {
  const user = requireUser(req)
  const unread = await withTransaction(req, (tx) => countUnread(tx, Number(user.id)))
  return json({ unread })
}

/** `POST /api/notifications/:id/read` — own notifications only (others: 404). */
export const markRead: PayloadHandler = async (req) => {
  const user = requireUser(req)
  const id = routeId(req)
  const unread = await withTransaction(req, async (tx) => {
    const res = await tx.execute(sql`update notifications set read = true, read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${Number(user.id)} returning id`)
    if (!res.rows.length) throw notFound()
    return countUnread(tx, Number(user.id))
  })
  emitToRoom(userRoom(user.id), 'notification:read', { ids: [id], unread })
  return json({ id, read: true, unread })
}

/** `POST /api/notifications/read-all` → `{ marked, unread: 0 }`. */
export const markAllRead: PayloadHandler = async (req) => {
  const user = requireUser(req)
  const marked = await withTransaction(req, async (tx) => {
    const res = await tx.execute(sql`update notifications set read = true, read_at = now() where user_id = ${Number(user.id)} and read = false returning id`)
    return res.rows.length
  })
  emitToRoom(userRoom(user.id), 'notification:read', { all: true, unread: 0 })
  return json({ marked, unread: 0 })
}

function localized(body: Record<string, unknown>, path: string, max: number, errors: { path: string; message: string }[]) {
  const raw = body[path]
  const value = typeof raw === 'string' ? { en: raw } : (raw as Record<string, unknown> | undefined)
  const input = new Input(value && typeof value === 'object' ? value : {})
  const en = input.string('en', { required: true, max })
  const ar = input.string('ar', { max })
  errors.push(...input.errors.map((e) => ({ path: `${path}.${e.path}`, message: `${path}.${e.message}` })))
  return { en: en!, ar: ar ?? en! }
}

/**
 * `POST /api/notifications/broadcast { type: system_announcement|promotion, title: {en, ar?}, message: {en, ar?},
 * role?, actionUrl? }` (admin) — one notification per active user (or per user with `role`), written in
 * bulk SQL; emitted once to the socket.io room of everyone (or of the role); email goes out in the next digest
 * (per each user's preferences).
 */
export const broadcast: PayloadHandler = async (req) => {
  requireUser(req, { write: true, roles: ['admin'] })
  const body = await readJson(req)
  const input = new Input(body)
  const type = input.oneOf('type', ['system_announcement', 'promotion'] as const, { required: true })
  const role = input.oneOf('role', ROLES)
  const actionUrl = input.string('actionUrl', { max: 500 })
  const errors = [...input.errors]
  const title = localized(body, 'title', 200, errors)
  const message = localized(body, 'message', 2000, errors)
  if (errors.length) throw invalidFields(errors)
  assertValid(input)
  const data = JSON.stringify({ broadcast: true, ...(role ? { role } : {}) })
  const recipients = await withTransaction(req, async (tx) => {
    const who = role
      ? sql`select u.id from users u where coalesce(u.status::text, 'active') <> 'inactive' and exists (select 1 from users_roles r where r.parent_id = u.id and r.value::text = ${role})`
      : sql`select u.id from users u where coalesce(u.status::text, 'active') <> 'inactive'`
    const res = await tx.execute(sql`
      with targets as (${who}),
      ins as (
        insert into notifications (user_id, type, data, action_url, urgent, read, email_status, updated_at, created_at)
        select id, ${type}::enum_notifications_type, ${data}::jsonb, ${actionUrl ?? null}, false, false, 'queued'::enum_notifications_email_status, now(), now() from targets
        returning id
      ),
      loc as (
        insert into notifications_locales (title, message, _locale, _parent_id)
        select ${title.en}, ${message.en}, 'en'::_locales, id from ins
        union all
        select ${title.ar}, ${message.ar}, 'ar'::_locales, id from ins
        returning _parent_id
      )
      select (select count(*) from ins)::int as n`)
    return Number(res.rows[0].n)
  })
  emitToRoom(role ? roleRoom(role) : BROADCAST_ROOM, 'notification:new', {
    broadcast: true,
    type,
    title: title.en,
    message: message.en,
    locales: { en: { title: title.en, message: message.en }, ar: { title: title.ar, message: message.ar } },
    actionUrl,
  })
  return json({ recipients, type, role: role ?? null }, 201)
}
