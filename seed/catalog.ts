import type { Payload } from 'payload'

/** Demo data for the catalog domain (runs after the domains it depends on). */
export async function seedCatalog(_payload: Payload): Promise<void> {}
