import type { CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'
import { cascadeCategoryPath, computeCategoryTree } from '@collections/catalog/PartCategories/hooks'
import { ensureSlug } from '@hooks/slug'

const never = () => false

/** Hierarchical part categories (Engine › Filters › Oil filters): parent relation, derived path and breadcrumbs. */
export const PartCategories: CollectionConfig = {
  slug: 'part-categories',
  admin: { useAsTitle: 'name', group: 'Catalog', defaultColumns: ['name', 'path', 'parent', 'sortOrder'] },
  defaultSort: 'path',
  defaultPopulate: { name: true, slug: true, path: true },
  access: { read: anyone, create: or(isAdmin, hasRole('editor')), update: or(isAdmin, hasRole('editor')), delete: isAdmin },
  hooks: {
    beforeChange: [ensureSlug('part-categories', (d, o) => String(d.name ?? o?.name ?? '')), computeCategoryTree],
    afterChange: [cascadeCategoryPath],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'parent', type: 'relationship', relationTo: 'part-categories', index: true },
    { name: 'description', type: 'textarea' },
    { name: 'image', type: 'upload', relationTo: 'media' },
    { name: 'sortOrder', type: 'number', custom: { integer: true }, defaultValue: 0 },
    { name: 'path', type: 'text', index: true, access: { create: never, update: never }, admin: { readOnly: true, description: 'Slugs from the root, e.g. engine/filters/oil-filters.' } },
    { name: 'depth', type: 'number', custom: { integer: true }, defaultValue: 0, access: { create: never, update: never }, admin: { readOnly: true } },
    {
      name: 'breadcrumbs',
      type: 'array',
      access: { create: never, update: never },
      admin: { readOnly: true, description: 'Ancestors, root first.' },
      fields: [
        { name: 'category', type: 'relationship', relationTo: 'part-categories' },
        { name: 'name', type: 'text' },
        { name: 'slug', type: 'text' },
      ],
    },
  ],
}
