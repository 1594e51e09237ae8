import type { Payload } from 'payload'

/** Demo data for the community domain (runs after the domains it depends on). */
export async function seedCommunity(_payload: Payload): Promise<void> {}
