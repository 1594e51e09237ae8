import type { CollectionConfig } from 'payload'

import { anyone, hasRole, isAdmin, or } from '@/access'
import { FEATURE_CATEGORIES, options } from '@/domain/catalog/options'
import { ensureSlug } from '@hooks/slug'

/** Car features (ABS, sunroof, Apple CarPlay…) grouped by category; reference data kept by admins and editors. */
export const Features: CollectionConfig = {
  slug: 'features',
  admin: { useAsTitle: 'name', group: 'Catalog', defaultColumns: ['name', 'category', 'slug'] },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true, category: true },
  access: { read: anyone, create: or(isAdmin, hasRole('editor')), update: or(isAdmin, hasRole('editor')), delete: isAdmin },
  hooks: { beforeChange: [ensureSlug('features', (d, o) => String(d.name ?? o?.name ?? ''))] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'category', type: 'select', required: true, index: true, options: options(FEATURE_CATEGORIES) },
    { name: 'icon', type: 'text', admin: { description: 'Icon name for the front end.' } },
  ],
}
