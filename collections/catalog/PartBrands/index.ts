import type { CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'
import { ensureSlug } from '@hooks/slug'

/** Part brands (Bosch, Brembo…): reference data kept by admins and editors. */
export const PartBrands: CollectionConfig = {
  slug: 'part-brands',
  admin: { useAsTitle: 'name', group: 'Catalog', defaultColumns: ['name', 'country', 'active'] },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true, logo: true },
  access: { read: anyone, create: or(isAdmin, hasRole('editor')), update: or(isAdmin, hasRole('editor')), delete: isAdmin },
  hooks: { beforeChange: [ensureSlug('part-brands', (d, o) => String(d.name ?? o?.name ?? ''))] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'country', type: 'text' },
    { name: 'website', type: 'text' },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
