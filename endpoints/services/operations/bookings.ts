/**
 * Service-booking operations (DESIGN.md, "Car-service bookings"): emergency booking, approve, reject, assign a
 * technician, status moves, cancel, live location, tracking, feedback, progress stages. Each runs its steps in
 * order — lock → validate → write → effects — in one transaction; socket.io events raised in it are sent after
 * it commits (`withEvents`). Transitions go through the table (src/domain/services/booking-machine.ts).
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { inSavepoint } from '@/db/services'
import { lockRow, txOf, withTransaction } from '@/db/transaction'
import { idOf, sameId } from '@/domain/ids'
import { toCents } from '@/domain/money'
import { computePricing, estimateEta, FIELD_WORK_STATUSES, newGuestToken, technicianAssignedTexts } from '@/domain/services'
import { type RouteStatus, serviceBookingMachine, type ServiceBookingDoc, type ServiceBookingStatus, STATUS_ROUTE_ACTIONS } from '@/domain/services/booking-machine'
import { conflict, forbidden, invalidFields, notFound, unauthorized } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'
import { notify } from '@/notifications/notify'
import { assertCollectionData } from '@/plugins/input-guards'
import { applyTransition } from '@/workflows/apply'
import {
  assertTechnicianFree,
  bookingEventBase,
  bookingRoom,
  BOOKINGS,
  roleRoom,
  publicBooking,
  queueEmit,
  refreshTechnicianPerformance,
  TECHNICIANS,
  viewerOf,
  withEvents,
} from '@hooks/services/bookings'
import type { ServiceBooking } from '@payload-types'

import { settleServiceCancellation } from './payments'

declare module 'payload' {
  interface RequestContext {
    /** The service booking a review is created from (feedback). */
    fromServiceBooking?: number
  }
}

/** A booking as the workflow engine sees it (the generated type plus the machine's view). */
export type ServiceBookingRow = ServiceBooking & ServiceBookingDoc

type Patch = Record<string, unknown>

const transition = (req: PayloadRequest, id: number, action: string, data?: (doc: ServiceBookingRow) => Patch) =>
  applyTransition<ServiceBookingStatus, ServiceBookingRow>({ req, collection: BOOKINGS, id, machine: serviceBookingMachine, action, data, depth: 0 })

/** The booking (access skipped), or 404. */
async function loadBooking(req: PayloadRequest, id: number): Promise<ServiceBooking> {
  const doc = await req.payload.findByID({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, disableErrors: true })
  if (!doc) throw notFound('No such booking.')
  return doc
}

/** Locks the booking row for the rest of the transaction and reads it, or 404. */
async function lockBooking(req: PayloadRequest, id: number): Promise<ServiceBooking> {
  if (!(await lockRow(await txOf(req), BOOKINGS, id, 'id'))) throw notFound('No such booking.')
  return loadBooking(req, id)
}

/** Notes the status history (and the customer's notification) record for the next transition. */
function noteTransition(req: PayloadRequest, note: string | null, reason?: string | null): void {
  req.context = { ...(req.context ?? {}), serviceBookingStatusNote: note }
  if (reason !== undefined) req.context.serviceBookingReason = reason
}

// ---------- emergency (anonymous) ----------

export interface EmergencyRequest {
  service: number
  problemDescription?: string
  location?: Record<string, unknown>
  customerInfo?: Record<string, unknown>
}

