/**
 * Server-side helpers of the service-bookings workflow shared by the collection hooks and the endpoints:
 * booking numbers, technician overlap, technician performance, notifications and socket.io events.
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { advisoryLock, sql, type Tx, txOf } from '@/db/transaction'
import { bookingStatusTexts, formatBookingNumber, guestTokenMatches } from '@/domain/services'
import { conflict } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { bookingRoom, emitToRoom } from '@/realtime/bus'
import { ACTIVE_ASSIGNMENT_STATUSES } from '@/domain/services/booking-machine'

export const BOOKINGS = 'service-bookings' as const
export const TECHNICIANS = 'technicians' as const

export type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const idOf = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null
  if (typeof v === 'object') return idOf((v as { id?: unknown }).id)
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

// ---------- socket.io events, sent after the transaction commits ----------

const QUEUE = 'serviceBookingEmits'
type Pending = { room: string; event: string; payload: unknown }

/** Endpoints call this first: events raised during the request wait for `flushEmits` (after commit). */
export function deferEmits(req: PayloadRequest): void {
  req.context = req.context ?? {}
  req.context[QUEUE] = []
}

/** Emits now, or queues when the request defers (see deferEmits). */
export function queueEmit(req: PayloadRequest, room: string, event: string, payload: unknown): void {
  const queue = req.context?.[QUEUE] as Pending[] | undefined
  if (queue) queue.push({ room, event, payload })
  else emitToRoom(room, event, payload)
}

export function flushEmits(req: PayloadRequest): void {
  const queue = (req.context?.[QUEUE] as Pending[] | undefined) ?? []
  if (req.context) delete req.context[QUEUE]
  for (const e of queue) emitToRoom(e.room, e.event, e.payload)
}

export function dropEmits(req: PayloadRequest): void {
  if (req.context) delete req.context[QUEUE]
}

// ---------- booking numbers ----------

/**
 * The next booking number of `year`: one counter row per year, incremented with
 * `insert … on conflict do update … returning` in the booking's transaction. The row stays locked until that
 * transaction ends, so concurrent creations queue and a rolled-back creation gives its number back: the
 * numbers are unique and consecutive.
 */
export async function nextBookingNumber(tx: Tx, year: number): Promise<string> {
  const res = await tx.execute(sql`
    insert into service_booking_counters (year, last_value) values (${year}, 1)
    on conflict (year) do update set last_value = service_booking_counters.last_value + 1
    returning last_value`)
  return formatBookingNumber(year, Number(res.rows[0].last_value))
}

// ---------- technician overlap ----------

/**
 * Refuses (409) when `technicianId` already holds an active booking overlapping [start, end). Takes the
 * technician's advisory lock first, in the caller's transaction, so two racing assignments are serialized
 * and the second one sees the first.
 */
export async function assertTechnicianFree(
  req: PayloadRequest,
  technicianId: number,
  start: Date,
  end: Date,
  excludeBookingId: number | null,
): Promise<void> {
  const tx = await txOf(req)
  await advisoryLock(tx, 'technician-schedule', technicianId)
  const statuses = sql.raw(ACTIVE_ASSIGNMENT_STATUSES.map((s) => `'${s}'`).join(','))
  const res = await tx.execute(sql`
    select id, booking_number, scheduled_at, scheduled_end from service_bookings
    where technician_id = ${technicianId}
      and id <> ${excludeBookingId ?? 0}
      and status::text in (${statuses})
      and scheduled_at < ${end.toISOString()}::timestamptz
      and scheduled_end > ${start.toISOString()}::timestamptz
    limit 1`)
  const clash = res.rows[0]
  if (clash) {
    throw conflict(`The technician already has booking ${clash.booking_number} at that time.`, {
      booking: Number(clash.id),
      bookingNumber: clash.booking_number,
    })
  }
}

// ---------- technician performance and status ----------

export interface TechnicianStats {
  technician: number
  completedJobs: number
  cancelledJobs: number
  activeJobs: number
  averageRating: number
  completionRate: number
  averageResponseMinutes: number | null
}

