import type { CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'
import { ensureSlug } from '@hooks/slug'

/** Car makes (reference data): readable by everyone, kept by admins and editors. */
export const Makes: CollectionConfig = {
  slug: 'makes',
  admin: { useAsTitle: 'name', group: 'Catalog', defaultColumns: ['name', 'country', 'active', 'slug'] },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true, logo: true },
  access: { read: anyone, create: or(isAdmin, hasRole('editor')), update: or(isAdmin, hasRole('editor')), delete: isAdmin },
  hooks: { beforeChange: [ensureSlug('makes', (d, o) => String(d.name ?? o?.name ?? ''))] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'country', type: 'text' },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
