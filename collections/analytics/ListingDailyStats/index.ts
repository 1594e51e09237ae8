import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'

/**
 * The daily history of a listing: views, favorites added and offers made per car per UTC day. Written only by
 * the analytics hooks on `listing-views`, `favorites` and `negotiations` (an upsert per event, in the event's
 * transaction); read by `/api/analytics/listings/:id`, `/seller` and `/dealer`. Unique per car + day.
 */
export const ListingDailyStats: CollectionConfig = {
  slug: 'listing-daily-stats',
  labels: { singular: 'Listing day', plural: 'Listing daily stats' },
  admin: { useAsTitle: 'day', defaultColumns: ['car', 'day', 'views', 'favorites', 'offers'], group: 'System' },
  defaultSort: '-day',
  lockDocuments: false,
  access: { read: or(isAdmin, isOwner('seller')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'car', type: 'relationship', relationTo: 'cars', required: true, index: true },
    { name: 'seller', type: 'relationship', relationTo: 'users', index: true, admin: { description: "The listing's seller when the day began (owner filter)." } },
    { name: 'day', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'views', type: 'number', required: true, defaultValue: 0, min: 0 },
    { name: 'favorites', type: 'number', required: true, defaultValue: 0, min: 0 },
    { name: 'offers', type: 'number', required: true, defaultValue: 0, min: 0 },
  ],
  indexes: [{ fields: ['car', 'day'], unique: true }],
}
