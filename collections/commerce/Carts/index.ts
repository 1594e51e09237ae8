import type { CollectionConfig } from 'payload'

import { fieldAdminOnly, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'

/**
 * Shopping carts: one per user, or per guest (`X-Cart-Token` header; only the token's hash is stored).
 * Written only through the `/api/carts/mine…` endpoints; merged into the user's cart at login. No admin edit
 * locks: nobody edits a cart in the admin panel, and each lock check was a statement on every add and checkout.
 */
export const Carts: CollectionConfig = {
  slug: 'carts',
  lockDocuments: false,
  admin: { useAsTitle: 'id', group: 'Commerce', defaultColumns: ['id', 'user', 'lastActivityAt', 'updatedAt'] },
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: isAdmin,
    delete: or(isAdmin, isOwner('user')),
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', unique: true, admin: { description: 'Empty for a guest cart.' } },
    {
      name: 'tokenHash',
      type: 'text',
      unique: true,
      ...privateField({ readers: ['admin'] }, { create: fieldAdminOnly, update: fieldAdminOnly }),
      admin: { readOnly: true, description: 'SHA-256 of the guest cart token.' },
    },
    {
      name: 'items',
      type: 'array',
      fields: [
        { name: 'part', type: 'relationship', relationTo: 'parts', required: true },
        {
          type: 'row',
          fields: [
            { name: 'quantity', type: 'number', custom: { integer: true }, required: true, min: 1, max: 999, admin: { step: 1 } },
            { name: 'unitPrice', type: 'number', required: true, min: 0, admin: { description: 'Price when added; checkout charges the current price.' } },
            { name: 'addedAt', type: 'date' },
          ],
        },
      ],
    },
    { name: 'currency', type: 'text', defaultValue: 'USD', maxLength: 3 },
    { name: 'lastActivityAt', type: 'date', index: true },
  ],
}
