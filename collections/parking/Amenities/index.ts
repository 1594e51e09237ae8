import type { CollectionConfig } from 'payload'

import { anyone, isAdmin } from '@/access'

/** Parking amenities (CCTV, EV charging…), names in English and Arabic. */
export const Amenities: CollectionConfig = {
  slug: 'amenities',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'icon'], group: 'Parking' },
  defaultSort: 'name',
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 80 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (v: unknown) => (typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? true : 'slug must be lower-case kebab-case.'),
    },
    { name: 'icon', type: 'text', maxLength: 60, admin: { description: 'Icon name for frontends (e.g. "cctv", "ev-charging").' } },
  ],
}
