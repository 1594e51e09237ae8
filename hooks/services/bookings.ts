/**
 * Server-side helpers of the service-bookings workflow shared by the collection hooks and the endpoints:
 * booking numbers, technician overlap, technician performance, notifications and socket.io events.
 * The SQL is in src/db/services.ts.
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { lockTechnicianSchedule, nextBookingCounter, numberBookingRow, technicianClash, technicianJobCounts, technicianWorkload } from '@/db/services'
import { type Tx, txOf } from '@/db/transaction'
import { idOf, sameId } from '@/domain/ids'
import { bookingStatusTexts, formatBookingNumber, guestTokenMatches } from '@/domain/services'
import { ACTIVE_ASSIGNMENT_STATUSES } from '@/domain/services/booking-machine'
import { conflict } from '@/lib/http'
import { notify } from '@/notifications/notify'
import { bookingRoom, emitToRoom, roleRoom } from '@/realtime/bus'
import type { ServiceBooking, Technician } from '@payload-types'

export const BOOKINGS = 'service-bookings' as const
export const TECHNICIANS = 'technicians' as const

// ---------- socket.io events, sent after the transaction commits ----------

export interface PendingEmit {
  room: string
  event: string
  payload: unknown
}

declare module 'payload' {
  interface RequestContext {
    /** socket.io events of service bookings raised during the request, sent once its transaction has committed. */
    serviceBookingEmits?: PendingEmit[]
  }
}

/** Endpoints call this first: events raised during the request wait for `flushEmits` (after commit). */
export function deferEmits(req: PayloadRequest): void {
  req.context = req.context ?? {}
  req.context.serviceBookingEmits = []
}

/** Emits now, or queues when the request defers (see deferEmits). */
export function queueEmit(req: PayloadRequest, room: string, event: string, payload: unknown): void {
  const queue = req.context?.serviceBookingEmits
  if (queue) queue.push({ room, event, payload })
  else emitToRoom(room, event, payload)
}

export function flushEmits(req: PayloadRequest): void {
  const queue = req.context?.serviceBookingEmits ?? []
  if (req.context) delete req.context.serviceBookingEmits
  for (const e of queue) emitToRoom(e.room, e.event, e.payload)
}

export function dropEmits(req: PayloadRequest): void {
  if (req.context) delete req.context.serviceBookingEmits
}

/** Runs `fn` with socket.io events deferred until its transaction has committed (dropped when it fails). */
export async function withEvents<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  deferEmits(req)
  try {
    const result = await fn()
    flushEmits(req)
    return result
  } catch (err) {
    dropEmits(req)
    throw err
  }
}

// ---------- booking numbers ----------

/**
 * Numbers a new booking written under a provisional number (collections/services/ServiceBookings/hooks.ts): the next
 * number of `year` (one counter row per year) written on its row, in the creation's transaction. Unique and
 * consecutive, since a rolled-back creation gives its number back; the counter row stays locked to the commit, so this
 * is the creation's last write but for the effects that carry the number.
 */
export async function numberNewBooking(tx: Tx, booking: { id: number; provisional: string; year: number }): Promise<string> {
  const bookingNumber = formatBookingNumber(booking.year, await nextBookingCounter(tx, booking.year))
  await numberBookingRow(tx, { id: booking.id, provisional: booking.provisional, bookingNumber })
  return bookingNumber
}

// ---------- technician overlap ----------

/**
 * Refuses (409) when `technicianId` already holds an active booking overlapping [start, end). Takes the
 * technician's advisory lock first, in the caller's transaction, so two racing assignments are serialized
 * and the second one sees the first.
 */
