import type { Access, CollectionConfig } from 'payload'

import { isAdmin, isAdminUser, userOf } from '@/access'
import { CATEGORY_LABELS, HHMM, SERVICE_CATEGORIES, slugify, WEEKDAY_LABELS, WEEKDAYS } from '@/domain/services'
import { ratingSummaryField } from '@/fields/ratingSummary'

const hhmm = (v: unknown) => !v || HHMM.test(String(v)) || 'Use HH:MM (24h).'

/** Active services are public; admins see (and manage) all. */
const readServices: Access = ({ req }) => (isAdminUser(userOf(req)) ? true : { 'availability.active': { equals: true } })

/** The car services on offer (bilingual): category, price, working hours, emergency availability. */
export const Services: CollectionConfig = {
  slug: 'services',
  admin: {
    useAsTitle: 'name',
    group: 'Services',
    defaultColumns: ['name', 'category', 'basePrice', 'durationMinutes', 'popular', 'sortOrder'],
  },
  defaultSort: 'sortOrder',
  access: { read: readServices, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeValidate: [
      ({ data, operation }) => {
        if (data && !data.slug && operation === 'create' && typeof data.name === 'string') {
          data.slug = slugify(data.name) || `service-${Date.now().toString(36)}`
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 160 },
    { name: 'description', type: 'textarea', localized: true, maxLength: 5000 },
    { name: 'slug', type: 'text', required: true, unique: true, index: true, admin: { position: 'sidebar' } },
    {
      type: 'row',
      fields: [
        {
          name: 'category',
          type: 'select',
          required: true,
          index: true,
          options: SERVICE_CATEGORIES.map((c) => ({ value: c, label: { en: CATEGORY_LABELS[c].en, ar: CATEGORY_LABELS[c].ar } })),
        },
        { name: 'subCategory', type: 'text', maxLength: 80, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'durationMinutes', type: 'number', custom: { integer: true }, required: true, min: 5, max: 24 * 60, defaultValue: 60, admin: { step: 5 } },
        { name: 'basePrice', type: 'number', required: true, min: 0, index: true, validate: (v: unknown) => typeof v !== 'number' || Math.round(v * 100) === v * 100 || 'At most 2 decimals.' },
        { name: 'currency', type: 'text', defaultValue: 'EGP', maxLength: 3 },
      ],
    },
    {
      name: 'availability',
      type: 'group',
      fields: [
        { name: 'active', type: 'checkbox', defaultValue: true, index: true },
        {
          name: 'workingHours',
          type: 'group',
          admin: { description: 'Local time (Africa/Cairo).' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'start', type: 'text', defaultValue: '09:00', validate: hhmm },
                { name: 'end', type: 'text', defaultValue: '21:00', validate: hhmm },
              ],
            },
          ],
        },
        {
          name: 'workingDays',
          type: 'select',
          hasMany: true,
          defaultValue: ['sat', 'sun', 'mon', 'tue', 'wed', 'thu'],
          options: WEEKDAYS.map((d) => ({ value: d, label: { en: WEEKDAY_LABELS[d].en, ar: WEEKDAY_LABELS[d].ar } })),
        },
        { name: 'emergencyAvailable', type: 'checkbox', defaultValue: false, index: true },
      ],
    },
    { name: 'requiresApproval', type: 'checkbox', defaultValue: true, admin: { description: 'Every booking starts pending approval (see the README (services section)).' } },
    { name: 'media', type: 'upload', relationTo: 'media', hasMany: true },
    { name: 'tags', type: 'text', hasMany: true },
    { name: 'popular', type: 'checkbox', defaultValue: false, index: true },
    { name: 'sortOrder', type: 'number', custom: { integer: true }, defaultValue: 0, index: true },
    ratingSummaryField(),
  ],
  indexes: [{ fields: ['category', 'sortOrder'] }],
}
