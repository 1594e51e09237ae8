import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { and, hasRole, isAdmin, isAdminUser, isOwner, or, userOf } from '@/access'
import { privateField } from '@/access/privacy'
import { userFields } from '@/db/identity'
import { CATEGORY_LABELS, GOVERNORATES, SERVICE_CATEGORIES, TECHNICIAN_STATUSES } from '@/domain/services'
import { badRequest } from '@/lib/http'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { label } from '@/fields/options'

/** Admins, or the technician whose profile this is. */
const adminOnly: FieldAccess = ({ req }) => isAdminUser(userOf(req))
const systemOnly: FieldAccess = () => false

/** A technician edits their own profile (status, location, areas); admins manage all. */
const updateTechnicians: Access = or(isAdmin, and(hasRole('technician'), isOwner('user')))

/**
 * Technician profiles for car-service bookings. Public profile (name, specializations, areas, rating);
 * phone and live location only for the technician and admins. `performance` is maintained by the
 * service-bookings workflow on every status change.
 */
export const Technicians: CollectionConfig = {
  slug: 'technicians',
  admin: { useAsTitle: 'displayName', group: 'Identity', defaultColumns: ['displayName', 'status', 'workingAreas', 'performance.completedJobs'] },
  access: { read: () => true, create: isAdmin, update: updateTechnicians, delete: isAdmin },
  defaultPopulate: { displayName: true, status: true, rating: true },
  hooks: {
    beforeChange: [
      async ({ data, req, operation, originalDoc }) => {
        const userId = data?.user ?? originalDoc?.user
        if ((operation === 'create' || data?.user !== undefined) && userId) {
          const id = typeof userId === 'object' ? userId.id : userId
          const user = await userFields(req, id, ['roles'])
          const roles: string[] = user?.roles ?? []
          if (!user || !roles.includes('technician')) throw badRequest('The user must have the technician role.', { errors: [{ path: 'user', message: 'Not a technician account.' }] })
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true, index: true, access: { update: adminOnly } },
    { name: 'displayName', type: 'text', required: true, maxLength: 120, localized: false },
    { name: 'phone', type: 'text', maxLength: 32, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    {
      name: 'specializations',
      type: 'select',
      hasMany: true,
      options: SERVICE_CATEGORIES.map((c) => ({ value: c, label: { en: CATEGORY_LABELS[c].en, ar: CATEGORY_LABELS[c].ar } })),
    },
    {
      name: 'workingAreas',
      type: 'select',
      hasMany: true,
      admin: { description: 'Governorates the technician covers.' },
      options: Object.entries(GOVERNORATES).map(([value, l]) => ({ value, label: { en: l.en, ar: l.ar } })),
    },
    { name: 'status', type: 'select', required: true, defaultValue: 'available', index: true, options: TECHNICIAN_STATUSES.map((s) => ({ value: s, label: label(s) })) },
    {
      name: 'currentLocation',
      type: 'group',
      ...privateField({ readers: ['admin', { owner: 'user' }] }),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'latitude', type: 'number', min: -90, max: 90 },
            { name: 'longitude', type: 'number', min: -180, max: 180 },
            { name: 'updatedAt', type: 'date' },
          ],
        },
      ],
    },
    {
      name: 'serviceArea',
      type: 'group',
      ...privateField({ readers: ['admin', { owner: 'user' }] }),
      admin: { description: 'Where the technician works: a centre and a radius (GET /api/technicians/available searches inside it).' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'latitude', type: 'number', min: -90, max: 90 },
            { name: 'longitude', type: 'number', min: -180, max: 180 },
            { name: 'radiusKm', type: 'number', min: 0, max: 500 },
          ],
        },
      ],
    },
    ratingSummaryField(),
    {
      name: 'performance',
      type: 'group',
      admin: { readOnly: true, description: 'Maintained from service bookings.' },
      access: { create: systemOnly, update: systemOnly },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'completedJobs', type: 'number', custom: { integer: true }, defaultValue: 0, index: true },
            { name: 'averageRating', type: 'number', defaultValue: 0 },
            { name: 'completionRate', type: 'number', defaultValue: 0, admin: { description: '% of finished jobs completed (vs cancelled)' } },
            { name: 'averageResponseMinutes', type: 'number', admin: { description: 'assignment → arrival (in_progress)' } },
          ],
        },
      ],
    },
  ],
}
