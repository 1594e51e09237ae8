import type { Payload } from 'payload'

/** Demo data for the negotiation domain (runs after the domains it depends on). */
export async function seedNegotiation(_payload: Payload): Promise<void> {}
