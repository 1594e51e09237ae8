import type { Payload } from 'payload'

/** Demo data for the services domain (runs after the domains it depends on). */
export async function seedServices(_payload: Payload): Promise<void> {}
