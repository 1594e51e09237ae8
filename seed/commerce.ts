import type { Payload } from 'payload'

/** Demo data for the commerce domain (runs after the domains it depends on). */
export async function seedCommerce(_payload: Payload): Promise<void> {}
