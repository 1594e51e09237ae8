/**
 * service-bookings hooks: everything computed on the server at creation (number, price, duration, status,
 * customer, emergency flags), the status history of every transition, and the side effects of a
 * transition (customer notification, socket.io event, technician performance and status).
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest, RequestContext } from 'payload'

import { isAdminUser } from '@/access/roles'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { EGYPTIAN_MOBILE_MESSAGE, normalizeEgyptianMobile } from '@/domain/identity/phone'
import { addMinutes, bookingStatusTexts, checkWorkingHours, computePricing, isProvisionalBookingNumber, localTime, provisionalBookingNumber } from '@/domain/services'
import { currentUser, invalidFields } from '@/lib/http'
import { assertTechnicianFree, bookingEventBase, bookingRoom, notifyCustomerOfStatus, numberNewBooking, queueEmit, refreshTechnicianPerformance, syncTechnicianStatus } from '@hooks/services/bookings'
import type { ServiceBooking } from '@payload-types'

/** Context flags the endpoints pass (keys of `req.context`, declared below). */
export const CTX = {
  emergency: 'serviceBookingEmergency',
  guestTokenHash: 'serviceBookingGuestTokenHash',
  note: 'serviceBookingStatusNote',
  reason: 'serviceBookingReason',
  seed: 'seed',
} as const

declare module 'payload' {
  interface RequestContext {
    /** An anonymous emergency booking (POST /api/service-bookings/emergency). */
    serviceBookingEmergency?: boolean
    /** The hash of the guest token handed to the emergency booker. */
    serviceBookingGuestTokenHash?: string
    /** The note recorded in the status history of the transition. */
    serviceBookingStatusNote?: string | null
    /** The rejection or cancellation reason told to the customer. */
    serviceBookingReason?: string | null
  }
}

type HistoryRow = NonNullable<NonNullable<ServiceBooking['tracking']>['statusHistory']>[number]
type Tracking = NonNullable<ServiceBooking['tracking']>

const actorOf = (req: PayloadRequest): { actor: number | null; actorType: NonNullable<HistoryRow['actorType']> } => {
  const user = currentUser(req)
  if (!user) return { actor: null, actorType: req.context?.serviceBookingEmergency ? 'guest' : 'system' }
  const roles = user.roles ?? []
  const actorType = roles.includes('admin') ? 'admin' : roles.includes('technician') ? 'technician' : 'customer'
  return { actor: Number(user.id), actorType }
}

/** Timestamps kept in `tracking` for each status reached. */
const STATUS_TIMESTAMPS: Partial<Record<ServiceBooking['status'], 'departedAt' | 'arrivedAt' | 'completedAt'>> = {
  on_way: 'departedAt',
  in_progress: 'arrivedAt',
  completed: 'completedAt',
}

export const beforeChangeBooking: CollectionBeforeChangeHook<ServiceBooking> = async ({ data, operation, originalDoc, req, context }) => {
  const now = new Date()
  if (operation === 'create') return prepareNewBooking(data, req, now, context)

  const next: Partial<ServiceBooking> = { ...data }
  const original: Partial<ServiceBooking> = originalDoc ?? {}
  const tracking: Tracking = { ...(original.tracking ?? {}), ...(next.tracking ?? {}) }

  // Partial `tracking` updates (location, assignment) keep the rest of the group.
  if (next.tracking !== undefined) next.tracking = tracking

  // Status history for every transition (endpoints and admin edits alike).
  if (next.status !== undefined && next.status !== original.status) {
    const { actor, actorType } = actorOf(req)
    const note = context?.serviceBookingStatusNote ?? null
    tracking.statusHistory = [...(original.tracking?.statusHistory ?? []).map(stripRowId), { status: next.status, at: now.toISOString(), actor, actorType, note }]
    const stamp = STATUS_TIMESTAMPS[next.status]
    if (stamp) tracking[stamp] = now.toISOString()
    next.tracking = tracking
  }

  // Rescheduling (admins): recompute the end, re-check working hours and the technician's calendar.
  if (next.scheduledAt !== undefined && new Date(next.scheduledAt).getTime() !== new Date(original.scheduledAt ?? NaN).getTime()) {
    const start = new Date(next.scheduledAt)
    if (Number.isNaN(start.getTime())) throw invalidFields([{ path: 'scheduledAt', message: 'scheduledAt must be an ISO 8601 date-time.' }])
    const duration = Number(original.durationMinutes ?? 60)
    const end = addMinutes(start, duration)
    next.scheduledEnd = end.toISOString()
    if (!original.isEmergency) {
      const service = await req.payload.findByID({ collection: 'services', id: idOf(original.service)!, req, depth: 0, overrideAccess: true, disableErrors: true, select: { availability: true } })
      const refusal = checkWorkingHours(start, duration, service?.availability)
      if (refusal) throw invalidFields([{ path: 'scheduledAt', message: refusal }])
    }
    const technician = idOf(next.technician ?? original.technician)
    const status = next.status ?? original.status
    if (technician && status && ['approved', 'on_way', 'in_progress'].includes(status)) {
      await assertTechnicianFree(req, technician, start, end, Number(original.id))
    }
  }
  return next
}

const stripRowId = (row: HistoryRow): HistoryRow => ({ status: row.status, at: row.at, actor: idOf(row.actor), actorType: row.actorType, note: row.note ?? null })

