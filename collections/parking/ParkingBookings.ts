import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'

/** STUB: placeholder so other domains can reference `parking-bookings`; replaced by the parking domain's full collection. */
export const ParkingBookings: CollectionConfig = {
  slug: 'parking-bookings',
  admin: { useAsTitle: 'bookingCode', group: 'Parking' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [{ name: 'bookingCode', type: 'text' }],
}
