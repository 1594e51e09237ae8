import { type AccessRow, rules } from './types'

// Placeholder collections (admin-only stubs) until their domain replaces them; each domain removes its lines.
const ALL = ['create', 'read', 'update', 'delete'] as const
export const rows: AccessRow[] = [
  'makes', 'models', 'cars', 'parts', 'part-categories', 'part-brands', 'dealers', 'technicians', 'vehicles',
  'parking-spots', 'parking-bookings', 'services', 'service-bookings', 'orders', 'posts',
].flatMap((slug) => rules(slug, [...ALL], 'n n n n n n y'))
