import type { Endpoint } from 'payload'

export const contentEndpoints: Endpoint[] = []
