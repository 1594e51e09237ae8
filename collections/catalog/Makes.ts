import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `makes`; replaced by the catalog domain's full collection. */
export const Makes: CollectionConfig = {
  slug: 'makes',
  admin: { useAsTitle: 'name', group: 'Catalog' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'name', type: 'text' }],
}
