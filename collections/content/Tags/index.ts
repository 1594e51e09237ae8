import type { CollectionConfig } from 'payload'

import { hasRole, or } from '@/access'
import { slugFromTitle } from '@hooks/content/posts'

const editors = hasRole('editor', 'admin')

/** Blog tags. The public sees active ones. */
export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: 'Tag', plural: 'Tags' },
  admin: { useAsTitle: 'name', group: 'Content', defaultColumns: ['name', 'slug', 'active', 'updatedAt'] },
  access: {
    read: or(editors, () => ({ active: { equals: true } })),
    create: editors,
    update: editors,
    delete: editors,
  },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true },
  hooks: { beforeValidate: [slugFromTitle('name', 'tags')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'slug', type: 'text', unique: true, index: true, maxLength: 100, admin: { position: 'sidebar', description: 'Generated from the name when empty.' } },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
