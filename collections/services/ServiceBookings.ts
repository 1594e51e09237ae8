import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `service-bookings`; replaced by the services domain's full collection. */
export const ServiceBookings: CollectionConfig = {
  slug: 'service-bookings',
  admin: { useAsTitle: 'bookingNumber', group: 'Services' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'bookingNumber', type: 'text' }],
}
