import type { CollectionConfig } from 'payload'

import { hasRole, or } from '@/access'

const editors = hasRole('editor', 'admin')

/** Partner logos for home pages. The public sees active ones, by `order`. */
export const Partners: CollectionConfig = {
  slug: 'partners',
  admin: { useAsTitle: 'name', group: 'Content', defaultColumns: ['name', 'link', 'order', 'active'] },
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
    { name: 'logo', type: 'upload', relationTo: 'media' },
    {
      name: 'link',
      type: 'text',
      maxLength: 500,
      validate: (v: unknown) => v == null || v === '' || /^https?:\/\/[^\s]+$/i.test(String(v)) || 'Use an http(s) address.',
    },
    { name: 'order', label: 'Sort Order', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, admin: { position: 'sidebar' } },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
