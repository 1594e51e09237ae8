import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `parking-spots`; replaced by the parking domain's full collection. */
export const ParkingSpots: CollectionConfig = {
  slug: 'parking-spots',
  admin: { useAsTitle: 'name', group: 'Parking' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'name', type: 'text' }],
}
