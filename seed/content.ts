import type { Payload } from 'payload'

/** Demo data for the content domain (runs after the domains it depends on). */
export async function seedContent(_payload: Payload): Promise<void> {}
