import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `models`; replaced by the catalog domain's full collection. */
export const Models: CollectionConfig = {
  slug: 'models',
  admin: { useAsTitle: 'name', group: 'Catalog' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'name', type: 'text' }],
}
