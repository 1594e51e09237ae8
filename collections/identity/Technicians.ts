import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `technicians`; replaced by the identity domain's full collection. */
export const Technicians: CollectionConfig = {
  slug: 'technicians',
  admin: { useAsTitle: 'displayName', group: 'Identity' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'displayName', type: 'text' }],
}
