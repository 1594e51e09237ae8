import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { authenticated, isAdmin, isAdminUser, userHasRole, userOf } from '@/access'
import { privateField } from '@/access/privacy'
import { BLOCKER_IMPACTS, BLOCKER_TYPES, GOVERNORATES, INTERACTION_KINDS, PAYMENT_STATUSES, URGENCIES } from '@/domain/services'
import { EGYPTIAN_MOBILE_MESSAGE, isEgyptianMobile } from '@/domain/identity/phone'
import { statusOptions } from '@/workflows/engine'
import { workflowGuard } from '@/workflows/apply'
import { serviceBookingMachine } from '@/domain/services/booking-machine'
import { label } from '@/fields/options'

import { afterChangeBooking, beforeChangeBooking, numberBooking } from './hooks'

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: label(v) }))

/** Admins see every booking; a customer their own; a technician also the ones assigned to them. */
const readBookings: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isAdminUser(user)) return true
  const own = { customer: { equals: user.id } }
  return userHasRole(user, 'technician') ? { or: [own, { technicianUser: { equals: user.id } }] } : own
}

const serverOnly: FieldAccess = () => false
const adminField: FieldAccess = ({ req }) => isAdminUser(userOf(req))
const computed = { create: serverOnly, update: serverOnly }
/** `redeemPoints` (input only): nobody reads it back; it is given on create only. */
const redeemPointsPrivacy = privateField({ readers: [] }, { update: serverOnly })
/** The booking's parties: its customer, the assigned technician, and admins. */
const bookingParty = { readers: ['admin', { owner: 'customer' }, { owner: 'technicianUser' }] } as const

/**
 * Car-service bookings: customers (or guests, for emergencies) book a service; admins approve and assign a
 * technician; the technician moves it along the workflow (src/domain/services/booking-machine.ts) with live tracking.
 * Prices, numbers and history are computed on the server. Workflow endpoints: endpoints/services/bookingEndpoints.ts.
 */
