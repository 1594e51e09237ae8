/**
 * socket.io on the express server. Handshake auth: `io(url, { auth: { token } })` with a Payload JWT (or
 * `guestToken` for guest bookings). Every signed-in socket joins `user:<id>` and is sent `authenticated`;
 * `join-booking { bookingId }`, `join-spot { spotId }` (and the generic `join { room }`) join other rooms after
 * the room's authorizer agrees. Client events domains answer (`update-location`, …) are registered in ./rooms;
 * `notification:read { notificationId }` marks the caller's notification read (the car-services contract,
 * docs/source-systems.md). With
 * `@socket.io/postgres-adapter`, emits reach clients connected to any instance sharing the database.
 */
import type http from 'node:http'

import { createAdapter } from '@socket.io/postgres-adapter'
import type { Payload } from 'payload'
import pg from 'pg'
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Server } from 'socket.io'

import type { AccessUser } from '@/access/roles'
import { guardPool } from '@/db/pool'
import { isTrustedOrigin } from '@/http/origins'
import { env } from '@/lib/env'

import { countUnreadNotifications, markNotificationRead } from '@/db/community'
import { dbOf } from '@/db/transaction'

import { BROADCAST_ROOM, emitToRoom, registerRealtime, roleRoom, userRoom } from './bus'
import { roomAuthorizer, socketHandlers } from './rooms'

interface SocketData {
  user: AccessUser | null
  guestToken?: string
}

/** socket.io's postgres adapter keeps large packets here for a few seconds (transient data). */
export const REALTIME_SCHEMA = 'autohub_realtime'
export const REALTIME_TABLE = `${REALTIME_SCHEMA}.socket_io_attachments`

