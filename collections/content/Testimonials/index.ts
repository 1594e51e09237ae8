import type { CollectionConfig } from 'payload'

import { hasRole, or } from '@/access'

const editors = hasRole('editor', 'admin')

/** Customer testimonials for home pages (quote localized). The public sees active ones, by `order`. */
export const Testimonials: CollectionConfig = {
  slug: 'testimonials',
  admin: { useAsTitle: 'name', group: 'Content', defaultColumns: ['name', 'company', 'rating', 'order', 'active'] },
  access: {
    read: or(editors, () => ({ active: { equals: true } })),
    create: editors,
    update: editors,
    delete: editors,
  },
  defaultSort: 'order',
  indexes: [{ fields: ['active', 'order'] }],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        { name: 'role', type: 'text', maxLength: 120 },
        { name: 'company', type: 'text', maxLength: 120 },
      ],
    },
    { name: 'quote', type: 'textarea', localized: true, required: true, maxLength: 1000 },
    {
      name: 'rating',
      type: 'number',
      custom: { integer: true },
      min: 1,
      max: 5,
      admin: { step: 1 },
      validate: (v: unknown) => v == null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5) || 'A whole number from 1 to 5.',
    },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    { name: 'order', label: 'Sort Order', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, admin: { position: 'sidebar' } },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
