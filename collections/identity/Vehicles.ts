import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `vehicles`; replaced by the identity domain's full collection. */
export const Vehicles: CollectionConfig = {
  slug: 'vehicles',
  admin: { useAsTitle: 'licensePlate', group: 'Identity' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'licensePlate', type: 'text' }],
}