/** An anonymous emergency booking; every admin is told. Returns the booking and, once, the guest token that reads it. */
export async function createEmergencyBooking(req: PayloadRequest, input: EmergencyRequest) {
  const raw = { service: input.service, location: input.location, customerInfo: input.customerInfo ?? {}, problemDescription: input.problemDescription }
  // validate: typed like the collection's fields (a latitude "x" is a 400, never a booking without coordinates)
  assertCollectionData(req, BOOKINGS, raw)
  const data = raw as Pick<ServiceBooking, 'service' | 'location' | 'customerInfo' | 'problemDescription'>
  const { token, hash } = newGuestToken()
  const doc = await withEvents(req, () =>
    withTransaction(req, async () => {
      // write (the create hook numbers, prices and schedules it now)
      const created = await req.payload.create({
        collection: BOOKINGS,
        req,
        depth: 0,
        overrideAccess: true,
        data: { ...data, status: serviceBookingMachine.initial, scheduledAt: new Date().toISOString() },
        context: { serviceBookingEmergency: true, serviceBookingGuestTokenHash: hash },
      })
      // effects
      const admins = await req.payload.find({ collection: 'users', req, depth: 0, limit: 20, overrideAccess: true, where: { roles: { in: ['admin'] } }, select: { roles: true } })
      for (const admin of admins.docs) {
        await notify(req, {
          user: admin.id,
          type: 'emergency',
          title: { en: `Emergency booking ${created.bookingNumber}`, ar: `حجز طوارئ ${created.bookingNumber}` },
          message: { en: 'A new emergency booking awaits approval.', ar: 'حجز طوارئ جديد بانتظار الموافقة.' },
          data: { booking: created.id },
          actionUrl: `/admin/collections/service-bookings/${created.id}`,
        })
      }
      return created
    }),
  )
  return { booking: publicBooking(doc), guestToken: token }
}

// ---------- admin decisions ----------

/**
 * An admin approves; an optional discount re-prices the booking. The loyalty discount taken at creation
 * (`pricing.loyaltyDiscount`) stays: the admin's discount comes on top, at most what remains of the base price.
 */
export async function approveBooking(req: PayloadRequest, id: number, input: { discount?: number; discountReason?: string; notes?: string }): Promise<ServiceBooking> {
  noteTransition(req, input.notes ?? null)
  const { discount } = input
  const { doc } = await withEvents(req, () =>
    transition(req, id, 'approve', (previous) => {
      if (discount === undefined) return {}
      const base = Number(previous.pricing?.basePrice ?? 0)
      const loyalty = Number(previous.pricing?.loyaltyDiscount ?? 0)
      const room = toCents(base - loyalty)
      if (discount > room) {
        throw invalidFields([
          { path: 'discount', message: loyalty > 0 ? `discount must be at most the base price less the loyalty discount (${room}).` : `discount must be at most the base price (${base}).` },
        ])
      }
      const reason = input.discountReason ?? (loyalty > 0 ? (previous.pricing?.discountReason ?? null) : null)
      return { pricing: { ...previous.pricing, ...computePricing(base, toCents(discount + loyalty), reason) } }
    }),
  )
  return doc
}

export async function rejectBooking(req: PayloadRequest, id: number, reason: string): Promise<ServiceBooking> {
  noteTransition(req, reason, reason)
  const { doc } = await withEvents(req, () => transition(req, id, 'reject', () => ({ rejectionReason: reason })))
  return doc
}

/** An admin assigns a technician: exists, not offline, no overlapping active booking (technician lock). */
export async function assignTechnician(req: PayloadRequest, id: number, technicianId: number): Promise<ServiceBooking> {
  return withEvents(req, () =>
    withTransaction(req, async () => {
      // lock
      const booking = await lockBooking(req, id)
      // validate
      if (booking.status !== 'approved') throw conflict(`Only approved bookings can be assigned; this one is ${booking.status}.`)
      const technician = await req.payload.findByID({ collection: TECHNICIANS, id: technicianId, req, depth: 0, overrideAccess: true, disableErrors: true })
      if (!technician) throw invalidFields([{ path: 'technician', message: 'No such technician.' }])
      if (technician.status === 'offline') throw conflict('The technician is offline.')
      await assertTechnicianFree(req, technician.id, new Date(booking.scheduledAt), new Date(booking.scheduledEnd ?? booking.scheduledAt), id)
      // write
      const updated = await req.payload.update({
        collection: BOOKINGS,
        id,
        req,
        depth: 0,
        overrideAccess: true,
        data: { technician: technician.id, technicianUser: idOf(technician.user), tracking: { assignedAt: new Date().toISOString() } },
      })
      // effects
      const bookingNumber = updated.bookingNumber ?? ''
      const customer = idOf(updated.customer)
      if (customer) {
        await notify(req, { user: customer, type: 'booking_status', ...technicianAssignedTexts(bookingNumber, technician.displayName), data: { booking: id, technician: technician.id } })
      }
      const techUser = idOf(technician.user)
      if (techUser) {
        await notify(req, {
          user: techUser,
          type: 'booking_status',
          title: { en: `New job ${bookingNumber}`, ar: `مهمة جديدة ${bookingNumber}` },
          message: { en: `You were assigned booking ${bookingNumber}.`, ar: `تم تعيينك للحجز ${bookingNumber}.` },
          data: { booking: id },
        })
      }
      queueEmit(req, bookingRoom(id), 'booking:technician-assigned', {
        ...bookingEventBase(updated),
        technician: { id: technician.id, displayName: technician.displayName },
        at: new Date().toISOString(),
      })
      return updated
    }),
  )
}

