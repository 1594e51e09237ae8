import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'
import { privateField } from '@/access/privacy'

/**
 * Counted car views (`POST /api/cars/:id/view`): one per viewer (user id, or a hash of IP + user agent) per
 * car per 30 minutes. Written by the endpoint only; feeds `GET /api/recently-viewed`.
 */
export const ListingViews: CollectionConfig = {
  slug: 'listing-views',
  admin: { useAsTitle: 'viewerKey', defaultColumns: ['car', 'user', 'viewerKey', 'createdAt'], group: 'Discovery' },
  defaultSort: '-createdAt',
  lockDocuments: false,
  access: {
    read: or(isAdmin, isOwner('user')),
    create: nobody,
    update: nobody,
    delete: isAdmin,
  },
  fields: [
    { name: 'car', type: 'relationship', relationTo: 'cars', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'viewerKey', type: 'text', required: true, index: true, ...privateField({ readers: ['admin'] }) },
  ],
}
