import type { CollectionConfig } from 'payload'

import { authenticated, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { MAX_COMPARISON_CARS } from '@/domain/discovery/comparison'
import { stampShareToken } from '@hooks/discovery/share-token'
import { validateComparisonCars } from '@hooks/discovery/validate'
import { stampOwner } from '@hooks/stamp-owner'

/**
 * One to four cars side by side. `GET /api/comparisons/:id/table` aligns their specs and features; the
 * owner (or anyone with `?token=<shareToken>`) may read it.
 */
export const Comparisons: CollectionConfig = {
  slug: 'comparisons',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'user', 'cars', 'updatedAt'], group: 'Discovery' },
  defaultSort: '-updatedAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: authenticated,
    update: or(isAdmin, isOwner('user')),
    delete: or(isAdmin, isOwner('user')),
  },
  hooks: { beforeChange: [stampOwner('user'), stampShareToken, validateComparisonCars] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { readOnly: true } },
    { name: 'name', type: 'text', maxLength: 100, defaultValue: 'My comparison' },
    { name: 'cars', type: 'relationship', relationTo: 'cars', hasMany: true, required: true, minRows: 1, maxRows: MAX_COMPARISON_CARS },
    {
      name: 'shareToken',
      type: 'text',
      unique: true,
      index: true,
      ...privateField({ readers: ['admin', { owner: 'user' }] }, { create: () => false, update: () => false }),
      admin: { readOnly: true },
    },
  ],
}
