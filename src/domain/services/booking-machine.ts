/**
 * The car-service booking workflow (one table drives the endpoints, the beforeChange guard, the admin select
 * options and the docs). Pure: no Payload import.
 *
 *   pending_approval → approved → on_way → in_progress → completed
 *   pending_approval → rejected;  … → cancelled (owner before on_way, admin before completed)
 */
import type { AccessUser } from '@/access/roles'
import { idKey } from '@/domain/ids'

import { defineMachine } from '../../workflows/engine'

export const SERVICE_BOOKING_STATUSES = ['pending_approval', 'approved', 'on_way', 'in_progress', 'completed', 'rejected', 'cancelled'] as const
export type ServiceBookingStatus = (typeof SERVICE_BOOKING_STATUSES)[number]

/** Statuses in which a booking holds its technician's time slot. */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly ServiceBookingStatus[] = ['approved', 'on_way', 'in_progress']

export interface ServiceBookingDoc {
  status: ServiceBookingStatus
  customer?: unknown
  technician?: unknown
  technicianUser?: unknown
  [key: string]: unknown
}

export const serviceBookingMachine = defineMachine<ServiceBookingStatus, ServiceBookingDoc>({
  name: 'service booking',
  field: 'status',
  states: SERVICE_BOOKING_STATUSES,
  initial: 'pending_approval',
  terminal: ['completed', 'rejected', 'cancelled'],
  transitions: [
    { action: 'approve', from: ['pending_approval'], to: 'approved', by: ['admin'], description: 'POST /:id/approve; optional admin discount' },
    {
      action: 'reject',
      from: ['pending_approval'],
      to: 'rejected',
      by: ['admin'],
      description: 'POST /:id/reject {reason}',
      // The reason is required, stored (rejectionReason is server-only) and sent to the customer; the other moves'
      // effects (statusHistory, notification, socket event, technician status) run in the collection's hooks on
      // any status change, so a status edit and the action are equivalent for them.
      via: 'POST /api/service-bookings/:id/reject',
      effects: 'Rejecting a service booking requires a reason, which is stored and sent to the customer',
    },
    {
      action: 'depart',
      from: ['approved'],
      to: 'on_way',
      by: ['assignee', 'admin'],
      guard: ({ doc }) => (idKey(doc.technician) ? null : 'Assign a technician before the booking can go on the way.'),
      description: 'POST /:id/status {status: on_way}; needs an assigned technician',
    },
    { action: 'start', from: ['on_way'], to: 'in_progress', by: ['assignee', 'admin'], description: 'POST /:id/status {status: in_progress}' },
    { action: 'complete', from: ['in_progress'], to: 'completed', by: ['assignee', 'admin'], description: 'POST /:id/status {status: completed}' },
    {
      action: 'cancel',
      from: ['pending_approval', 'approved'],
      to: 'cancelled',
      by: ['owner'],
      description: 'POST /:id/cancel — the customer, before on_way; what was paid is refunded',
      via: 'POST /api/service-bookings/:id/cancel',
      effects: 'Cancelling a service booking refunds what was paid through Stripe',
    },
    {
      action: 'cancel',
      from: ['pending_approval', 'approved', 'on_way', 'in_progress'],
      to: 'cancelled',
      by: ['admin'],
      description: 'POST /:id/cancel — an admin, before completed; what was paid is refunded',
      via: 'POST /api/service-bookings/:id/cancel',
      effects: 'Cancelling a service booking refunds what was paid through Stripe',
    },
  ],
  relations: (doc, actor: AccessUser) => {
    const me = String(actor.id)
    const r: string[] = []
    if (idKey(doc.customer) === me) r.push('owner')
    if (idKey(doc.technicianUser) === me) r.push('assignee')
    return r
  },
})

/** The statuses `/:id/status` accepts, and the action each one fires. */
export const STATUS_ROUTE_ACTIONS = { on_way: 'depart', in_progress: 'start', completed: 'complete' } as const satisfies Partial<Record<ServiceBookingStatus, string>>
export type RouteStatus = keyof typeof STATUS_ROUTE_ACTIONS
export const ROUTE_STATUSES: readonly [RouteStatus, ...RouteStatus[]] = ['on_way', 'in_progress', 'completed']
