import type { Payload } from 'payload'

/** Demo data for the discovery domain (runs after the domains it depends on). */
export async function seedDiscovery(_payload: Payload): Promise<void> {}
