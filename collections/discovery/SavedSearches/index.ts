import type { CollectionConfig } from 'payload'

import { authenticated, fieldAdminOnly, isAdmin, isOwner, or } from '@/access'
import { ALERT_FREQUENCIES } from '@/domain/discovery/search-filters'
import { validateSavedSearch } from '@hooks/discovery/validate'
import { stampOwner } from '@hooks/stamp-owner'

/**
 * A user's saved car search (the same filters as `GET /api/cars`, see the README (discovery section)). The
 * `saved-search-alerts` job notifies the owner of new matching active listings (`saved_search_match`).
 */
export const SavedSearches: CollectionConfig = {
  slug: 'saved-searches',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'user', 'alertFrequency', 'lastNotifiedAt'], group: 'Discovery' },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: authenticated,
    update: or(isAdmin, isOwner('user')),
    delete: or(isAdmin, isOwner('user')),
  },
  hooks: { beforeValidate: [validateSavedSearch], beforeChange: [stampOwner('user')] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { readOnly: true } },
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    {
      name: 'filters',
      type: 'json',
      admin: { description: '{ q, make, model, yearMin, yearMax, priceMin, priceMax, mileageMax, fuelType, transmission, bodyType, condition, driveType, city, features }' },
    },
    {
      name: 'alertFrequency',
      type: 'select',
      required: true,
      defaultValue: 'daily',
      index: true,
      options: ALERT_FREQUENCIES.map((f) => ({ label: f, value: f })),
    },
    { name: 'alertsEnabled', type: 'checkbox', defaultValue: true, index: true },
    { name: 'lastCheckedAt', type: 'date', index: true, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { readOnly: true } },
    { name: 'lastNotifiedAt', type: 'date', access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { readOnly: true } },
    { name: 'lastMatchCount', type: 'number', custom: { integer: true }, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { readOnly: true } },
  ],
}
