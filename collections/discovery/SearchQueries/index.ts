import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'
import { SEARCH_TYPES } from '@/domain/discovery/search'

/** Every search (`GET /api/search`): written by the endpoint only; feeds `GET /api/search/popular`. */
export const SearchQueries: CollectionConfig = {
  slug: 'search-queries',
  admin: { useAsTitle: 'query', defaultColumns: ['query', 'type', 'resultCount', 'user', 'createdAt'], group: 'Discovery' },
  defaultSort: '-createdAt',
  lockDocuments: false,
  access: {
    read: or(isAdmin, isOwner('user')),
    create: nobody,
    update: nobody,
    delete: or(isAdmin, isOwner('user')),
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'query', type: 'text', required: true },
    { name: 'normalizedQuery', type: 'text', required: true, index: true },
    { name: 'type', type: 'select', options: SEARCH_TYPES.map((t) => ({ label: t, value: t })), defaultValue: 'all' },
    { name: 'filters', type: 'json' },
    { name: 'resultCount', type: 'number', custom: { integer: true }, defaultValue: 0 },
  ],
  indexes: [{ fields: ['normalizedQuery', 'createdAt'] }],
}