// ---------- the work ----------

/** The assigned technician (or an admin) moves the booking one step along the table. */
export async function moveBookingStatus(req: PayloadRequest, id: number, status: RouteStatus, notes?: string): Promise<ServiceBooking> {
  noteTransition(req, notes ?? null)
  const { doc } = await withEvents(req, () => transition(req, id, STATUS_ROUTE_ACTIONS[status]))
  return doc
}

/** The customer (before on_way) or an admin cancels; what was paid is refunded through Stripe in the same transaction. */
export async function cancelServiceBooking(req: PayloadRequest, id: number, reason?: string): Promise<ServiceBooking> {
  noteTransition(req, reason ?? null, reason ?? null)
  const { doc } = await withEvents(req, () =>
    applyTransition<ServiceBookingStatus, ServiceBookingRow>({
      req,
      collection: BOOKINGS,
      id,
      machine: serviceBookingMachine,
      action: 'cancel',
      data: () => ({ cancellationReason: reason ?? null }),
      after: async (updated) => {
        await settleServiceCancellation(req, updated.id)
      },
      depth: 0,
    }),
  )
  return loadBooking(req, doc.id)
}

/** Live position of the assigned technician: updates the booking and the technician, emits location + ETA. */
export async function reportLocation(req: PayloadRequest, user: AccessUser, id: number, at: { latitude: number; longitude: number }) {
  const { latitude, longitude } = at
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockBooking(req, id)
      if (!sameId(booking.technicianUser, user.id)) throw forbidden('Only the assigned technician reports the location.')
      if (!['on_way', 'in_progress'].includes(booking.status)) throw conflict(`Location updates are accepted on the way or in progress; the booking is ${booking.status}.`)
      const now = new Date()
      const to = booking.location
      const eta = typeof to?.latitude === 'number' && typeof to?.longitude === 'number' ? estimateEta({ lat: latitude, lng: longitude }, { lat: to.latitude, lng: to.longitude }, now) : null
      const tracking = {
        technicianLocation: { lat: latitude, lng: longitude, at: now.toISOString() },
        eta: eta ? eta.eta.toISOString() : null,
        etaMinutes: eta ? eta.etaMinutes : null,
        distanceKm: eta ? eta.distanceKm : null,
      }
      await req.payload.update({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, data: { tracking } })
      const technicianId = idOf(booking.technician)
      if (technicianId) {
        await req.payload.update({
          collection: TECHNICIANS,
          id: technicianId,
          req,
          depth: 0,
          overrideAccess: true,
          data: { currentLocation: { latitude, longitude, updatedAt: now.toISOString() } },
        })
      }
      const base = bookingEventBase(booking)
      const timestamp = now.toISOString()
      // Both shapes: today's flat fields and the car-services apps' `location` + `eta` + `timestamp`.
      queueEmit(req, bookingRoom(id), 'booking:location-update', {
        ...base,
        latitude,
        longitude,
        at: timestamp,
        location: { latitude, longitude },
        eta: tracking.eta,
        etaMinutes: tracking.etaMinutes,
        distanceKm: tracking.distanceKm,
        timestamp,
      })
      queueEmit(req, roleRoom('admin'), 'technician:location-update', {
        technicianId,
        bookingId: id,
        latitude,
        longitude,
        location: { latitude, longitude },
        timestamp,
      })
      queueEmit(req, bookingRoom(id), 'booking:eta-update', { ...base, eta: tracking.eta, etaMinutes: tracking.etaMinutes, distanceKm: tracking.distanceKm })
      return { bookingId: id, location: tracking.technicianLocation, eta: tracking.eta, etaMinutes: tracking.etaMinutes, distanceKm: tracking.distanceKm }
    }),
  )
}

