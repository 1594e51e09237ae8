import { type AccessRow, rules } from './types'

// Placeholder collections (admin-only stubs) until their domain replaces them; each domain removes its lines.
const ALL = ['create', 'read', 'update', 'delete'] as const
export const rows: AccessRow[] = ([] as string[]).flatMap((slug) => rules(slug, [...ALL], 'n n n n n n y'))
