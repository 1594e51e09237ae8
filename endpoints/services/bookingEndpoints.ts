/**
 * Collection endpoints of `service-bookings` (DESIGN.md, "Car-service bookings"). Thin: parse → authorize →
 * workflow (src/domain/services/booking-machine.ts via applyTransition) → respond. socket.io events raised in the
 * transaction are sent after it commits.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, sql, txOf, withTransaction } from '@/db/transaction'
import { computePricing, estimateEta, GOVERNORATE_CODES, newGuestToken, technicianAssignedTexts } from '@/domain/services'
import { assertValid, conflict, currentUser, forbidden, invalidFields, json, notFound, readJson, requireUser, routeId, unauthorized } from '@/lib/http'
import { Input } from '@/lib/validate'
import { assertCollectionData } from '@/plugins/input-guards'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'
import { serviceBookingMachine, STATUS_ROUTE_ACTIONS } from '@/domain/services/booking-machine'
import { CTX } from '@collections/services/ServiceBookings/hooks'

import {
  assertTechnicianFree,
  bookingEventBase,
  bookingRoom,
  BOOKINGS,
  type Doc,
  deferEmits,
  dropEmits,
  flushEmits,
  idOf,
  publicBooking,
  queueEmit,
  refreshTechnicianPerformance,
  TECHNICIANS,
  viewerOf,
} from '../../hooks/services/bookings'

const GUEST_HEADER = 'x-guest-token'

/** Runs a handler with socket.io events deferred until its transaction has committed. */
async function withEvents<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
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

const setContext = (req: PayloadRequest, values: Record<string, unknown>) => {
  req.context = { ...(req.context ?? {}), ...values }
}

const transition = (req: PayloadRequest, id: number, action: string, data?: (doc: Doc) => Record<string, unknown>) =>
  applyTransition<string, Doc>({ req, collection: BOOKINGS, id, machine: serviceBookingMachine as never, action, data: data as never, depth: 0 })

const respond = (req: PayloadRequest, doc: Doc, status = 200) => json({ booking: publicBooking(doc, isAdminUser(currentUser(req))) }, status)

const pick = (source: unknown, keys: readonly string[], path: string): Record<string, unknown> | undefined => {
  if (source === undefined || source === null) return undefined
  if (typeof source !== 'object' || Array.isArray(source)) throw invalidFields([{ path, message: `${path} must be an object.` }])
  const out: Record<string, unknown> = {}
  for (const k of keys) if ((source as Record<string, unknown>)[k] !== undefined) out[k] = (source as Record<string, unknown>)[k]
  return out
}

const LOCATION_KEYS = ['address', 'city', 'governorate', 'notes', 'latitude', 'longitude'] as const
const CUSTOMER_INFO_KEYS = ['name', 'phone', 'carBrand', 'carModel', 'carYear', 'plate', 'color'] as const

