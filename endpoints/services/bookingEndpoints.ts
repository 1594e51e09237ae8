/**
 * Collection endpoints of `service-bookings` (DESIGN.md, "Car-service bookings"). Thin: parse and authorize
 * (defineEndpoint) → operation (./operations/bookings.ts) → respond.
 */
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { isAdminUser } from '@/access/roles'
import { BLOCKER_IMPACTS, BLOCKER_TYPES, GOVERNORATE_CODES, INTERACTION_KINDS } from '@/domain/services'
import { ROUTE_STATUSES } from '@/domain/services/booking-machine'
import { defineEndpoint } from '@/http/define-endpoint'
import { assertCanWrite, currentUser, unauthorized } from '@/lib/http'
import { publicBooking } from '@hooks/services/bookings'
import type { ServiceBooking } from '@payload-types'

import { bool, num, oneOf, oneOfOr, optNum, optStr, picked, ref, str } from '@/http/fields'
import {
  approveBooking,
  assignTechnician,
  bookingTracking,
  cancelServiceBooking,
  createEmergencyBooking,
  leaveFeedback,
  moveBookingStatus,
  rejectBooking,
  addMilestone,
  logInteraction,
  recordQualityChecks,
  reportBlocker,
  reportLocation,
  reportProgress,
  resolveBlocker,
} from './operations/bookings'

const GUEST_HEADER = 'x-guest-token'
const guestTokenOf = (req: PayloadRequest) => req.headers.get(GUEST_HEADER)

/** The customer's routes: a signed-in user, or a guest holding the booking's token. */
const signedInOrGuest = ({ req, user }: { req: PayloadRequest; user: unknown }): void => {
  if (!user && !guestTokenOf(req)) throw unauthorized('Sign in or send the X-Guest-Token header.')
}

/** `{ booking }`, without server-only fields (admin notes for admins only). */
const respond = (req: PayloadRequest, doc: ServiceBooking) => ({ booking: publicBooking(doc, isAdminUser(currentUser(req))) })

const LOCATION_KEYS = ['address', 'city', 'governorate', 'notes', 'latitude', 'longitude'] as const
const CUSTOMER_INFO_KEYS = ['name', 'phone', 'carBrand', 'carModel', 'carYear', 'plate', 'color'] as const

export const emergencyEndpoint = defineEndpoint({
  method: 'post',
  path: '/emergency',
  summary: 'Anonymous emergency booking: returns the booking and, once, the guest token that reads it (201).',
  auth: 'public',
  status: 201,
  body: z
    .object({
      service: ref('service', 'services'),
      problemDescription: optStr('problemDescription', { max: 4000 }),
      location: picked('location', LOCATION_KEYS),
      customerInfo: picked('customerInfo', CUSTOMER_INFO_KEYS),
    })
    .refine((b) => b.location?.governorate === undefined || GOVERNORATE_CODES.includes(String(b.location.governorate)), {
      path: ['location', 'governorate'],
      message: 'Unknown governorate.',
    }),
  run: ({ req, body }) => createEmergencyBooking(req, body),
})

export const approveEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/approve',
  summary: 'Approve a pending booking (admin), with an optional discount off the base price.',
  auth: 'write',
  body: z.object({
    discount: optNum('discount', { min: 0, decimals: 2 }),
    discountReason: optStr('discountReason', { max: 200 }),
    notes: optStr('notes', { max: 1000 }),
  }),
  run: async ({ req, id, body }) => respond(req, await approveBooking(req, id, body)),
})

export const rejectEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/reject',
  summary: 'Reject a pending booking (admin) with a reason the customer is told.',
  auth: 'write',
  body: z.object({ reason: str('reason', { max: 500 }) }),
  run: async ({ req, id, body }) => respond(req, await rejectBooking(req, id, body.reason)),
})

export const assignEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/assign',
  summary: 'Assign a technician to an approved booking (admin): not offline, no overlapping active booking.',
  auth: { roles: ['admin'] },
  body: z.object({ technician: ref('technician', 'technicians') }),
  run: async ({ req, id, body }) => respond(req, await assignTechnician(req, id, body.technician)),
})

export const statusEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/status',
  summary: 'Move the booking one step (on_way, in_progress, completed): the assigned technician or an admin.',
  auth: 'write',
  body: z.object({ status: oneOf('status', ROUTE_STATUSES), notes: optStr('notes', { max: 1000 }) }),
  run: async ({ req, id, body }) => respond(req, await moveBookingStatus(req, id, body.status, body.notes)),
})

export const cancelEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/cancel',
  summary: 'Cancel a booking (the customer before work starts, or an admin), with an optional reason; what was paid is refunded.',
  auth: 'write',
  body: z.object({ reason: optStr('reason', { max: 500 }) }),
  run: async ({ req, id, body }) => respond(req, await cancelServiceBooking(req, id, body.reason)),
})