/** Live tracking for the customer, an admin, the assigned technician, or the holder of the guest token. */
export async function bookingTracking(req: PayloadRequest, user: AccessUser | null, guestToken: string | null, id: number) {
  const booking = await loadBooking(req, id)
  const viewer = viewerOf(booking, user, guestToken)
  if (!viewer) throw forbidden('You may not track this booking.')
  const locale = req.locale === 'ar' ? 'ar' : 'en'
  const serviceId = idOf(booking.service)
  const technicianId = idOf(booking.technician)
  const [service, technician] = await allSettledOrThrow([
    serviceId
      ? req.payload.findByID({ collection: 'services', id: serviceId, req, depth: 0, locale, overrideAccess: true, disableErrors: true, select: { name: true, category: true } })
      : Promise.resolve(null),
    technicianId ? req.payload.findByID({ collection: TECHNICIANS, id: technicianId, req, depth: 0, overrideAccess: true, disableErrors: true }) : Promise.resolve(null),
  ])
  return {
    viewer,
    booking: {
      id: booking.id,
      bookingNumber: booking.bookingNumber,
      status: booking.status,
      isEmergency: booking.isEmergency,
      urgency: booking.urgency,
      scheduledAt: booking.scheduledAt,
      scheduledEnd: booking.scheduledEnd,
      location: booking.location,
      pricing: booking.pricing,
      progressStages: booking.progressStages ?? [],
      feedback: booking.feedback ?? null,
      milestones: (booking.milestones ?? []).map((m) => ({ id: m.id, name: m.name, note: m.note, at: m.at })),
      blockers: (booking.blockers ?? []).filter((b) => viewer === 'admin' || viewer === 'technician' || b.visibleToCustomer).map(customerBlocker),
      qualityChecks: (booking.qualityChecks ?? []).map((c) => ({ item: c.item, passed: c.passed, checkedAt: c.checkedAt })),
    },
    service: service ? { id: service.id, name: service.name, category: service.category } : null,
    technician: technician
      ? { id: technician.id, displayName: technician.displayName, phone: technician.phone ?? null, status: technician.status, currentLocation: technician.currentLocation ?? null }
      : null,
    tracking: {
      statusHistory: booking.tracking?.statusHistory ?? [],
      technicianLocation: booking.tracking?.technicianLocation ?? null,
      eta: booking.tracking?.eta ?? null,
      etaMinutes: booking.tracking?.etaMinutes ?? null,
      distanceKm: booking.tracking?.distanceKm ?? null,
    },
  }
}

// ---------- feedback ----------

/** Reviews of the service and the technician (community domain), each in a savepoint: a refused review keeps the feedback. */
async function createReviews(req: PayloadRequest, booking: ServiceBooking, rating: number, comment: string | undefined): Promise<{ created: number[]; skipped: string[] }> {
  const installed = 'reviews' in req.payload.collections
  const customer = idOf(booking.customer)
  if (!installed || !customer) return { created: [], skipped: installed ? ['guest booking: no author'] : ['reviews collection not installed'] }
  const serviceId = idOf(booking.service)
  const technicianId = idOf(booking.technician)
  const targets = [...(serviceId ? [{ relationTo: 'services' as const, value: serviceId }] : []), ...(technicianId ? [{ relationTo: 'technicians' as const, value: technicianId }] : [])]
  const tx = await txOf(req)
  const created: number[] = []
  const skipped: string[] = []
  for (const [i, target] of targets.entries()) {
    const result = await inSavepoint(tx, `service_booking_review_${i}`, () =>
      req.payload.create({
        collection: 'reviews',
        data: { target, rating, author: customer, ...(comment ? { content: comment } : {}), title: `Service booking ${booking.bookingNumber}` },
        req,
        overrideAccess: true,
        depth: 0,
        context: { fromServiceBooking: booking.id },
      }),
    )
    if (result.ok) created.push(result.value.id)
    else {
      const err = result.error
      skipped.push(`${target.relationTo}: ${err instanceof Error ? err.message : String(err)}`)
      req.payload.logger.warn({ msg: 'service booking review not created', booking: booking.id, target, err })
    }
  }
  return { created, skipped }
}

