import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `dealers`; replaced by the identity domain's full collection. */
export const Dealers: CollectionConfig = {
  slug: 'dealers',
  admin: { useAsTitle: 'name', group: 'Identity' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'name', type: 'text' }],
}
