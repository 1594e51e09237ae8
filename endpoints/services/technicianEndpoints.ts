/** Endpoints the services domain mounts on `technicians` (docs/services.md, "Technician tools"). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { date, num, numOr, ref } from '@/http/fields'
import { searchAvailableTechnicians } from './operations/technicians'

export const availableTechniciansEndpoint = defineEndpoint({
  method: 'get',
  path: '/available',
  summary: 'Technicians free at `at` for the service (its duration), offering it, whose service area holds the point, within radiusKm: nearest first, with distanceKm (admin).',
  auth: { roles: ['admin'], write: false },
  query: z.object({
    service: ref('service', 'services'),
    latitude: num('latitude', { min: -90, max: 90 }),
    longitude: num('longitude', { min: -180, max: 180 }),
    radiusKm: numOr('radiusKm', 25, { gt: 0, max: 500 }),
    at: date('at'),
    limit: numOr('limit', 20, { min: 1, max: 100, integer: true }),
  }),
  run: ({ req, query }) => searchAvailableTechnicians(req, query),
})

export const technicianCollectionEndpoints = [availableTechniciansEndpoint]
