/**
 * socket.io on the express server. Handshake auth: `io(url, { auth: { token } })` with a Payload JWT (or
 * `guestToken` for guest bookings). Every signed-in socket joins `user:<id>`; `join-booking { bookingId }`
 * (and the generic `join { room }`) joins other rooms after the room's authorizer agrees. With
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

import { BROADCAST_ROOM, registerRealtime, roleRoom, userRoom } from './bus'
import { roomAuthorizer } from './rooms'

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
    if (socket.data.user) {
      void socket.join([userRoom(socket.data.user.id), BROADCAST_ROOM, ...(socket.data.user.roles ?? []).map(roleRoom)])
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
  })

  registerRealtime(io)
  return io as unknown as Server
}
