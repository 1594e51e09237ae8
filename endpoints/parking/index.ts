import type { Endpoint } from 'payload'

export const parkingEndpoints: Endpoint[] = []
