import type { Endpoint } from 'payload'

export const discoveryEndpoints: Endpoint[] = []