async function prepareNewBooking(data: Partial<ServiceBooking>, req: PayloadRequest, now: Date, context: RequestContext): Promise<Partial<ServiceBooking>> {
  const errors: { path: string; message: string }[] = []
  const user = currentUser(req)
  const admin = isAdminUser(user)
  const emergency = Boolean(context?.serviceBookingEmergency) || data.urgency === 'emergency'

  const serviceId = idOf(data.service)
  // what the booking is decided and priced with (a service is a wide, localized document)
  const service = serviceId
    ? await req.payload.findByID({
        collection: 'services',
        id: serviceId,
        req,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        select: { availability: true, durationMinutes: true, basePrice: true, currency: true },
      })
    : null
  if (!serviceId) errors.push({ path: 'service', message: 'service is required.' })
  else if (!service || !service.availability?.active) errors.push({ path: 'service', message: 'No such active service.' })
  else if (emergency && !service.availability?.emergencyAvailable) errors.push({ path: 'service', message: 'This service does not take emergency bookings.' })

  const duration = Number(service?.durationMinutes ?? 60)
  let scheduledAt: Date | null = data.scheduledAt ? new Date(data.scheduledAt) : emergency ? now : null
  if (!scheduledAt) errors.push({ path: 'scheduledAt', message: 'scheduledAt is required.' })
  else if (Number.isNaN(scheduledAt.getTime())) {
    errors.push({ path: 'scheduledAt', message: 'scheduledAt must be an ISO 8601 date-time.' })
    scheduledAt = null
  } else if (!emergency) {
    if (scheduledAt.getTime() < now.getTime() - 60_000 && !context?.[CTX.seed]) errors.push({ path: 'scheduledAt', message: 'scheduledAt must be in the future.' })
    else if (service) {
      const refusal = checkWorkingHours(scheduledAt, duration, service.availability)
      if (refusal) errors.push({ path: 'scheduledAt', message: refusal })
    }
  }

  const info: Partial<ServiceBooking['customerInfo']> = { ...(data.customerInfo ?? {}) }
  const phone = normalizeEgyptianMobile(info.phone)
  if (!phone) errors.push({ path: 'customerInfo.phone', message: EGYPTIAN_MOBILE_MESSAGE })
  else info.phone = phone
  if (typeof info.name !== 'string' || !info.name.trim()) errors.push({ path: 'customerInfo.name', message: 'customerInfo.name is required.' })
  if (!user && !context?.serviceBookingEmergency) errors.push({ path: 'customer', message: 'Sign in, or use POST /api/service-bookings/emergency.' })

  if (errors.length || !service || !scheduledAt) throw invalidFields(errors)

  const { actor, actorType } = actorOf(req)
  const start = scheduledAt
  const pricing = computePricing(Number(service.basePrice ?? 0))
  // Numbered last (numberBooking, the first afterChange hook): the year's counter is held from there to the commit.
  const bookingNumber = provisionalBookingNumber()
  return {
    ...data,
    customer: admin && data.customer ? data.customer : user ? Number(user.id) : null,
    customerInfo: info as ServiceBooking['customerInfo'],
    bookingNumber,
    status: 'pending_approval',
    isEmergency: emergency,
    urgency: emergency ? 'emergency' : (data.urgency ?? 'normal'),
    scheduledAt: start.toISOString(),
    durationMinutes: duration,
    scheduledEnd: addMinutes(start, duration).toISOString(),
    pricing: { ...pricing, currency: service.currency || 'EGP' },
    paymentStatus: 'pending',
    technician: null,
    technicianUser: null,
    guestTokenHash: context?.serviceBookingGuestTokenHash ?? null,
    feedback: {},
    tracking: { statusHistory: [{ status: 'pending_approval', at: now.toISOString(), actor, actorType, note: emergency ? 'Emergency booking' : null }] },
  }
}

/**
 * A new booking takes its number here, first of its afterChange hooks: its row, with its arrays, was written and read
 * back under a provisional number (prepareNewBooking), so the year's counter, locked from its increment to the commit,
 * is held only for the numbering and the hooks after this one, which see the number (the customer's notification,
 * loyalty's spending).
 */
export const numberBooking: CollectionAfterChangeHook<ServiceBooking> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  // Every create is written under one (prepareNewBooking); a number not seen here would be left provisional.
  if (!isProvisionalBookingNumber(doc.bookingNumber)) throw new Error(`service booking ${doc.id} was not written under a provisional number`)
  const year = localTime(new Date(doc.createdAt)).year
  const bookingNumber = await numberNewBooking(await txOf(req), { id: Number(doc.id), provisional: doc.bookingNumber, year })
  return { ...doc, bookingNumber }
}

export const afterChangeBooking: CollectionAfterChangeHook<ServiceBooking> = async ({ doc, previousDoc, operation, req, context }) => {
  const seeding = Boolean(context?.[CTX.seed])
  if (operation === 'create') {
    if (!seeding) await notifyCustomerOfStatus(req, doc)
    return doc
  }
  if (previousDoc?.status === doc.status) return doc
  const reason = context?.serviceBookingReason ?? null
  if (!seeding) await notifyCustomerOfStatus(req, doc, reason)
  const technician = idOf(doc.technician)
  if (technician) {
    await syncTechnicianStatus(req, technician)
    await refreshTechnicianPerformance(req, technician)
  }
  const last = (doc.tracking?.statusHistory ?? []).at(-1)
  const at = last?.at ?? new Date().toISOString()
  const texts = bookingStatusTexts(doc.status, doc.bookingNumber ?? '', reason)
  queueEmit(req, bookingRoom(doc.id), 'booking:status-update', {
    ...bookingEventBase(doc),
    status: doc.status,
    previousStatus: previousDoc?.status ?? null,
    at,
    note: last?.note ?? null,
    reason,
    // The car-services apps' shape (docs/source-systems.md): message + timestamp, Arabic beside.
    message: texts.message.en,
    messageAr: texts.message.ar,
    timestamp: at,
  })
  return doc
}
