import type { CollectionConfig } from 'payload'

import { hasRole, or } from '@/access'
import { slugFromTitle } from '@hooks/content/posts'

const editors = hasRole('editor', 'admin')

/** Blog categories (name localized en/ar). The public sees active ones. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { useAsTitle: 'name', group: 'Content', defaultColumns: ['name', 'slug', 'active', 'updatedAt'] },
  access: {
    read: or(editors, () => ({ active: { equals: true } })),
    create: editors,
    update: editors,
    delete: editors,
  },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true },
  hooks: { beforeValidate: [slugFromTitle('name', 'categories')] },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, maxLength: 120 },
    { name: 'slug', type: 'text', unique: true, index: true, maxLength: 120, admin: { position: 'sidebar', description: 'Generated from the English name when empty.' } },
    { name: 'description', type: 'textarea', localized: true, maxLength: 1000 },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
