import type { Endpoint } from 'payload'

export const commerceEndpoints: Endpoint[] = []
