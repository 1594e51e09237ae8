import type { Access, CollectionAfterChangeHook, CollectionConfig, FieldAccess, Where } from 'payload'

import { fieldAdminOnly, isAdmin, or, userOf } from '@/access'
import { privateField } from '@/access/privacy'
import { isAdminUser } from '@/access/roles'
import { PRICE_TYPES } from '@/domain/parking'
import { notify } from '@/notifications/notify'
import { statusOptions } from '@/workflows/engine'
import { workflowGuard } from '@/workflows/apply'
import { parkingBookingMachine } from '@/domain/parking/booking-machine'
import { idOf, sameId } from '@/domain/ids'
import { label } from '@/fields/options'
import type { ParkingBooking } from '@payload-types'
import { alongside } from '@hooks/alongside'
import { parkingBookingLive } from '@hooks/parking/live'

import { prepareBooking } from './hooks'

export const PAYMENT_STATUSES = ['unpaid', 'pay_on_site', 'paid', 'partially_refunded', 'refunded'] as const
export const CANCELLATION_REASONS = ['driver_cancelled', 'owner_cancelled', 'admin_cancelled', 'no_show', 'payment_expired'] as const

/** Server-written fields: no client may set them. */
const never: FieldAccess = () => false

/** The driver's bookings and the bookings of the caller's spots. */
const driverOrSpotOwner: Access = ({ req }) => {
  const user = userOf(req)
  return user ? ({ or: [{ user: { equals: user.id } }, { spotOwner: { equals: user.id } }] } as Where) : false
}

/** PIN and QR code: the driver, the spot owner and admins only. */
export const bookingPartyOnly: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (!user) return false
  if (isAdminUser(user)) return true
  return (idOf(doc?.user) !== null && sameId(doc?.user, user.id)) || (idOf(doc?.spotOwner) !== null && sameId(doc?.spotOwner, user.id))
}

/** Tells the spot owner about a new booking (same transaction). */
const notifyOwnerOnCreate: CollectionAfterChangeHook<ParkingBooking> = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context?.seed) return doc
  const owner = idOf(doc.spotOwner)
  if (owner && owner !== idOf(doc.user)) {
    const prepared = req.context.parkingOwnerRecipient
    await notify(
      req,
      {
        user: owner,
        type: 'booking_status',
        title: { en: 'New parking booking', ar: 'حجز موقف جديد' },
        message: {
          en: `A slot was booked from ${new Date(doc.startTime).toISOString()} to ${new Date(doc.endTime).toISOString()}.`,
          ar: `تم حجز موقف من ${new Date(doc.startTime).toISOString()} إلى ${new Date(doc.endTime).toISOString()}.`,
        },
        data: { booking: doc.id, spot: idOf(doc.spot) },
      },
      prepared?.owner === owner ? prepared.recipient : undefined,
    )
  }
  return doc
}

// user, status, totalCost, qrCode, pin and paymentStatus are always written by prepareBooking (not `required` in the
// config so GraphQL's create input does not demand them from clients; NOT NULL is a check constraint in
// src/db/extras/parking.ts).

/**
 * Parking bookings. Created only through the capacity-checked path (`prepareBooking`, which every create —
 * REST, GraphQL, admin, Local API — runs); status moves only along parkingBookingMachine.
 */
export const ParkingBookings: CollectionConfig = {
  slug: 'parking-bookings',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['id', 'spot', 'user', 'startTime', 'endTime', 'status', 'totalCost', 'paymentStatus'],
    group: 'Parking',
  },
  defaultSort: '-startTime',
  access: {
    read: or(isAdmin, driverOrSpotOwner),
    create: ({ req }) => Boolean(userOf(req)),
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [prepareBooking, workflowGuard(parkingBookingMachine)],
    // the owner's notification and the live figures in one write (both only act: ../../../hooks/alongside.ts)
    afterChange: [alongside(notifyOwnerOnCreate, parkingBookingLive)],
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, access: { update: never }, admin: { position: 'sidebar' } },
    { name: 'spot', type: 'relationship', relationTo: 'parking-spots', required: true, index: true, access: { update: never } },
    {
      name: 'spotOwner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { create: never, update: never },
      admin: { readOnly: true, position: 'sidebar', description: 'Copied from the spot at booking time (access and dashboards).' },
    },
    { name: 'vehicle', type: 'relationship', relationTo: 'vehicles', required: true, access: { update: never } },
    {
      type: 'row',
      fields: [
        { name: 'startTime', type: 'date', required: true, index: true, access: { update: never }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'endTime', type: 'date', required: true, index: true, access: { update: never }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: parkingBookingMachine.initial,
      index: true,
      options: statusOptions(parkingBookingMachine),
      access: { create: never, update: fieldAdminOnly },
    },
    {
      type: 'row',
      fields: [
        { name: 'totalCost', type: 'number', min: 0, access: { create: never, update: never }, admin: { readOnly: true } },
        { name: 'currency', type: 'text', maxLength: 3, access: { create: never, update: never }, admin: { readOnly: true } },
        { name: 'unitPrice', type: 'number', access: { create: never, update: never }, admin: { readOnly: true, description: 'Spot price at booking time.' } },
        { name: 'priceType', type: 'select', options: PRICE_TYPES.map((v) => ({ value: v, label: `Per ${v}` })), access: { create: never, update: never }, admin: { readOnly: true } },
      ],
    },
    {
      name: 'qrCode',
      type: 'text',
      unique: true,
      index: true,
      ...privateField({ readers: ['admin', { owner: 'user' }, { owner: 'spotOwner' }] }, { create: never, update: never }),
      admin: { readOnly: true },
    },
    { name: 'pin', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }, { owner: 'spotOwner' }] }, { create: never, update: never }), admin: { readOnly: true } },
    {
      name: 'paymentStatus',
      type: 'select',
      defaultValue: 'pay_on_site',
      index: true,
      options: PAYMENT_STATUSES.map((v) => ({ value: v, label: label(v) })),
      access: { create: never, update: fieldAdminOnly },
    },
    {
      name: 'paymentDueBy',
      type: 'date',
      index: true,
      access: { create: never, update: never },
      admin: { readOnly: true, description: 'Card bookings: released by the parking-payment-holds job if still unpaid at this time.' },
    },
    { name: 'refundAmount', type: 'number', min: 0, access: { create: never, update: fieldAdminOnly } },
    { name: 'cancellationReason', type: 'select', options: CANCELLATION_REASONS.map((v) => ({ value: v, label: label(v) })), access: { create: never, update: fieldAdminOnly } },
    { name: 'cancellationNote', type: 'text', maxLength: 500, ...privateField({ readers: ['admin', { owner: 'user' }, { owner: 'spotOwner' }] }, { create: never, update: fieldAdminOnly }) },
    {
      type: 'row',
      fields: [
        { name: 'cancelledAt', type: 'date', access: { create: never, update: fieldAdminOnly }, admin: { readOnly: true } },
        { name: 'checkedInAt', type: 'date', access: { create: never, update: fieldAdminOnly }, admin: { readOnly: true } },
        { name: 'checkedOutAt', type: 'date', access: { create: never, update: fieldAdminOnly }, admin: { readOnly: true } },
        { name: 'reminderSentAt', type: 'date', index: true, access: { create: never, update: never }, admin: { readOnly: true } },
      ],
    },
  ],
  indexes: [{ fields: ['spot', 'status', 'startTime'] }, { fields: ['spot', 'pin'] }, { fields: ['status', 'endTime'] }],
}
