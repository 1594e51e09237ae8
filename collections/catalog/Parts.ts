import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `parts`; replaced by the catalog domain's full collection. */
export const Parts: CollectionConfig = {
  slug: 'parts',
  admin: { useAsTitle: 'title', group: 'Catalog' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'title', type: 'text' }],
}
