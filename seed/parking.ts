import type { Payload } from 'payload'

/** Demo data for the parking domain (runs after the domains it depends on). */
export async function seedParking(_payload: Payload): Promise<void> {}
