import type { Endpoint } from 'payload'

export const servicesEndpoints: Endpoint[] = []