/** The customer (or the guest token) rates a completed booking once; creates reviews; refreshes the technician's figures. */
export async function leaveFeedback(req: PayloadRequest, user: AccessUser | null, guestToken: string | null, id: number, input: { rating: number; comment?: string }) {
  if (!user && !guestToken) throw unauthorized()
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockBooking(req, id)
      const viewer = viewerOf(booking, user, guestToken)
      if (viewer !== 'owner' && viewer !== 'guest') throw forbidden('Only the customer rates a booking.')
      if (booking.status !== 'completed') throw conflict(`Feedback is accepted once the booking is completed; it is ${booking.status}.`)
      if (booking.feedback?.rating) throw conflict('This booking already has feedback.')
      const updated = await req.payload.update({
        collection: BOOKINGS,
        id,
        req,
        depth: 0,
        overrideAccess: true,
        data: { feedback: { rating: input.rating, comment: input.comment ?? null, at: new Date().toISOString() } },
      })
      const reviews = await createReviews(req, updated, input.rating, input.comment)
      const technicianId = idOf(updated.technician)
      if (technicianId) await refreshTechnicianPerformance(req, technicianId)
      return { booking: publicBooking(updated), reviews }
    }),
  )
}

// ---------- progress ----------

type Stage = NonNullable<ServiceBooking['progressStages']>[number]

/** Progress stages reported by the assigned technician (or an admin) while the work is on the way or in progress. */
export async function reportProgress(req: PayloadRequest, user: AccessUser, id: number, input: { stage: string; status: NonNullable<Stage['status']>; notes?: string }): Promise<ServiceBooking> {
  const { stage, status, notes } = input
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockBooking(req, id)
      if (!isAdminUser(user) && !sameId(booking.technicianUser, user.id)) throw forbidden('Only the assigned technician reports progress.')
      if (!['on_way', 'in_progress'].includes(booking.status)) throw conflict(`Progress is reported while the booking is on the way or in progress; it is ${booking.status}.`)
      const now = new Date().toISOString()
      const stages: Stage[] = [...(booking.progressStages ?? [])]
      const existing = stages.find((s) => s.stage === stage)
      const row: Stage = existing ?? { stage }
      row.status = status
      if (notes !== undefined) row.notes = notes
      if (status === 'in_progress' && !row.startedAt) row.startedAt = now
      if (status === 'completed') {
        row.startedAt ??= now
        row.completedAt = now
      }
      row.updatedBy = Number(user.id)
      if (!existing) stages.push(row)
      const updated = await req.payload.update({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, data: { progressStages: stages } })
      queueEmit(req, bookingRoom(id), 'booking:progress-update', { ...bookingEventBase(updated), stage: row })
      return updated
    }),
  )
}

// ---------- technician tools: blockers, quality checks, milestones, interaction log ----------

type Blocker = NonNullable<ServiceBooking['blockers']>[number]
type Milestone = NonNullable<ServiceBooking['milestones']>[number]
type Interaction = NonNullable<ServiceBooking['interactions']>[number]
type QualityCheck = NonNullable<ServiceBooking['qualityChecks']>[number]

/** Locks the booking and checks the caller is its assigned technician (or an admin) while the job is live. */
async function lockFieldWork(req: PayloadRequest, user: AccessUser, id: number, what: string, statuses: readonly string[] = FIELD_WORK_STATUSES): Promise<ServiceBooking> {
  const booking = await lockBooking(req, id)
  if (!isAdminUser(user) && !sameId(booking.technicianUser, user.id)) throw forbidden(`Only the assigned technician records ${what}.`)
  if (!statuses.includes(booking.status)) throw conflict(`${what[0].toUpperCase()}${what.slice(1)} can be recorded while the booking is ${statuses.join(', ')}; it is ${booking.status}.`)
  return booking
}

const save = (req: PayloadRequest, id: number, data: Partial<ServiceBooking>) => req.payload.update({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, data })

/** What the customer may see of a blocker. */
export const customerBlocker = (b: Blocker) => ({ id: b.id, type: b.type, impact: b.impact, description: b.description, reportedAt: b.reportedAt, resolvedAt: b.resolvedAt, resolution: b.resolution })