export const ServiceBookings: CollectionConfig = {
  slug: 'service-bookings',
  admin: {
    useAsTitle: 'bookingNumber',
    group: 'Services',
    defaultColumns: ['bookingNumber', 'service', 'status', 'scheduledAt', 'technician', 'customer', 'pricing.total'],
  },
  defaultSort: '-createdAt',
  access: { read: readBookings, create: authenticated, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [workflowGuard(serviceBookingMachine), beforeChangeBooking],
    // numberBooking first: the hooks after it see the booking's number.
    afterChange: [numberBooking, afterChangeBooking],
  },
  fields: [
    { name: 'bookingNumber', type: 'text', unique: true, index: true, access: computed, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: serviceBookingMachine.initial,
      options: statusOptions(serviceBookingMachine),
      access: { create: serverOnly, update: adminField },
      admin: { position: 'sidebar' },
    },
    { name: 'customer', type: 'relationship', relationTo: 'users', index: true, access: { update: adminField }, admin: { position: 'sidebar', description: 'Empty for guest (emergency) bookings.' } },
    { name: 'guestTokenHash', type: 'text', index: true, ...privateField({ readers: [] }, { create: serverOnly, update: serverOnly }), admin: { hidden: true } },
    { name: 'service', type: 'relationship', relationTo: 'services', required: true, index: true, access: { update: adminField } },
    { name: 'technician', type: 'relationship', relationTo: 'technicians', index: true, access: computed, admin: { readOnly: true, description: 'Set with POST /api/service-bookings/:id/assign.' } },
    { name: 'technicianUser', type: 'relationship', relationTo: 'users', index: true, access: computed, admin: { hidden: true } },
    { name: 'isEmergency', type: 'checkbox', defaultValue: false, index: true, access: computed, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'urgency', type: 'select', defaultValue: 'normal', index: true, options: options(URGENCIES) },
    {
      type: 'row',
      fields: [
        { name: 'scheduledAt', type: 'date', required: true, index: true, access: { update: adminField }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'durationMinutes', type: 'number', custom: { integer: true }, access: computed, admin: { readOnly: true } },
        { name: 'scheduledEnd', type: 'date', index: true, access: computed, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'location',
      type: 'group',
      ...privateField(bookingParty),
      fields: [
        { name: 'address', type: 'text', maxLength: 300 },
        {
          type: 'row',
          fields: [
            { name: 'city', type: 'text', maxLength: 100 },
            { name: 'governorate', type: 'select', index: true, options: Object.entries(GOVERNORATES).map(([value, l]) => ({ value, label: { en: l.en, ar: l.ar } })) },
          ],
        },
        { name: 'notes', type: 'textarea', maxLength: 1000 },
        {
          type: 'row',
          fields: [
            { name: 'latitude', type: 'number', min: -90, max: 90 },
            { name: 'longitude', type: 'number', min: -180, max: 180 },
          ],
        },
      ],
    },
    {
      name: 'customerInfo',
      type: 'group',
      ...privateField(bookingParty),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, maxLength: 120 },
            { name: 'phone', type: 'text', required: true, maxLength: 20, validate: (v: unknown) => !v || isEgyptianMobile(v) || EGYPTIAN_MOBILE_MESSAGE },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'carBrand', type: 'text', maxLength: 60 },
            { name: 'carModel', type: 'text', maxLength: 60 },
            { name: 'carYear', type: 'number', custom: { integer: true }, min: 1950, max: 2100 },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'plate', type: 'text', maxLength: 20 },
            { name: 'color', type: 'text', maxLength: 30 },
          ],
        },
      ],
    },
    { name: 'problemDescription', type: 'textarea', maxLength: 4000 },
    {
      // Input only (no column): loyalty points to spend on this booking at creation (docs/loyalty.md).
      name: 'redeemPoints',
      type: 'number',
      virtual: true,
      min: 0,
      // Never read back (nobody reads it); set on create only.
      access: redeemPointsPrivacy.access,
      custom: { ...redeemPointsPrivacy.custom, integer: true },
      admin: { hidden: true },
    },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true, maxRows: 10 },
    {
      name: 'pricing',
      type: 'group',
      access: computed,
      admin: { readOnly: true, description: 'Computed on the server (service base price − loyalty discount − admin discount).' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'basePrice', type: 'number' },
            { name: 'discount', type: 'number', defaultValue: 0 },
            { name: 'total', type: 'number', index: true },
            { name: 'currency', type: 'text', defaultValue: 'EGP' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'loyaltyDiscount', type: 'number', defaultValue: 0, admin: { description: 'Part of the discount from loyalty: the level percent plus the points redeemed.' } },
            { name: 'pointsRedeemed', type: 'number', custom: { integer: true }, defaultValue: 0 },
          ],
        },
        { name: 'discountReason', type: 'text' },
      ],
    },
    { name: 'paymentStatus', type: 'select', defaultValue: 'pending', index: true, options: options(PAYMENT_STATUSES), access: { create: serverOnly, update: adminField } },
    {
      name: 'tracking',
      type: 'group',
      access: computed,
      admin: { readOnly: true },
      fields: [
        {
          name: 'statusHistory',
          type: 'array',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'status', type: 'select', required: true, options: statusOptions(serviceBookingMachine) },
                { name: 'at', type: 'date', required: true },
                { name: 'actor', type: 'relationship', relationTo: 'users' },
                { name: 'actorType', type: 'select', options: options(['customer', 'guest', 'admin', 'technician', 'system']) },
              ],
            },
            { name: 'note', type: 'text', ...privateField(bookingParty) },
          ],
        },
        {
          name: 'technicianLocation',
          type: 'group',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'lat', type: 'number' },
                { name: 'lng', type: 'number' },
                { name: 'at', type: 'date' },
              ],
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'eta', type: 'date' },
            { name: 'etaMinutes', type: 'number' },
            { name: 'distanceKm', type: 'number' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'assignedAt', type: 'date' },
            { name: 'departedAt', type: 'date' },
            { name: 'arrivedAt', type: 'date' },
            { name: 'completedAt', type: 'date' },
          ],
        },
      ],
    },
    {
      name: 'progressStages',
      type: 'array',
      access: { create: serverOnly, update: adminField },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'stage', type: 'text', required: true, maxLength: 100 },
            { name: 'status', type: 'select', defaultValue: 'pending', options: options(['pending', 'in_progress', 'completed', 'skipped']) },
            { name: 'startedAt', type: 'date' },
            { name: 'completedAt', type: 'date' },
          ],
        },
        { name: 'notes', type: 'textarea', maxLength: 2000, ...privateField(bookingParty) },
        { name: 'images', type: 'upload', relationTo: 'media', hasMany: true },
        { name: 'updatedBy', type: 'relationship', relationTo: 'users' },
      ],
    },
    {
      name: 'blockers',
      type: 'array',
      access: { create: serverOnly, update: adminField },
      admin: { description: 'Reported by the technician (POST /:id/blockers), resolved with POST /:id/blockers/:blockerId/resolve.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'type', type: 'select', options: options(BLOCKER_TYPES) },
            { name: 'impact', type: 'select', options: options(BLOCKER_IMPACTS) },
            { name: 'visibleToCustomer', type: 'checkbox', defaultValue: true },
          ],
        },
        { name: 'description', type: 'text', required: true, maxLength: 500 },
        { name: 'resolution', type: 'text', maxLength: 500 },
        {
          type: 'row',
          fields: [
            { name: 'reportedAt', type: 'date' },
            { name: 'resolvedAt', type: 'date' },
            { name: 'reportedBy', type: 'relationship', relationTo: 'users' },
            { name: 'resolvedBy', type: 'relationship', relationTo: 'users' },
          ],
        },
      ],
    },
    {
      name: 'milestones',
      type: 'array',
      access: { create: serverOnly, update: adminField },
      admin: { description: 'Moments of the job the customer sees (arrived, diagnosis done, parts fitted…): POST /:id/milestones.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, maxLength: 100 },
            { name: 'at', type: 'date' },
            { name: 'by', type: 'relationship', relationTo: 'users' },
          ],
        },
        { name: 'note', type: 'text', maxLength: 500, ...privateField(bookingParty) },
      ],
    },
    {
      name: 'interactions',
      type: 'array',
      // The technician's log of contacts with the customer: the technician and admins only.
      ...privateField({ readers: ['admin', { owner: 'technicianUser' }] }, { create: serverOnly, update: adminField }),
      admin: { description: 'Customer-interaction log (calls, messages, visits): POST /:id/interactions.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', required: true, options: options(INTERACTION_KINDS) },
            { name: 'at', type: 'date' },
            { name: 'by', type: 'relationship', relationTo: 'users' },
          ],
        },
        { name: 'summary', type: 'text', required: true, maxLength: 1000 },
      ],
    },
    {
      name: 'qualityChecks',
      type: 'array',
      access: { create: serverOnly, update: adminField },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', type: 'text', required: true, maxLength: 200 },
            { name: 'passed', type: 'checkbox', defaultValue: false },
            { name: 'checkedAt', type: 'date' },
            { name: 'checkedBy', type: 'relationship', relationTo: 'users' },
          ],
        },
        { name: 'notes', type: 'text', maxLength: 500, ...privateField(bookingParty) },
      ],
    },
    {
      name: 'feedback',
      type: 'group',
      access: computed,
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'rating', type: 'number', custom: { integer: true }, min: 1, max: 5 },
            { name: 'at', type: 'date' },
          ],
        },
        { name: 'comment', type: 'textarea', maxLength: 2000 },
      ],
    },
    { name: 'cancellationReason', type: 'text', maxLength: 500, access: computed },
    { name: 'rejectionReason', type: 'text', maxLength: 500, access: computed },
    { name: 'adminNotes', type: 'textarea', ...privateField({ readers: ['admin'] }, { create: adminField, update: adminField }) },
  ],
  indexes: [{ fields: ['technician', 'status'] }, { fields: ['customer', 'status'] }, { fields: ['service', 'status'] }],
}
