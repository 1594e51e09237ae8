import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `services`; replaced by the services domain's full collection. */
export const Services: CollectionConfig = {
  slug: 'services',
  admin: { useAsTitle: 'name', group: 'Services' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'name', type: 'text' }],
}