export async function reportBlocker(
  req: PayloadRequest,
  user: AccessUser,
  id: number,
  input: { type: NonNullable<Blocker['type']>; impact: NonNullable<Blocker['impact']>; description: string; visibleToCustomer: boolean },
) {
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockFieldWork(req, user, id, 'blockers')
      const row: Blocker = { ...input, reportedAt: new Date().toISOString(), reportedBy: Number(user.id) }
      const updated = await save(req, id, { blockers: [...(booking.blockers ?? []), row] })
      const saved = (updated.blockers ?? []).at(-1)!
      if (saved.visibleToCustomer) queueEmit(req, bookingRoom(id), 'booking:blocker', { ...bookingEventBase(updated), blocker: customerBlocker(saved), timestamp: saved.reportedAt })
      return { blocker: saved, booking: publicBooking(updated, isAdminUser(user)) }
    }),
  )
}

export async function resolveBlocker(req: PayloadRequest, user: AccessUser, id: number, blockerId: string, resolution: string) {
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockFieldWork(req, user, id, 'blockers', [...FIELD_WORK_STATUSES, 'completed'])
      const blockers = [...(booking.blockers ?? [])]
      const i = blockers.findIndex((b) => b.id === blockerId)
      if (i < 0) throw notFound('No such blocker on this booking.')
      if (blockers[i].resolvedAt) throw conflict('This blocker is already resolved.')
      blockers[i] = { ...blockers[i], resolution, resolvedAt: new Date().toISOString(), resolvedBy: Number(user.id) }
      const updated = await save(req, id, { blockers })
      const saved = (updated.blockers ?? [])[i]
      if (saved.visibleToCustomer) queueEmit(req, bookingRoom(id), 'booking:blocker', { ...bookingEventBase(updated), blocker: customerBlocker(saved), timestamp: saved.resolvedAt })
      return { blocker: saved, booking: publicBooking(updated, isAdminUser(user)) }
    }),
  )
}

/** Quality checks before completion: appended (the same item again replaces its earlier result). */
export async function recordQualityChecks(req: PayloadRequest, user: AccessUser, id: number, checks: { item: string; passed: boolean; notes?: string }[]) {
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockFieldWork(req, user, id, 'quality checks', ['in_progress'])
      const now = new Date().toISOString()
      const byItem = new Map<string, QualityCheck>((booking.qualityChecks ?? []).map((c) => [c.item, c]))
      for (const c of checks) byItem.set(c.item, { item: c.item, passed: c.passed, notes: c.notes ?? null, checkedAt: now, checkedBy: Number(user.id) })
      const updated = await save(req, id, { qualityChecks: [...byItem.values()].map(({ id: _id, ...c }) => c) })
      const all = updated.qualityChecks ?? []
      queueEmit(req, bookingRoom(id), 'booking:quality-checks', {
        ...bookingEventBase(updated),
        checks: all.map((c) => ({ item: c.item, passed: c.passed, checkedAt: c.checkedAt })),
        allPassed: all.every((c) => c.passed),
        timestamp: now,
      })
      return { qualityChecks: all, allPassed: all.every((c) => c.passed) }
    }),
  )
}

export async function addMilestone(req: PayloadRequest, user: AccessUser, id: number, input: { name: string; note?: string }) {
  return withEvents(req, () =>
    withTransaction(req, async () => {
      const booking = await lockFieldWork(req, user, id, 'milestones')
      const row: Milestone = { name: input.name, note: input.note ?? null, at: new Date().toISOString(), by: Number(user.id) }
      const updated = await save(req, id, { milestones: [...(booking.milestones ?? []), row] })
      const saved = (updated.milestones ?? []).at(-1)!
      queueEmit(req, bookingRoom(id), 'booking:milestone', { ...bookingEventBase(updated), milestone: { id: saved.id, name: saved.name, note: saved.note, at: saved.at }, timestamp: saved.at })
      return { milestone: saved }
    }),
  )
}

/** The technician's log of contacts with the customer (technician and admins only; never emitted). */
export async function logInteraction(req: PayloadRequest, user: AccessUser, id: number, input: { kind: Interaction['kind']; summary: string }) {
  return withTransaction(req, async () => {
    const booking = await lockFieldWork(req, user, id, 'interactions', [...FIELD_WORK_STATUSES, 'completed'])
    const row: Interaction = { kind: input.kind, summary: input.summary, at: new Date().toISOString(), by: Number(user.id) }
    const updated = await save(req, id, { interactions: [...(booking.interactions ?? []), row] })
    return { interaction: (updated.interactions ?? []).at(-1)!, interactions: updated.interactions ?? [] }
  })
}
