import type { CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'

/** Forum sections (localized names), ordered by `order`. Managed by admins and editors. */
export const ForumCategories: CollectionConfig = {
  slug: 'forum-categories',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'order'], group: 'Community' },
  defaultSort: 'order',
  access: {
    read: anyone,
    create: or(isAdmin, hasRole('editor')),
    update: or(isAdmin, hasRole('editor')),
    delete: or(isAdmin, hasRole('editor')),
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    { name: 'slug', type: 'text', required: true, unique: true, index: true },
    { name: 'description', type: 'textarea', localized: true },
    { name: 'order', type: 'number', custom: { integer: true }, defaultValue: 0, index: true },
  ],
}