export async function assertTechnicianFree(req: PayloadRequest, technicianId: number, start: Date, end: Date, excludeBookingId: number | null): Promise<void> {
  const tx = await txOf(req)
  await lockTechnicianSchedule(tx, technicianId)
  const clash = await technicianClash(tx, technicianId, start, end, ACTIVE_ASSIGNMENT_STATUSES, excludeBookingId)
  if (clash) {
    throw conflict(`The technician already has booking ${clash.bookingNumber} at that time.`, { booking: clash.id, bookingNumber: clash.bookingNumber })
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
  const rows = await technicianJobCounts(await txOf(req), technicianId)
  return rows.map((r) => {
    const finished = r.completed + r.cancelled
    return {
      technician: r.technician,
      completedJobs: r.completed,
      cancelledJobs: r.cancelled,
      activeJobs: r.active,
      averageRating: r.avgRating == null ? 0 : Math.round(r.avgRating * 100) / 100,
      completionRate: finished ? Math.round((r.completed / finished) * 1000) / 10 : 0,
      averageResponseMinutes: r.avgResponseMinutes == null ? null : Math.round(r.avgResponseMinutes * 10) / 10,
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
    },
  })
}

/** busy while on the way or working; back to available when no such booking remains (offline stays offline). */
export async function syncTechnicianStatus(req: PayloadRequest, technicianId: number): Promise<void> {
  const load = await technicianWorkload(await txOf(req), technicianId)
  if (!load) return
  const current = load.status as Technician['status']
  const next: Technician['status'] = load.working > 0 ? 'busy' : current === 'busy' ? 'available' : current
  if (next !== current && !(current === 'offline' && next === 'busy')) {
    await req.payload.update({ collection: TECHNICIANS, id: technicianId, req, overrideAccess: true, depth: 0, data: { status: next } })
  }
}

/**
 * `technicianStatusChange` (attached to `technicians` by the services plugin): admins' sockets (`role:admin`) get
 * `technician:status-change` whenever a technician's status changes, however it was changed.
 */
export const technicianStatusChange: CollectionAfterChangeHook<Technician> = ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc || previousDoc.status === doc.status) return doc
  queueEmit(req, roleRoom('admin'), 'technician:status-change', {
    technicianId: doc.id,
    displayName: doc.displayName,
    status: doc.status,
    previousStatus: previousDoc.status,
    timestamp: new Date().toISOString(),
  })
  return doc
}

// ---------- notifications ----------

export async function notifyCustomerOfStatus(req: PayloadRequest, booking: Pick<ServiceBooking, 'id' | 'customer' | 'status' | 'bookingNumber'>, reason?: string | null): Promise<void> {
  const customer = idOf(booking.customer)
  if (!customer) return
  const bookingNumber = booking.bookingNumber ?? ''
  const texts = bookingStatusTexts(booking.status, bookingNumber, reason)
  await notify(req, {
    user: customer,
    type: 'booking_status',
    ...texts,
    data: { booking: booking.id, bookingNumber, status: booking.status },
    actionUrl: `/bookings/${booking.id}`,
  })
}

// ---------- who may see a booking ----------

export type Viewer = 'admin' | 'owner' | 'technician' | 'guest'

/** How the caller relates to the booking (null: a stranger). */
export function viewerOf(booking: Pick<ServiceBooking, 'customer' | 'technicianUser' | 'guestTokenHash'>, user: AccessUser | null, guestToken?: string | null): Viewer | null {
  if (user) {
    if (isAdminUser(user)) return 'admin'
    if (idOf(booking.customer) !== null && sameId(booking.customer, user.id)) return 'owner'
    if (idOf(booking.technicianUser) !== null && sameId(booking.technicianUser, user.id)) return 'technician'
  }
  if (guestToken && guestTokenMatches(guestToken, booking.guestTokenHash)) return 'guest'
  return null
}

/** A booking as its readers get it: without the guest token hash, and without admin notes unless for an admin. */
export type PublicBooking = Omit<ServiceBooking, 'guestTokenHash' | 'adminNotes'> & { adminNotes?: string | null }

/** The booking without server-only fields (guest token hash; admin notes unless `admin`). */
export function publicBooking(doc: ServiceBooking, admin = false): PublicBooking {
  const { guestTokenHash: _g, adminNotes, ...rest } = doc
  return admin ? { ...rest, adminNotes } : rest
}

export const bookingEventBase = (doc: Pick<ServiceBooking, 'id' | 'bookingNumber'>) => ({ bookingId: doc.id, bookingNumber: doc.bookingNumber })

export { bookingRoom, roleRoom }
