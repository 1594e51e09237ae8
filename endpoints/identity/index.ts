import type { Endpoint } from 'payload'

export const identityEndpoints: Endpoint[] = []