async function loadBooking(req: PayloadRequest, id: number): Promise<Doc> {
  const doc = (await req.payload.findByID({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
  if (!doc) throw notFound('No such booking.')
  return doc
}

/** Creates `reviews` of the service and the technician when the community domain's collection exists. */
async function createReviews(req: PayloadRequest, booking: Doc, rating: number, comment: string | undefined): Promise<{ created: (number | string)[]; skipped: string[] }> {
  const collection = (req.payload.collections as Record<string, { config: { flattenedFields?: { name: string }[] } } | undefined>)['reviews']
  const customer = idOf(booking.customer)
  if (!collection || !customer) return { created: [], skipped: collection ? ['guest booking: no author'] : ['reviews collection not installed'] }
  const names = new Set((collection.config.flattenedFields ?? []).map((f) => f.name))
  const authorField = ['author', 'reviewer', 'user'].find((n) => names.has(n))
  const textField = ['comment', 'body', 'content', 'text'].find((n) => names.has(n))
  const targets = [
    { relationTo: 'services', value: idOf(booking.service) },
    { relationTo: 'technicians', value: idOf(booking.technician) },
  ].filter((t) => t.value)
  const tx = await txOf(req)
  const created: (number | string)[] = []
  const skipped: string[] = []
  for (const [i, target] of targets.entries()) {
    const data: Record<string, unknown> = { target, rating }
    if (authorField) data[authorField] = customer
    if (textField && comment) data[textField] = comment
    if (names.has('title')) data.title = `Service booking ${booking.bookingNumber}`
    if (names.has('serviceBooking')) data.serviceBooking = booking.id
    const savepoint = `service_booking_review_${i}`
    await tx.execute(sql.raw(`savepoint ${savepoint}`))
    try {
      const review = await req.payload.create({ collection: 'reviews' as never, data: data as never, req, overrideAccess: true, depth: 0, context: { fromServiceBooking: booking.id } })
      await tx.execute(sql.raw(`release savepoint ${savepoint}`))
      created.push((review as unknown as Doc).id)
    } catch (err) {
      // A review the community domain refuses must not lose the customer's feedback.
      await tx.execute(sql.raw(`rollback to savepoint ${savepoint}`))
      skipped.push(`${target.relationTo}: ${err instanceof Error ? err.message : String(err)}`)
      req.payload.logger.warn({ msg: 'service booking review not created', booking: booking.id, target, err })
    }
  }
  return { created, skipped }
}

export const bookingCollectionEndpoints: Endpoint[] = [
  {
    // Anonymous emergency booking: returns the booking and, once, the guest token that reads it.
    path: '/emergency',
    method: 'post',
    handler: async (req) => {
      const body = await readJson(req)
      const input = new Input(body)
      input.id('service')
      input.string('problemDescription', { max: 4000 })
      assertValid(input)
      const location = pick(body.location, LOCATION_KEYS, 'location')
      if (location?.governorate !== undefined && !GOVERNORATE_CODES.includes(String(location.governorate))) {
        throw invalidFields([{ path: 'location.governorate', message: 'Unknown governorate.' }])
      }
      const data = {
        service: body.service,
        location,
        customerInfo: pick(body.customerInfo, CUSTOMER_INFO_KEYS, 'customerInfo') ?? {},
        problemDescription: body.problemDescription,
      }
      // typed like the collection's fields (a latitude "x" is a 400, never a booking without coordinates)
      assertCollectionData(req, BOOKINGS, data)
      const { token, hash } = newGuestToken()
      const doc = await withEvents(req, () =>
        withTransaction(req, async () => {
          const created = (await req.payload.create({
            collection: BOOKINGS,
            req,
            depth: 0,
            overrideAccess: true,
            data: data as never,
            context: { [CTX.emergency]: true, [CTX.guestTokenHash]: hash },
          })) as unknown as Doc
          const admins = await req.payload.find({ collection: 'users', req, depth: 0, limit: 20, overrideAccess: true, where: { roles: { in: ['admin'] } }, select: { id: true } as never })
          for (const admin of admins.docs) {
            await notify(req, {
              user: (admin as unknown as Doc).id,
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
      return json({ booking: publicBooking(doc), guestToken: token }, 201)
    },
  },
  {
    path: '/:id/approve',
    method: 'post',
    handler: async (req) => {
      requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const discount = input.number('discount', { min: 0, decimals: 2 })
      const discountReason = input.string('discountReason', { max: 200 })
      const notes = input.string('notes', { max: 1000 })
      assertValid(input)
      setContext(req, { [CTX.note]: notes ?? null })
      const { doc } = await withEvents(req, () =>
        transition(req, id, 'approve', (previous) => {
          if (discount === undefined) return {}
          const base = Number(previous.pricing?.basePrice ?? 0)
          if (discount > base) throw invalidFields([{ path: 'discount', message: `discount must be at most the base price (${base}).` }])
          return { pricing: { ...previous.pricing, ...computePricing(base, discount, discountReason ?? null) } }
        }),
      )
      return respond(req, doc)
    },
  },
  {
    path: '/:id/reject',
    method: 'post',
    handler: async (req) => {
      requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const reason = input.string('reason', { required: true, max: 500 })
      assertValid(input)
      setContext(req, { [CTX.note]: reason, [CTX.reason]: reason })
      const { doc } = await withEvents(req, () => transition(req, id, 'reject', () => ({ rejectionReason: reason })))
      return respond(req, doc)
    },
  },
  {
    // Admin assigns a technician: exists, not offline, no overlapping active booking (technician lock).
    path: '/:id/assign',
    method: 'post',
    handler: async (req) => {
      requireUser(req, { write: true, roles: ['admin'] })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const technicianId = input.id('technician')
      assertValid(input)
      const doc = await withEvents(req, () =>
        withTransaction(req, async (tx) => {
          if (!(await lockRow(tx, BOOKINGS, id, 'id'))) throw notFound('No such booking.')
          const booking = await loadBooking(req, id)
          if (booking.status !== 'approved') throw conflict(`Only approved bookings can be assigned; this one is ${booking.status}.`)
          const technician = (await req.payload.findByID({ collection: TECHNICIANS, id: technicianId!, req, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
          if (!technician) throw invalidFields([{ path: 'technician', message: 'No such technician.' }])
          if (technician.status === 'offline') throw conflict('The technician is offline.')
          await assertTechnicianFree(req, technician.id, new Date(booking.scheduledAt), new Date(booking.scheduledEnd), id)
          const updated = (await req.payload.update({
            collection: BOOKINGS,
            id,
            req,
            depth: 0,
            overrideAccess: true,
            data: { technician: technician.id, technicianUser: idOf(technician.user), tracking: { assignedAt: new Date().toISOString() } } as never,
          })) as unknown as Doc
          const customer = idOf(updated.customer)
          if (customer) {
            await notify(req, { user: customer, type: 'booking_status', ...technicianAssignedTexts(updated.bookingNumber, technician.displayName), data: { booking: id, technician: technician.id } })
          }
          const techUser = idOf(technician.user)
          if (techUser) {
            await notify(req, {
              user: techUser,
              type: 'booking_status',
              title: { en: `New job ${updated.bookingNumber}`, ar: `مهمة جديدة ${updated.bookingNumber}` },
              message: { en: `You were assigned booking ${updated.bookingNumber}.`, ar: `تم تعيينك للحجز ${updated.bookingNumber}.` },
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
      return respond(req, doc)
    },
  },
  {
    // The assigned technician (or an admin) moves the booking one step along the table.
    path: '/:id/status',
    method: 'post',
    handler: async (req) => {
      requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const status = input.oneOf('status', Object.keys(STATUS_ROUTE_ACTIONS), { required: true })
      const notes = input.string('notes', { max: 1000 })
      assertValid(input)
      setContext(req, { [CTX.note]: notes ?? null })
      const { doc } = await withEvents(req, () => transition(req, id, STATUS_ROUTE_ACTIONS[status!]))
      return respond(req, doc)
    },
  },
  {
    path: '/:id/cancel',
    method: 'post',
    handler: async (req) => {
      requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const reason = input.string('reason', { max: 500 })
      assertValid(input)
      setContext(req, { [CTX.note]: reason ?? null, [CTX.reason]: reason ?? null })
      const { doc } = await withEvents(req, () => transition(req, id, 'cancel', () => ({ cancellationReason: reason ?? null })))
      return respond(req, doc)
    },
  },
  {
    // Live position of the assigned technician: updates the booking and the technician, emits location + ETA.
    path: '/:id/location',
    method: 'post',
    handler: async (req) => {
      const user = requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const latitude = input.number('latitude', { required: true, min: -90, max: 90 })
      const longitude = input.number('longitude', { required: true, min: -180, max: 180 })
      assertValid(input)
      const result = await withEvents(req, () =>
        withTransaction(req, async (tx) => {
          if (!(await lockRow(tx, BOOKINGS, id, 'id'))) throw notFound('No such booking.')
          const booking = await loadBooking(req, id)
          if (idOf(booking.technicianUser) !== Number(user.id)) throw forbidden('Only the assigned technician reports the location.')
          if (!['on_way', 'in_progress'].includes(booking.status)) throw conflict(`Location updates are accepted on the way or in progress; the booking is ${booking.status}.`)
          const now = new Date()
          const to = booking.location
          const eta =
            typeof to?.latitude === 'number' && typeof to?.longitude === 'number'
              ? estimateEta({ lat: latitude!, lng: longitude! }, { lat: to.latitude, lng: to.longitude }, now)
              : null
          const tracking = {
            technicianLocation: { lat: latitude, lng: longitude, at: now.toISOString() },
            eta: eta ? eta.eta.toISOString() : null,
            etaMinutes: eta ? eta.etaMinutes : null,
            distanceKm: eta ? eta.distanceKm : null,
          }
          await req.payload.update({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, data: { tracking } as never })
          const technicianId = idOf(booking.technician)
          if (technicianId) {
            await req.payload.update({
              collection: TECHNICIANS,
              id: technicianId,
              req,
              depth: 0,
              overrideAccess: true,
              data: { currentLocation: { latitude, longitude, updatedAt: now.toISOString() } } as never,
            })
          }
          const base = bookingEventBase(booking)
          queueEmit(req, bookingRoom(id), 'booking:location-update', { ...base, latitude, longitude, at: now.toISOString() })
          queueEmit(req, bookingRoom(id), 'booking:eta-update', { ...base, eta: tracking.eta, etaMinutes: tracking.etaMinutes, distanceKm: tracking.distanceKm })
          return { bookingId: id, location: tracking.technicianLocation, eta: tracking.eta, etaMinutes: tracking.etaMinutes, distanceKm: tracking.distanceKm }
        }),
      )
      return json(result)
    },
  },
  {
    // Live tracking for the customer, an admin, the assigned technician, or the guest token (X-Guest-Token).
    path: '/:id/tracking',
    method: 'get',
    handler: async (req) => {
      const user = currentUser(req)
      const guestToken = req.headers.get(GUEST_HEADER)
      if (!user && !guestToken) throw unauthorized('Sign in or send the X-Guest-Token header.')
      const id = routeId(req)
      const booking = await loadBooking(req, id)
      const viewer = viewerOf(booking, user, guestToken)
      if (!viewer) throw forbidden('You may not track this booking.')
      const locale = req.locale === 'ar' ? 'ar' : 'en'
      const [service, technician] = await Promise.all([
        req.payload.findByID({ collection: 'services', id: idOf(booking.service)!, req, depth: 0, locale, overrideAccess: true, disableErrors: true, select: { name: true, category: true } as never }),
        idOf(booking.technician)
          ? req.payload.findByID({ collection: TECHNICIANS, id: idOf(booking.technician)!, req, depth: 0, overrideAccess: true, disableErrors: true })
          : Promise.resolve(null),
      ])
      const t = technician as Doc | null
      return json({
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
        },
        service: service ? { id: (service as Doc).id, name: (service as Doc).name, category: (service as Doc).category } : null,
        technician: t ? { id: t.id, displayName: t.displayName, phone: t.phone ?? null, status: t.status, currentLocation: t.currentLocation ?? null } : null,
        tracking: {
          statusHistory: booking.tracking?.statusHistory ?? [],
          technicianLocation: booking.tracking?.technicianLocation ?? null,
          eta: booking.tracking?.eta ?? null,
          etaMinutes: booking.tracking?.etaMinutes ?? null,
          distanceKm: booking.tracking?.distanceKm ?? null,
        },
      })
    },
  },
  {
    // The customer (or the guest token) rates a completed booking once; creates reviews when available.
    path: '/:id/feedback',
    method: 'post',
    handler: async (req) => {
      const user = currentUser(req)
      const guestToken = req.headers.get(GUEST_HEADER)
      if (!user && !guestToken) throw unauthorized()
      if (user) requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const rating = input.number('rating', { required: true, integer: true, min: 1, max: 5 })
      const comment = input.string('comment', { max: 2000 })
      assertValid(input)
      const result = await withEvents(req, () =>
        withTransaction(req, async (tx) => {
          if (!(await lockRow(tx, BOOKINGS, id, 'id'))) throw notFound('No such booking.')
          const booking = await loadBooking(req, id)
          const viewer = viewerOf(booking, user, guestToken)
          if (viewer !== 'owner' && viewer !== 'guest') throw forbidden('Only the customer rates a booking.')
          if (booking.status !== 'completed') throw conflict(`Feedback is accepted once the booking is completed; it is ${booking.status}.`)
          if (booking.feedback?.rating) throw conflict('This booking already has feedback.')
          const updated = (await req.payload.update({
            collection: BOOKINGS,
            id,
            req,
            depth: 0,
            overrideAccess: true,
            data: { feedback: { rating, comment: comment ?? null, at: new Date().toISOString() } } as never,
          })) as unknown as Doc
          const reviews = await createReviews(req, updated, rating!, comment)
          const technicianId = idOf(updated.technician)
          if (technicianId) await refreshTechnicianPerformance(req, technicianId)
          return { booking: publicBooking(updated), reviews }
        }),
      )
      return json(result, 201)
    },
  },
  {
    // Progress stages reported by the assigned technician (or an admin) while the work is in progress.
    path: '/:id/progress',
    method: 'post',
    handler: async (req) => {
      const user = requireUser(req, { write: true })
      const id = routeId(req)
      const input = new Input(await readJson(req))
      const stage = input.string('stage', { required: true, max: 100 })
      const status = input.oneOf('status', ['pending', 'in_progress', 'completed', 'skipped'] as const, { default: 'in_progress' })
      const notes = input.string('notes', { max: 2000 })
      assertValid(input)
      const doc = await withEvents(req, () =>
        withTransaction(req, async (tx) => {
          if (!(await lockRow(tx, BOOKINGS, id, 'id'))) throw notFound('No such booking.')
          const booking = await loadBooking(req, id)
          if (!isAdminUser(user) && idOf(booking.technicianUser) !== Number(user.id)) throw forbidden('Only the assigned technician reports progress.')
          if (!['on_way', 'in_progress'].includes(booking.status)) throw conflict(`Progress is reported while the booking is on the way or in progress; it is ${booking.status}.`)
          const now = new Date().toISOString()
          const stages = [...((booking.progressStages ?? []) as Doc[])]
          const existing = stages.find((s) => s.stage === stage)
          const row = existing ?? { stage }
          row.status = status
          if (notes !== undefined) row.notes = notes
          if (status === 'in_progress' && !row.startedAt) row.startedAt = now
          if (status === 'completed') {
            row.startedAt ??= now
            row.completedAt = now
          }
          row.updatedBy = user.id
          if (!existing) stages.push(row)
          const updated = (await req.payload.update({ collection: BOOKINGS, id, req, depth: 0, overrideAccess: true, data: { progressStages: stages } as never })) as unknown as Doc
          queueEmit(req, bookingRoom(id), 'booking:progress-update', { ...bookingEventBase(updated), stage: row })
          return updated
        }),
      )
      return respond(req, doc)
    },
  },
]