export const locationEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/location',
  summary: "The assigned technician's live position: updates booking and technician, emits location and ETA.",
  auth: 'write',
  body: z.object({ latitude: num('latitude', { min: -90, max: 90 }), longitude: num('longitude', { min: -180, max: 180 }) }),
  run: ({ req, user, id, body }) => reportLocation(req, user, id, body),
})

export const trackingEndpoint = defineEndpoint({
  method: 'get',
  path: '/:id/tracking',
  summary: 'Live tracking: the customer, an admin, the assigned technician, or the guest token (X-Guest-Token header).',
  auth: 'public',
  authorize: signedInOrGuest,
  run: ({ req, user, id }) => bookingTracking(req, user, guestTokenOf(req), id),
})

export const feedbackEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/feedback',
  summary: 'Rate a completed booking once (the customer, or the guest token); creates reviews of the service and the technician (201).',
  auth: 'public',
  // A signed-in customer must be allowed to write; a guest needs the token.
  authorize: (ctx) => {
    signedInOrGuest(ctx)
    if (ctx.user) assertCanWrite(ctx.user)
  },
  status: 201,
  body: z.object({ rating: num('rating', { integer: true, min: 1, max: 5 }), comment: optStr('comment', { max: 2000 }) }),
  run: ({ req, user, id, body }) => leaveFeedback(req, user, guestTokenOf(req), id, body),
})

export const progressEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/progress',
  summary: 'Report a progress stage (the assigned technician or an admin) while the booking is on the way or in progress.',
  auth: 'write',
  body: z.object({
    stage: str('stage', { max: 100 }),
    status: oneOfOr('status', ['pending', 'in_progress', 'completed', 'skipped'], 'in_progress'),
    notes: optStr('notes', { max: 2000 }),
  }),
  run: async ({ req, user, id, body }) => respond(req, await reportProgress(req, user, id, body)),
})

// ---------- technician tools (docs/services.md, "Technician tools") ----------

export const blockerEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/blockers',
  summary: 'The assigned technician (or an admin) reports a blocker {type, impact, description, visibleToCustomer=true} while the job is live (201).',
  auth: 'write',
  status: 201,
  body: z.object({
    type: oneOf('type', BLOCKER_TYPES),
    impact: oneOf('impact', BLOCKER_IMPACTS),
    description: str('description', { max: 500 }),
    visibleToCustomer: bool('visibleToCustomer', true),
  }),
  run: ({ req, user, id, body }) => reportBlocker(req, user, id, body),
})

export const resolveBlockerEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/blockers/:blockerId/resolve',
  summary: 'Resolve a blocker with its resolution (the assigned technician or an admin).',
  auth: 'write',
  body: z.object({ resolution: str('resolution', { max: 500 }) }),
  run: ({ req, user, id, body }) => resolveBlocker(req, user, id, String(req.routeParams?.blockerId ?? ''), body.resolution),
})

export const qualityChecksEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/quality-checks',
  summary: 'Record quality checks [{item, passed, notes?}] while the job is in progress (the assigned technician or an admin).',
  auth: 'write',
  body: z.object({
    checks: z
      .array(z.object({ item: str('item', { max: 200 }), passed: z.boolean({ error: 'passed must be true or false.' }), notes: optStr('notes', { max: 500 }) }), { error: 'checks must be a list.' })
      .min(1, 'checks must not be empty.')
      .max(50, 'At most 50 checks at once.'),
  }),
  run: ({ req, user, id, body }) => recordQualityChecks(req, user, id, body.checks),
})

export const milestoneEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/milestones',
  summary: 'Add a milestone {name, note?} the customer sees (the assigned technician or an admin) (201).',
  auth: 'write',
  status: 201,
  body: z.object({ name: str('name', { max: 100 }), note: optStr('note', { max: 500 }) }),
  run: ({ req, user, id, body }) => addMilestone(req, user, id, body),
})

export const interactionEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/interactions',
  summary: 'Log a contact with the customer {kind, summary} (the assigned technician or an admin; never shown to the customer) (201).',
  auth: 'write',
  status: 201,
  body: z.object({ kind: oneOf('kind', INTERACTION_KINDS), summary: str('summary', { max: 1000 }) }),
  run: ({ req, user, id, body }) => logInteraction(req, user, id, body),
})

export const bookingCollectionEndpoints = [
  emergencyEndpoint,
  approveEndpoint,
  rejectEndpoint,
  assignEndpoint,
  statusEndpoint,
  cancelEndpoint,
  locationEndpoint,
  trackingEndpoint,
  feedbackEndpoint,
  progressEndpoint,
  blockerEndpoint,
  resolveBlockerEndpoint,
  qualityChecksEndpoint,
  milestoneEndpoint,
  interactionEndpoint,
]
