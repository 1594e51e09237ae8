import type { CollectionConfig } from 'payload'

import { authenticated, isAdmin, isOwner, nobody, or } from '@/access'
import { favoriteAfterChange, favoriteAfterDelete, favoriteBeforeChange, FAVORITE_TARGETS } from '@collections/discovery/Favorites/hooks'
import { stampOwner } from '@hooks/stamp-owner'

/**
 * A user's favorite car or part. Unique per user + item (409 on a duplicate); keeps the item's
 * `favoritesCount` exact. Users see and remove only their own; a favorite is never edited.
 */
export const Favorites: CollectionConfig = {
  slug: 'favorites',
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'item', 'itemType', 'createdAt'], group: 'Discovery' },
  defaultSort: '-createdAt',
  // No admin edit locks: Payload's lock check on update/delete reads outside the request's transaction,
  // which deadlocks the pool under many concurrent deletes (seen with 50 concurrent removes).
  lockDocuments: false,
  access: {
    read: or(isAdmin, isOwner('user')),
    create: authenticated,
    update: nobody,
    delete: or(isAdmin, isOwner('user')),
  },
  hooks: {
    beforeChange: [stampOwner('user'), favoriteBeforeChange],
    afterChange: [favoriteAfterChange],
    afterDelete: [favoriteAfterDelete],
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { readOnly: true } },
    { name: 'item', type: 'relationship', relationTo: [...FAVORITE_TARGETS], required: true },
    {
      name: 'itemType',
      type: 'select',
      options: FAVORITE_TARGETS.map((t) => ({ label: t, value: t })),
      admin: { readOnly: true, description: 'Derived from item (for the unique index and lookups).' },
    },
    { name: 'itemId', type: 'number', custom: { integer: true }, admin: { readOnly: true, description: 'Derived from item.' } },
  ],
  indexes: [{ fields: ['itemType', 'itemId'] }],
}
