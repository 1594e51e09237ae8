import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'
import { BODY_TYPES, options } from '@/domain/catalog/options'
import { validYearRange } from '@/domain/catalog/listing'
import { invalidFields } from '@/lib/http'
import { ensureSlug } from '@hooks/slug'

const checkYears: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const from = data?.yearFrom !== undefined ? data.yearFrom : originalDoc?.yearFrom
  const to = data?.yearTo !== undefined ? data.yearTo : originalDoc?.yearTo
  if (!validYearRange(from, to)) throw invalidFields([{ path: 'yearTo', message: 'yearTo must not be before yearFrom.' }])
  return data
}

/** Car models of a make, with their production years (yearTo empty: still produced). */
export const Models: CollectionConfig = {
  slug: 'models',
  admin: { useAsTitle: 'name', group: 'Catalog', defaultColumns: ['name', 'make', 'yearFrom', 'yearTo', 'slug'] },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true, make: true },
  access: { read: anyone, create: or(isAdmin, hasRole('editor')), update: or(isAdmin, hasRole('editor')), delete: isAdmin },
  hooks: {
    beforeChange: [checkYears, ensureSlug('models', (d, o) => String(d.name ?? o?.name ?? ''))],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar', description: 'Unique across makes (e.g. toyota-camry).' } },
    { name: 'make', type: 'relationship', relationTo: 'makes', required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'yearFrom', type: 'number', custom: { integer: true }, min: 1886, max: 2100 },
        { name: 'yearTo', type: 'number', custom: { integer: true }, min: 1886, max: 2100 },
      ],
    },
    { name: 'bodyType', type: 'select', options: options(BODY_TYPES) },
  ],
  indexes: [{ fields: ['make', 'name'], unique: true }],
}
