import type { Endpoint } from 'payload'

export const catalogEndpoints: Endpoint[] = []
