import type { Endpoint } from 'payload'

export const communityEndpoints: Endpoint[] = []