/** Per-technician figures from the bookings table (all technicians when `technicianId` is null). */
export async function technicianStats(req: PayloadRequest, technicianId: number | null): Promise<TechnicianStats[]> {
  const tx = await txOf(req)
  const filter = technicianId === null ? sql`technician_id is not null` : sql`technician_id = ${technicianId}`
  const res = await tx.execute(sql`
    select technician_id,
      count(*) filter (where status::text = 'completed') as completed,
      count(*) filter (where status::text = 'cancelled') as cancelled,
      count(*) filter (where status::text in ('approved','on_way','in_progress')) as active,
      avg(feedback_rating) filter (where feedback_rating is not null) as avg_rating,
      avg(extract(epoch from (tracking_arrived_at - tracking_assigned_at)) / 60)
        filter (where tracking_arrived_at is not null and tracking_assigned_at is not null) as avg_response
    from service_bookings where ${filter}
    group by technician_id`)
  return res.rows.map((r) => {
    const completed = Number(r.completed)
    const cancelled = Number(r.cancelled)
    const finished = completed + cancelled
    return {
      technician: Number(r.technician_id),
      completedJobs: completed,
      cancelledJobs: cancelled,
      activeJobs: Number(r.active),
      averageRating: r.avg_rating == null ? 0 : Math.round(Number(r.avg_rating) * 100) / 100,
      completionRate: finished ? Math.round((completed / finished) * 1000) / 10 : 0,
      averageResponseMinutes: r.avg_response == null ? null : Math.round(Number(r.avg_response) * 10) / 10,
    }
  })
}

/** Writes the technician's `performance` group from their bookings (same transaction). */
export async function refreshTechnicianPerformance(req: PayloadRequest, technicianId: number): Promise<void> {
  const [s] = await technicianStats(req, technicianId)
  await req.payload.update({
    collection: TECHNICIANS,
    id: technicianId,
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      performance: {
        completedJobs: s?.completedJobs ?? 0,
        averageRating: s?.averageRating ?? 0,
        completionRate: s?.completionRate ?? 0,
        averageResponseMinutes: s?.averageResponseMinutes ?? null,
      },
    } as never,
  })
}

/** busy while on the way or working; back to available when no such booking remains (offline stays offline). */
export async function syncTechnicianStatus(req: PayloadRequest, technicianId: number): Promise<void> {
  const tx = await txOf(req)
  const res = await tx.execute(sql`
    select
      (select status::text from technicians where id = ${technicianId}) as status,
      (select count(*) from service_bookings where technician_id = ${technicianId} and status::text in ('on_way','in_progress')) as working`)
  const row = res.rows[0]
  if (!row?.status) return
  const next = Number(row.working) > 0 ? 'busy' : row.status === 'busy' ? 'available' : row.status
  if (next !== row.status && !(row.status === 'offline' && next === 'busy')) {
    await req.payload.update({ collection: TECHNICIANS, id: technicianId, req, overrideAccess: true, depth: 0, data: { status: next } as never })
  }
}

// ---------- notifications ----------

export async function notifyCustomerOfStatus(req: PayloadRequest, booking: Doc, reason?: string | null): Promise<void> {
  const customer = idOf(booking.customer)
  if (!customer) return
  const texts = bookingStatusTexts(booking.status, booking.bookingNumber, reason)
  await notify(req, {
    user: customer,
    type: 'booking_status',
    ...texts,
    data: { booking: booking.id, bookingNumber: booking.bookingNumber, status: booking.status },
    actionUrl: `/bookings/${booking.id}`,
  })
}

// ---------- who may see a booking ----------

export type Viewer = 'admin' | 'owner' | 'technician' | 'guest'

/** How the caller relates to the booking (null: a stranger). */
export function viewerOf(booking: Doc, user: AccessUser | null, guestToken?: string | null): Viewer | null {
  if (user) {
    if (isAdminUser(user)) return 'admin'
    if (idOf(booking.customer) === Number(user.id)) return 'owner'
    if (idOf(booking.technicianUser) === Number(user.id)) return 'technician'
  }
  if (guestToken && guestTokenMatches(guestToken, booking.guestTokenHash)) return 'guest'
  return null
}

/** The booking without server-only fields (guest token hash; admin notes unless `admin`). */
export function publicBooking(doc: Doc, admin = false): Doc {
  const { guestTokenHash: _g, ...rest } = doc
  if (!admin) delete rest.adminNotes
  return rest
}

export const bookingEventBase = (doc: Doc) => ({ bookingId: doc.id, bookingNumber: doc.bookingNumber })

export { bookingRoom }