export async function startRealtime(server: http.Server, payload: Payload): Promise<Server> {
  const io = new Server<any, any, any, SocketData>(server, {
    path: '/socket.io',
    // The API's origin policy (src/http/origins.ts): own origin, CORS_ORIGINS, any loopback origin outside production.
    cors: { origin: (origin, cb) => cb(null, Boolean(origin) && isTrustedOrigin(origin, env.originPolicy)), credentials: true },
    serveClient: false,
  })

  if (process.env.DATABASE_URL && process.env.REALTIME_ADAPTER !== 'memory') {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 })
    guardPool(pool, payload.logger, 'socket.io adapter pool')
    // Instances starting together would race on "create table if not exists" (a duplicate pg_type row):
    // serialize the DDL with a transaction-scoped advisory lock. The table lives in its own schema, out of
    // sight of Payload's dev schema push (which only diffs `public` and would try to drop its sequence).
    await pool.query(`
      do $$ begin
        perform pg_advisory_xact_lock(hashtext('socket_io_attachments'));
        create schema if not exists ${REALTIME_SCHEMA};
        create table if not exists ${REALTIME_TABLE} (
          id bigserial unique,
          created_at timestamptz default now(),
          payload bytea
        );
      end $$`)
    io.adapter(createAdapter(pool, { tableName: REALTIME_TABLE, errorHandler: (err) => payload.logger.warn({ err, msg: 'socket.io adapter' }) }))
    io.engine.on('close', () => void pool.end().catch(() => {}))
    // The cluster adapter publishes to PostgreSQL before delivering locally, so two emits in a row could
    // overtake each other. Serialize broadcasts per process: events reach every client in emit order.
    const adapter = io.of('/').adapter as unknown as { broadcast: (packet: unknown, opts: unknown) => Promise<void> | void }
    const broadcast = adapter.broadcast.bind(adapter)
    let queue: Promise<void> = Promise.resolve()
    adapter.broadcast = (packet, opts) => {
      const next = queue.then(() => broadcast(packet, opts))
      queue = next.catch(() => {})
      return next
    }
    const origClose = io.close.bind(io)
    io.close = ((fn?: (err?: Error) => void) => {
      origClose(fn)
      void pool.end().catch(() => {})
    }) as typeof io.close
  }

  io.use(async (socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: string; guestToken?: string }
    const header = socket.handshake.headers.authorization
    const token = auth.token ?? (header?.startsWith('JWT ') || header?.startsWith('Bearer ') ? header.split(' ')[1] : undefined)
    socket.data.guestToken = typeof auth.guestToken === 'string' ? auth.guestToken : undefined
    socket.data.user = null
    if (!token) return next()
    try {
      const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
      if (!user) return next(new Error('unauthorized'))
      socket.data.user = user as unknown as AccessUser
      next()
    } catch {
      next(new Error('unauthorized'))
    }
  })

  const join = async (socket: any, room: string): Promise<{ ok: boolean; error?: string }> => {
    const [kind, id] = room.split(':')
    const user = socket.data.user
    if (kind === 'broadcast' || kind === 'role') return { ok: false, error: 'joined automatically' }
    if (kind === 'user') {
      if (user && String(user.id) === id) {
        await socket.join(room)
        return { ok: true }
      }
      return { ok: false, error: 'forbidden' }
    }
    const authorize = roomAuthorizer(kind)
    if (!authorize || !id) return { ok: false, error: 'unknown room' }
    const allowed = await authorize({ payload, user, guestToken: socket.data.guestToken, id }).catch(() => false)
    if (!allowed) return { ok: false, error: 'forbidden' }
    await socket.join(room)
    return { ok: true }
  }

  io.on('connection', (socket) => {
    const user = socket.data.user
    if (user) {
      void socket.join([userRoom(user.id), BROADCAST_ROOM, ...(user.roles ?? []).map(roleRoom)])
      // The car-services apps wait for this before joining rooms.
      socket.emit('authenticated', { success: true, userId: user.id, role: user.roles?.[0] ?? null, roles: user.roles ?? [] })
    } else if (socket.data.guestToken) {
      socket.emit('authenticated', { success: true, userId: null, role: 'guest', roles: [], guest: true })
    }
    const reply = (ack: unknown, result: { ok: boolean; error?: string }, event: string, room: string) => {
      if (typeof ack === 'function') ack(result)
      socket.emit(result.ok ? 'joined' : 'join-error', { room, event, ...result })
    }
    socket.on('join', async (msg: { room?: string }, ack?: unknown) => {
      const room = String(msg?.room ?? '')
      reply(ack, await join(socket, room), 'join', room)
    })
    socket.on('join-booking', async (msg: { bookingId?: string | number }, ack?: unknown) => {
      const room = `booking:${msg?.bookingId ?? ''}`
      reply(ack, await join(socket, room), 'join-booking', room)
    })
    socket.on('leave-booking', (msg: { bookingId?: string | number }) => {
      void socket.leave(`booking:${msg?.bookingId ?? ''}`)
    })
    socket.on('join-spot', async (msg: { spotId?: string | number }, ack?: unknown) => {
      const room = `spot:${msg?.spotId ?? ''}`
      reply(ack, await join(socket, room), 'join-spot', room)
    })
    socket.on('leave-spot', (msg: { spotId?: string | number }) => {
      void socket.leave(`spot:${msg?.spotId ?? ''}`)
    })
    socket.on('notification:read', async (msg: unknown, ack?: unknown) => {
      const result = await markReadFromSocket(socket.data.user, msg).catch(() => ({ ok: false, error: 'failed' }))
      if (typeof ack === 'function') ack(result)
      if (!result.ok) socket.emit('error', { event: 'notification:read', ...result })
    })
    for (const [event, handle] of socketHandlers()) {
      socket.on(event, async (message: unknown, ack?: unknown) => {
        let result: Record<string, unknown>
        try {
          result = { ok: true, ...((await handle({ payload, user: socket.data.user, guestToken: socket.data.guestToken, message })) as object) }
        } catch (err) {
          const e = err as { status?: number; message?: string; data?: unknown }
          const status = typeof e.status === 'number' ? e.status : 500
          if (status >= 500) payload.logger.error({ err, msg: `socket event ${event}` })
          result = { ok: false, status, error: status >= 500 ? 'Something went wrong.' : e.message, ...(e.data ? { data: e.data } : {}) }
        }
        if (typeof ack === 'function') ack(result)
        if (!result.ok) socket.emit('error', { event, ...result })
      })
    }
  })

  /** `notification:read` from a client: `{ notificationId }`, `{ id }`, `{ ids: [] }` or a bare id; the caller's own only. */
  async function markReadFromSocket(user: AccessUser | null, msg: unknown): Promise<{ ok: boolean; error?: string; ids?: number[]; unread?: number }> {
    if (!user) return { ok: false, error: 'unauthorized' }
    const m = (msg && typeof msg === 'object' ? msg : { id: msg }) as { notificationId?: unknown; id?: unknown; ids?: unknown }
    const raw = Array.isArray(m.ids) ? m.ids : [m.notificationId ?? m.id]
    const ids = raw.map(Number).filter((n) => Number.isInteger(n) && n > 0)
    if (!ids.length || ids.length > 100) return { ok: false, error: 'notificationId must be a notification id' }
    const userId = Number(user.id)
    const db = dbOf(payload)
    const marked: number[] = []
    for (const id of ids) if (await markNotificationRead(db, id, userId)) marked.push(id)
    const unread = await countUnreadNotifications(db, userId)
    if (!marked.length) return { ok: false, error: 'not found' }
    emitToRoom(userRoom(user.id), 'notification:read', { ids: marked, unread })
    return { ok: true, ids: marked, unread }
  }

  registerRealtime(io)
  return io as unknown as Server
}
