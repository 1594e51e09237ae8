import type { Endpoint } from 'payload'

export const negotiationEndpoints: Endpoint[] = []
